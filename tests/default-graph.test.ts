import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { CATALOGUE_NAMES } from '../src/config/config.js';
import { DEFAULT_CATALOGUES, readDefaultCatalogue } from '../src/import/default-catalogues.js';
import { existingFromDatabase } from '../src/import/existing.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { Decisions } from '../src/resolve/decisions.js';
import { undecidedNamesakes } from '../src/resolve/duplicates.js';
import { nameKey } from '../src/resolve/names.js';
import { loadDatasetOrThrow } from '../src/seed/dataset.js';
import { toGraphRows } from '../src/seed/graph-rows.js';
import { DEFAULT_SEED_DIR, seedDatabase } from '../src/seed/load.js';
import { formatDataset, rowsToDataset, writeDatasetFiles } from '../src/seed/seed-files.js';
import { testDatabase } from './helpers/database.js';
import { fingerprintDiff, graphFingerprint } from './helpers/fingerprint.js';
import { runMain, runMainKilledAt, waitFor } from './helpers/main-process.js';
import { freePort } from './helpers/ports.js';

// `npm start` on an empty store with the default DEFAULT_CATALOGUES: the documents, Epoch's language
// models, models.dev's canonical models, LLM Stats and Epoch's Benchmarking Hub. A first start killed inside each loading phase must restart to the graph a clean
// load writes; a start on the loaded graph changes nothing; the graph's export reloads into an equal
// graph; and it holds no unresolved namesakes. Uses the run's Neo4j, emptied first and given back
// with the documents' graph.

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
  MEASURES_ENABLED: 'false',
  DEFAULT_CATALOGUES: '',
});

