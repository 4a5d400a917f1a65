import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { loadDatasetOrThrow } from '../src/seed/dataset.js';
import { toGraphRows } from '../src/seed/graph-rows.js';
import { DEFAULT_SEED_DIR, seedDatabase } from '../src/seed/load.js';
import { testDatabase } from './helpers/database.js';
import { graphFingerprint } from './helpers/fingerprint.js';
import { runMain, waitFor } from './helpers/main-process.js';
import { freePort } from './helpers/ports.js';

// `npm start` on an empty store with the default DEFAULT_CATALOGUES: the documents and Epoch's
// language models. The first start is killed in the middle of the Epoch step; the next start must
// end with the graph a clean load writes, and a start on the loaded graph must change nothing.
// Uses the run's Neo4j, emptied first and given back with the documents' graph.

let db: Database;
beforeAll(async () => {
  db = testDatabase(120_000);
  await new SeedRepository(db).reset();
});
afterAll(async () => {
  await new SeedRepository(db).reset();
  await seedDatabase(db);
  await db.close();
}, 600_000);

const env = () => ({
  NEO4J_URI: inject('neo4jUri'),
  NEO4J_PASSWORD: inject('neo4jPassword'),
  LOG_LEVEL: 'warn',
  MEASURES_ENABLED: 'false',
});
const DEFAULT = { DEFAULT_CATALOGUES: '' };

/** Starts `node dist/main.js`, waits for /ready, runs one GraphQL query, stops it. */
async function startAndAsk<T>(query: string, extra: Record<string, string> = {}): Promise<T> {
  const port = await freePort();
  const run = runMain({ ...env(), ...DEFAULT, ...extra, PORT: String(port) });
  try {
    await waitFor(`http://127.0.0.1:${port}/ready`, 540_000, 200);
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const { data, errors } = (await response.json()) as { data: T; errors?: unknown };
    expect(errors).toBeUndefined();
    return data;
  } finally {
    run.child.kill('SIGTERM');
    await run.exited;
  }
}

/** The number of models the API serves, from a start on the store as it is. */
async function startAndStop(extra: Record<string, string> = {}): Promise<number> {
  const data = await startAndAsk<{ graphStats: { nodes: Array<{ label: string; count: number }> } }>(
    '{ graphStats { nodes { label count } } }',
    extra,
  );
  return data.graphStats.nodes.find((n) => n.label === 'Model')!.count;
}

const datedShare = async () => {
  const [row] = await db.scope().read('MATCH (m:Model) RETURN count(*) AS models, count(m.releaseDate) AS dated');
  return { models: Number(row!.models), dated: Number(row!.dated) };
};

describe('the default graph', { timeout: 900_000 }, () => {
  it('is loaded into an empty store, resumed after a crash, and left alone by the next start', async () => {
    // Killed after the documents' batches and six of Epoch's (its source, entities and some citations).
    const rows = toGraphRows(loadDatasetOrThrow(DEFAULT_SEED_DIR));
    const seedBatches = [rows.sources, ...Object.values(rows.entities), rows.citations, ...Object.values(rows.relationships)].reduce(
      (sum, list) => sum + Math.ceil(list.length / 1_000),
      0,
    );
    const killed = runMain({
      ...env(),
      ...DEFAULT,
      PORT: String(await freePort()),
      LLM_GRAPH_TEST_KILL_AFTER_BATCH: String(seedBatches + 6),
    });
    expect((await killed.exited).signal, killed.output()).toBe('SIGKILL');
    const [partial] = await db
      .scope()
      .read("RETURN COUNT { (:GraphMeta) } AS marker, COUNT { (s:Source) WHERE s.id STARTS WITH 'catalogue-epoch-csv-' } AS epoch");
    expect(partial).toEqual({ marker: 0, epoch: 1 });

    expect(await startAndStop()).toBeGreaterThanOrEqual(1_000);
    const resumed = await graphFingerprint(db);
    const { models, dated } = await datedShare();
    expect(models).toBeGreaterThanOrEqual(1_000);
    expect(dated / models).toBeGreaterThanOrEqual(0.9);

    // A second start changes nothing.
    await startAndStop();
    expect(await graphFingerprint(db)).toEqual(resumed);

    // A clean load, never interrupted, writes the same graph.
    await new SeedRepository(db).reset();
    await seedDatabase(db, { catalogues: ['epoch'] });
    expect(await graphFingerprint(db)).toEqual(resumed);
  });

  it('gives the field its techniques: cited, on 500 models, shared across catalogue models, MoE over four years', async () => {
    // The graph the clean load above wrote (documents and Epoch's language models).
    const [counts] = await db.scope().read(
      `RETURN COUNT { (m:Model) WHERE EXISTS { (m)-[:USES]->(:Technique) } } AS models,
              COUNT { (m:Model)-[:USES]->(:Technique {id: 'moe'}) WHERE m.name =~ '(?i).*\\bdense\\b.*' } AS denseMoe,
              COUNT { ()-[r:USES]->() WHERE any(q IN r.citationQuotes WHERE q <> '') AND any(n IN r.citationNotes WHERE n STARTS WITH 'Catalogue entry row ') } AS quoted`,
    );
    expect(counts!.models).toBeGreaterThanOrEqual(500);
    expect(counts!.denseMoe).toBe(0);
    expect(counts!.quoted).toBeGreaterThan(600);
    const data = await startAndAsk<{
      sharedTechniques: Array<{ id: string }>;
      adoptionCurve: Array<{ points: Array<{ period: string; count: number }> }>;
    }>(`{ sharedTechniques(modelIds: ["mixtral-8x7b", "deepseek-v3"]) { id }
          adoptionCurve(techniqueIds: ["moe", "rlhf"], bucket: YEAR) { technique { id } points { period count } } }`);
    expect(data.sharedTechniques.map((t) => t.id)).toContain('moe');
    const years = (i: number) => data.adoptionCurve[i]!.points.filter((p) => p.count > 0).map((p) => Number(p.period));
    expect(Math.max(...years(0)) - Math.min(...years(0))).toBeGreaterThanOrEqual(4);
    expect(Math.min(...years(1))).toBeLessThanOrEqual(2022);
  });

  it('loads the documents only with DEFAULT_CATALOGUES=none', async () => {
    await new SeedRepository(db).reset();
    const served = await startAndStop({ DEFAULT_CATALOGUES: 'none' });
    const [row] = await db
      .scope()
      .read(
        "RETURN COUNT { (:Model) } AS models, COUNT { (s:Source) WHERE s.id STARTS WITH 'catalogue-' } AS catalogues, COUNT { (:GraphMeta) } AS marker",
      );
    const rows = toGraphRows(loadDatasetOrThrow(DEFAULT_SEED_DIR));
    expect(row).toEqual({ models: rows.entities.MODEL.length, catalogues: 0, marker: 1 });
    expect(served).toBe(rows.entities.MODEL.length);
  });
});
