import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES, KINDS } from '../src/domain/registry.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import type { Service } from '../src/service.js';
import { freePort } from './helpers/ports.js';
import { graphql, startTestService } from './helpers/service.js';

describe('health, readiness and HTTP errors', () => {
  let service: Service;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  it('GET /health answers 200 while the process is up', async () => {
    const response = await fetch(`${service.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 once Neo4j answers and the schema is in place', async () => {
    const response = await fetch(`${service.url}/ready`);
    expect(await response.json()).toEqual({ status: 'ready' });
    expect(response.status).toBe(200);
  });

  it('keeps idle connections open longer than a load balancer does (60 s), headers timeout above that', async () => {
    const response = await fetch(`${service.url}/health`);
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
    const custom = await startTestService({ HTTP_KEEP_ALIVE_TIMEOUT_S: '125' });
    try {
      expect((await fetch(`${custom.url}/health`)).headers.get('keep-alive')).toBe('timeout=125');
    } finally {
      await custom.stop();
    }
  });

  it('POST /graphql answers a query', async () => {
    const result = await graphql<{ graphStats: { nodes: Array<{ label: string }> } }>(
      service.url,
      '{ graphStats { nodes { label count } } }',
    );
    expect(result.status).toBe(200);
    // Every kind the registry declares, in its order, then the sources.
    expect(result.data?.graphStats.nodes.map((n) => n.label)).toEqual([...ENTITY_TYPES.map((type) => KINDS[type].label), 'Source']);
  });

  it('answers malformed JSON with 400 and a sentence', async () => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers a body over 1 MB with 413', async () => {
    const body = JSON.stringify({ query: `{ graphStats { nodes { label } } } #${'x'.repeat(1_100_000)}` });
    const response = await fetch(`${service.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toBe(
      'The request body is larger than the 1 MB limit.',
    );
  });
});

describe('readiness while Neo4j is down', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-ready-'));
  let neo4j: LocalNeo4j;
  let service: Service;
  let boltPort: number;

  beforeAll(async () => {
    boltPort = await freePort();
    neo4j = await startLocalNeo4j({ dataDir, port: boltPort });
    service = await startTestService({ NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password });
  }, 600_000);
  afterAll(async () => {
    await service.stop();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with a reason within a few seconds, and 200 again once Neo4j is back', async () => {
    expect((await fetch(`${service.url}/ready`)).status).toBe(200);
    await neo4j.stop();

    const started = Date.now();
    const down = await fetch(`${service.url}/ready`);
    expect(down.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(6_000);
    const body = (await down.json()) as { status: string; reason: string };
    expect(body.status).toBe('unavailable');
    expect(body.reason).toMatch(/^Neo4j does not answer: /);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);

    neo4j = await startLocalNeo4j({ dataDir, port: boltPort });
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await fetch(`${service.url}/ready`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
  }, 600_000);
});