/** Starts `node dist/main.js`, waits for /ready, runs one GraphQL query, stops it. */
async function startAndAsk<T>(query: string, extra: Record<string, string> = {}): Promise<T> {
  const port = await freePort();
  const run = runMain({ ...env(), LOG_LEVEL: 'warn', ...extra, PORT: String(port) });
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

/** The number of models the API serves and Google's with its units, from a start on the store as it is. */
async function startAndStop(extra: Record<string, string> = {}): Promise<{ models: number; google: number }> {
  const data = await startAndAsk<{ graphStats: { nodes: Array<{ label: string; count: number }> }; models: { totalCount: number } }>(
    '{ graphStats { nodes { label count } } models(where: {organization: "Google"}) { totalCount } }',
    extra,
  );
  return { models: data.graphStats.nodes.find((n) => n.label === 'Model')!.count, google: data.models.totalCount };
}

const PHASES = ['the documents', ...CATALOGUE_NAMES.map((name) => DEFAULT_CATALOGUES[name].title)];

describe('the default graph', { timeout: 1_500_000 }, () => {
  let clean: Record<string, string[]>;

  it('is what a clean load writes, and holds no two namesakes of one developer without a decision', async () => {
    await seedDatabase(db, { catalogues: [...CATALOGUE_NAMES] });
    clean = await graphFingerprint(db);
    const entities = await existingFromDatabase(db);
    expect(undecidedNamesakes(entities, Decisions.read())).toEqual([]);
    const models = entities.filter((e) => e.kind === 'MODEL');
    expect(models.length).toBeGreaterThanOrEqual(1_000);
    expect(models.filter((m) => m.values.releaseDate !== undefined).length / models.length).toBeGreaterThanOrEqual(0.9);
  });

  it('reaches 2026 through models.dev: one node per model across the catalogues, each row’s key and snapshot date kept', async () => {
    const [row] = await db.scope().read(
      `MATCH (m:Model) WHERE m.releaseDate IS NOT NULL WITH m ORDER BY m.releaseDate DESC LIMIT 1
       MATCH (sonnet:Model {id: 'claude-3-7-sonnet'})
       RETURN m.releaseDate AS newest, sonnet.aliases AS aliases,
              COLLECT { MATCH (sonnet)-[c:CITES]->(s:Source) WHERE s.id STARTS WITH 'catalogue-models-dev-' RETURN DISTINCT c.locator } AS keys,
              COLLECT { MATCH (s:Source) WHERE s.id STARTS WITH 'catalogue-' RETURN s.date + ' ' + s.retrieved ORDER BY s.date } AS dates`,
    );
    expect(String(row!.newest).slice(0, 4)).toBe('2026');
    // Epoch's "Claude 3.7 Sonnet" and models.dev's claude-3-7-sonnet-20250219 ("Claude Sonnet 3.7") are one model.
    expect(row!.aliases).toEqual(expect.arrayContaining(['Claude Sonnet 3.7', 'claude-3-7-sonnet-20250219']));
    expect(row!.keys).toEqual(['models/anthropic/claude-3-7-sonnet-20250219.toml']);
    // Each snapshot's date is the date of its data, apart from the day it was copied.
    expect(row!.dates).toEqual([
      '2025-03-14 2026-11-29', // Epoch's table
      '2025-05-22 2026-12-07', // LLM Stats: its newest card or result
      '2025-11-17 2026-12-07', // the Benchmarking Hub: its newest run
      '2026-07-02 2026-12-07', // models.dev
    ]);
  });

  it('gives every organization the catalogue gives a country that country, cited', async () => {
    const stated = readDefaultCatalogue('epoch').organizations!;
    expect(stated.length).toBeGreaterThan(300);
    const rows = await db.scope().read(
      `MATCH (o:Organization) RETURN o.name AS name, coalesce(o.aliases, []) AS aliases, o.country AS country,
                COUNT { (o)-[c:CITES]->() WHERE c.attribute = 'country' } AS cited`,
    );
    const byName = new Map(rows.flatMap((r) => [r.name as string, ...(r.aliases as string[])].map((n) => [nameKey(n), r] as const)));
    const missing = stated.filter((r) => {
      const node = byName.get(nameKey(r.name));
      return node === undefined || node.country === null || Number(node.cited) === 0;
    });
    expect(missing.map((r) => r.name)).toEqual([]);
  });

  it('counts Google’s models with its units as the union of its units’ models', async () => {
    const [row] = await db.scope().read(
      `MATCH (g:Organization {id: 'google'})
       CALL (g) { MATCH (g)<-[:PART_OF*0..5]-(u:Organization)<-[:DEVELOPED_BY]-(m:Model) RETURN collect(DISTINCT m.id) AS union }
       RETURN union, COLLECT { MATCH (g)<-[:PART_OF*1..5]-(u:Organization) RETURN u.id } AS units`,
    );
    expect(row!.units as string[]).toEqual(expect.arrayContaining(['google-deepmind', 'google-research', 'google-brain', 'google-ai']));
    const { google } = await startAndStop();
    expect(google).toBe((row!.union as string[]).length);
    expect(google).toBeGreaterThan(100);
  });

  it('gives the field its techniques: cited, on 500 models, shared across catalogue models, MoE over four years', async () => {
    // The clean load of the first test (documents and Epoch's language models).
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

  it('is one node per model across models.dev, LLM Stats and the Benchmarking Hub, its results and catalogue rows on it', async () => {
    const rows = await db.scope().read(
      `UNWIND $names AS name
       MATCH (m:Model) WHERE toLower(m.name) = toLower(name) OR any(a IN m.aliases WHERE toLower(a) = toLower(name))
       WITH name, collect(m) AS nodes
       RETURN name, [m IN nodes | m.id] AS ids, [m IN nodes | COUNT { (m)-[:SCORED_ON]->() }] AS results,
              [m IN nodes | COLLECT { MATCH (m)-[:CITES]->(s:Source) WHERE s.id STARTS WITH 'catalogue-' RETURN DISTINCT substring(s.id, 10, size(s.id) - 23) }] AS catalogues`,
      { names: ['GPT-4o', 'Claude Opus 4', 'Gemini 2.5 Pro', 'Llama 4 Maverick', 'Llama 4 Scout', 'GPT-5 Pro'] },
    );
    const byName = Object.fromEntries(rows.map((r) => [r.name as string, r]));
    const ids = Object.fromEntries(rows.map((r) => [r.name as string, r.ids as string[]]));
    expect(ids).toEqual({
      'GPT-4o': ['gpt-4o'],
      'Claude Opus 4': ['claude-opus-4'],
      'Gemini 2.5 Pro': ['gemini-2-5-pro'],
      'Llama 4 Maverick': ['llama-4-maverick-17b-instruct'],
      'Llama 4 Scout': ['llama-4-scout-17b-instruct'],
      'GPT-5 Pro': ['gpt-5-pro'],
    });
    for (const row of Object.values(byName)) {
      expect(Number((row.results as unknown[])[0])).toBeGreaterThan(0);
      // catalogue-<format>-<12-character hash>: models.dev's canonical row and the Hub's versions cite the one node.
      expect((row.catalogues as string[][])[0]).toEqual(expect.arrayContaining(['models-dev', 'epoch-benchmarks']));
    }
  });

  it('holds the benchmark results of its catalogues, each with whether it is self-reported; GPT-4o’s MMLU from every publisher', async () => {
    const [counts] = await db.scope().read(
      `MATCH ()-[r:SCORED_ON]->() RETURN count(r) AS results, count(r.url) AS withUrl, count(r.selfReported) AS said,
              count(DISTINCT endNode(r)) AS benchmarks`,
    );
    expect(counts!.withUrl).toBeGreaterThanOrEqual(4000);
    expect(counts!.said).toBe(counts!.results);
    const gpt4o = await db
      .scope()
      .read(
        "MATCH (:Model {id: 'gpt-4o'})-[r:SCORED_ON]->(:Benchmark {id: 'mmlu'}) RETURN r.measuredBy AS by, r.selfReported AS self ORDER BY r.selfReported",
      );
    expect(new Set(gpt4o.map((r) => r.by))).toEqual(new Set(['Stanford CRFM', 'Microsoft', 'OpenAI']));
  });

  it.each(PHASES)('restarts to the same graph after a first start killed inside the load of %s', async (phase) => {
    await new SeedRepository(db).reset();
    const killed = runMainKilledAt(
      { ...env(), PORT: String(await freePort()) },
      (b) => b.phase === phase && b.done === Math.ceil(b.total / 2),
    );
    expect((await killed.exited).signal, killed.output()).toBe('SIGKILL');
    expect(killed.killedAt()?.phase).toBe(phase);
    // No completion marker; the catalogues finished before the kill are marked, and the restart skips them.
    const [partial] = await db
      .scope()
      .read(
        "RETURN COUNT { (:GraphMeta {id: 'seed'}) } AS marker, COUNT { (m:GraphMeta {id: 'seed-steps'}) WHERE size(m.finished) = $before } AS finished",
        { before: PHASES.indexOf(phase) - 1 },
      );
    expect(partial).toEqual({ marker: 0, finished: PHASES.indexOf(phase) > 1 ? 1 : 0 });

    await startAndStop();
    expect(fingerprintDiff(await graphFingerprint(db), clean)).toEqual({});
    // A second start changes nothing.
    await startAndStop();
    expect(fingerprintDiff(await graphFingerprint(db), clean)).toEqual({});
  });

  it('exports into the seed format and reloads into an empty database as the same graph', async () => {
    const exported = await graphFingerprint(db);
    const dir = mkdtempSync(path.join(tmpdir(), 'default-graph-export-'));
    writeDatasetFiles(formatDataset(rowsToDataset(await new SeedRepository(db).read())), dir);
    symlinkSync(path.resolve('seed/documents'), path.join(dir, 'documents'));
    // The reviewed resolution decisions live in seed/ beside the data (an export into seed/ keeps them): the
    // reload checks its namesakes (HumanEval and HumanEval+) against them.
    symlinkSync(path.resolve('seed/resolution.json'), path.join(dir, 'resolution.json'));
    await new SeedRepository(db).reset();
    await seedDatabase(db, { dir });
    expect(fingerprintDiff(await graphFingerprint(db), exported)).toEqual({});
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
    expect(served.models).toBe(rows.entities.MODEL.length);
  });
});
