import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import type { Service } from '../src/service.js';
import { freePort } from './helpers/ports.js';
import { graphql, startTestService } from './helpers/service.js';

// A Neo4j of this file's own, so stopping and freezing it disturbs no other test.
const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-faults-'));
const TIMEOUT_MS = 2_000;
let port: number;
let neo4j: LocalNeo4j | undefined;
let service: Service | undefined;

const QUERY = '{ model(id: "gpt-4") { name developers { name } } }';

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

const answers = async () => {
  const result = await graphql(service!.url, QUERY);
  return result.errors === undefined && result.data !== undefined;
};

beforeAll(async () => {
  port = await freePort();
});
afterAll(async () => {
  if (neo4j?.pid) process.kill(neo4j.pid, 'SIGCONT');
  await service?.stop();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a failing database', () => {
  it('start-up waits, with backoff, for a database that does not answer yet', async () => {
    neo4j = await startLocalNeo4j({ dataDir, port });
    process.kill(neo4j.pid!, 'SIGSTOP');
    const starting = startTestService({
      NEO4J_URI: neo4j.uri,
      NEO4J_PASSWORD: neo4j.password,
      REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      // The database's failures are under test: a cached answer would hide them (it is right to serve one).
      RESPONSE_CACHE_MB: '0',
    });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    process.kill(neo4j.pid!, 'SIGCONT');
    service = await starting;
    expect((await fetch(`${service.url}/ready`)).status).toBe(200);
    expect(await graphql(service.url, QUERY)).toMatchObject({ data: { model: { name: 'GPT-4' } } });
  }, 600_000);

  it('fails fast with SERVICE_UNAVAILABLE while Neo4j is frozen, and recovers by itself when it thaws', async () => {
    process.kill(neo4j!.pid!, 'SIGSTOP');
    try {
      const started = Date.now();
      const results = await Promise.all([
        graphql(service!.url, QUERY),
        graphql(service!.url, QUERY),
        graphql(service!.url, '{ search(query: "GPT") { score } }'),
      ]);
      const elapsed = Date.now() - started;
      for (const result of results) {
        expect(result.errors?.[0]).toMatchObject({
          message: 'The database is unavailable or too slow right now; try again shortly.',
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        });
      }
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 2_000);
      const readyStarted = Date.now();
      expect((await fetch(`${service!.url}/ready`)).status).toBe(503);
      expect(Date.now() - readyStarted).toBeLessThan(4_000);
    } finally {
      process.kill(neo4j!.pid!, 'SIGCONT');
    }
    expect(await eventually(answers, 30_000)).toBe(true);
    expect((await fetch(`${service!.url}/ready`)).status).toBe(200);
  }, 90_000);

  it('answers SERVICE_UNAVAILABLE while Neo4j is stopped and recovers when it restarts, without a service restart', async () => {
    await neo4j!.stop();
    const down = await graphql(service!.url, QUERY);
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${service!.url}/health`)).status).toBe(200);
    neo4j = await startLocalNeo4j({ dataDir, port });
    expect(await eventually(answers, 30_000)).toBe(true);
  }, 600_000);
});
