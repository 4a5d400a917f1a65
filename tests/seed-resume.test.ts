import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { type LocalNeo4j, startLocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import { loadDatasetOrThrow } from '../src/seed/dataset.js';
import { toGraphRows } from '../src/seed/graph-rows.js';
import { DEFAULT_SEED_DIR } from '../src/seed/load.js';
import { runMain, runMainKilledAt, waitFor } from './helpers/main-process.js';
import { freePort } from './helpers/ports.js';

// The first load killed (SIGKILL, by the test, when the service logs the wanted batch) at several
// points; each next start must end with the full graph.
const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-resume-'));
let neo4j: LocalNeo4j;
let db: Database;

const COUNTS = `
  RETURN COUNT { (:Entity) } AS entities, COUNT { (:Source) } AS sources, COUNT { ()-[:CITES]->() } AS citations,
         COUNT { ()-[r]->() WHERE r.id IS NOT NULL } AS relationships, COUNT { (:GraphMeta) } AS marker`;

beforeAll(async () => {
  neo4j = await startLocalNeo4j({ dataDir, port: await freePort() });
  db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: undefined, timeoutMs: 30_000 });
}, 600_000);
afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({ NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password });

describe('an interrupted first load', () => {
  it.each([1, 7])(
    'killed at seed batch %s: the graph is marked incomplete, then the next start completes it',
    async (batch) => {
      const killed = runMainKilledAt({ ...env(), PORT: String(await freePort()) }, (b) => b.batch === batch);
      expect((await killed.exited).signal, killed.output()).toBe('SIGKILL');
      expect(killed.killedAt()?.batch).toBe(batch);
      const [partial] = await db.scope().read(COUNTS);
      expect(partial?.marker).toBe(0);
      // Batch 1 writes the sources; later ones the entities, citations and relationships.
      expect(Number(partial?.sources) + Number(partial?.entities)).toBeGreaterThan(0);
    },
    120_000,
  );

  it('the next start resumes the load and ends with the same graph as a clean seed', async () => {
    const port = await freePort();
    const run = runMain({ ...env(), LOG_LEVEL: 'warn', PORT: String(port) });
    try {
      await waitFor(`http://127.0.0.1:${port}/ready`, 120_000, 200);
      const [resumed] = await db.scope().read(COUNTS);
      // What a clean seed writes: every row of the seed folder once.
      const rows = toGraphRows(loadDatasetOrThrow(DEFAULT_SEED_DIR));
      expect(resumed).toEqual({
        entities: Object.values(rows.entities).flat().length,
        sources: rows.sources.length,
        citations: rows.citations.length,
        relationships: Object.values(rows.relationships).flat().length,
        marker: 1,
      });
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  }, 180_000);
});
