import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { graphFingerprint } from './helpers/fingerprint.js';
import { freePort } from './helpers/ports.js';
import { graphql, startTestService } from './helpers/service.js';

/**
 * The embedded Neo4j under a running service, killed as the out-of-memory killer would (SIGKILL of
 * its Java process): the supervisor says so (503 with Retry-After, /ready "restarting"), starts it
 * again on the same store, and the service answers with the same graph, without a restart of its own.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-supervision-'));
let service: Service | undefined;

async function poll<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const QUERY = '{ graphStats { nodes { label count } relationships { label count } } model(id: "gpt-4") { name developers { name } } }';

beforeAll(async () => {
  // The embedded Neo4j (NEO4J_URI unset) in a store of this file's own, loaded with the documents.
  service = await startTestService({
    NEO4J_URI: '',
    NEO4J_PASSWORD: '',
    NEO4J_LOCAL_PORT: String(await freePort()),
    NEO4J_LOCAL_DATA: dataDir,
    RESPONSE_CACHE_MB: '0',
  });
}, 900_000);

afterAll(async () => {
  await service?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded Neo4j, killed under a running service', () => {
  it('is restarted on the same store: 503 with Retry-After meanwhile, then ready with the same graph', async () => {
    const { url } = service!;
    const before = await graphql(url, QUERY);
    expect(before.errors).toBeUndefined();
    const fingerprint = await graphFingerprint(service!.database);
    const killed = service!.neo4jPid()!;

    const killedAt = Date.now();
    process.kill(killed, 'SIGKILL');
    const restarting = await poll(async () => {
      const ready = await fetch(`${url}/ready`);
      const body = (await ready.json()) as { status: string; reason: string };
      return body.status === 'restarting' ? { ready, body } : undefined;
    });
    expect(restarting.ready.status).toBe(503);
    expect(Number(restarting.ready.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(restarting.body.reason).toMatch(/^The embedded Neo4j was killed by SIGKILL .*; it is being restarted \(attempt 1\)/);

    const meanwhile = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    // Unless the restart was quicker than this request.
    if (meanwhile.status !== 200) {
      expect(meanwhile.status).toBe(503);
      expect(Number(meanwhile.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await meanwhile.json()) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors[0]).toMatchObject({
        message: expect.stringContaining('is being restarted'),
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }

    await poll(async () => ((await fetch(`${url}/ready`)).status === 200 ? true : undefined));
    const readyAfterS = (Date.now() - killedAt) / 1000;
    console.info(`the service was ready again ${readyAfterS.toFixed(1)} s after its Neo4j was killed`);
    expect(service!.neo4jPid()).not.toBe(killed);
    expect(await graphFingerprint(service!.database)).toEqual(fingerprint);
    const after = await poll(async () => {
      const result = await graphql(url, QUERY);
      return result.errors === undefined ? result : undefined;
    });
    expect(after.data).toEqual(before.data);
  }, 900_000);
});
