import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLoadPath, type EmbeddedStore, entityCount, loadGraph } from '../src/bulk-load/load-graph.js';
import { Database } from '../src/db/database.js';
import { applyMigrations } from '../src/db/migrations.js';
import { type LocalNeo4j, startLocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { loadDatasetOrThrow } from '../src/seed/dataset.js';
import { type GraphRows, toGraphRows } from '../src/seed/graph-rows.js';
import { DEFAULT_SEED_DIR } from '../src/seed/load.js';
import { graphFingerprint } from './helpers/fingerprint.js';
import { freePort } from './helpers/ports.js';

// Its own throwaway Neo4j: the bulk path stops and restarts the store, which the run's shared one must not be.
const dataDir = mkdtempSync(path.join(tmpdir(), 'bulk-load-'));
let local: LocalNeo4j | undefined;
let db: Database;
let port: number;

const connect = (neo: LocalNeo4j) =>
  new Database({ uri: neo.uri, user: neo.user, password: neo.password, database: undefined, timeoutMs: 120_000 });
const store: EmbeddedStore = {
  dataDir,
  stop: async () => {
    await local?.stop();
    local = undefined;
  },
  start: async () => {
    local = await startLocalNeo4j({ dataDir, port, startTimeoutMs: 300_000, finishingBulkImport: true });
    return connect(local);
  },
};

/** The documents' graph, and rows holding what CSV cannot say plainly: empty lists, a list of one empty quote, line breaks, quotes, commas. */
function rowsUnderTest(): GraphRows {
  const rows = toGraphRows(loadDatasetOrThrow(DEFAULT_SEED_DIR));
  const [first, second] = rows.entities.MODEL;
  rows.entities.MODEL.push({
    id: 'bulk-edge-case',
    name: 'Edge "Case", v2',
    aliases: [],
    aliasText: '',
    description: 'Two lines,\nwith "quotes" and a comma; and 中文.',
    props: { ...first!.props, modalities: ['text'], parameters: 7e9, openWeights: null },
  });
  rows.citations.push({ ...rows.citations[0]!, entityId: 'bulk-edge-case', ordinal: 0, quote: null, note: 'A note, "quoted".' });
  rows.relationships.DERIVED_FROM.push({
    id: `bulk-edge-case:DERIVED_FROM:${second!.id}`,
    from: 'bulk-edge-case',
    to: second!.id,
    kind: null,
    citationSources: [rows.sources[0]!.id],
    citationQuotes: [''],
    citationNotes: [''],
    citationConfidences: [0.5],
    confidence: 0.5,
  });
  return rows;
}

/** Each property's Cypher type next to the fingerprint's values: a float written as an integer would differ here. */
async function propertyTypes(database: Database): Promise<string[]> {
  const rows = await database.scope({ timeoutMs: 60_000 }).read(
    `MATCH (n) WHERE n:Entity OR n:Source RETURN n.id + ' ' + reduce(s = '', k IN keys(n) | s + k + ':' + valueType(n[k]) + ' ') AS t
     UNION ALL MATCH (a)-[r]->(b) RETURN a.id + '-' + type(r) + '-' + b.id + ' ' + reduce(s = '', k IN keys(r) | s + k + ':' + valueType(r[k]) + ' ') AS t`,
  );
  return rows.map((r) => String(r.t).split(' ').sort().join(' ')).sort();
}

beforeAll(async () => {
  port = await freePort();
  db = await store.start();
}, 360_000);

afterAll(async () => {
  await db?.close();
  await store.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the bulk loader (neo4j-admin database import)', () => {
  it('gives the graph the MERGE path gives, to the property types', async () => {
    const rows = rowsUnderTest();
    const loaded = await loadGraph(db, rows, { entities: entityCount(rows), minEntities: 0, store });
    expect(loaded.path).toBe('bulk-import');
    db = loaded.database;
    const bulk = await graphFingerprint(db);
    const bulkTypes = await propertyTypes(db);
    const [edge] = await db.scope().read("MATCH (m:Model {id: 'bulk-edge-case'}) RETURN m.aliases AS aliases, m.description AS d");
    expect(edge).toEqual({ aliases: [], d: 'Two lines,\nwith "quotes" and a comma; and 中文.' });

    await new SeedRepository(db).reset();
    await applyMigrations(db);
    await new SeedRepository(db).write(rows);
    expect(await graphFingerprint(db)).toEqual(bulk);
    expect(await propertyTypes(db)).toEqual(bulkTypes);
  }, 600_000);

  it('is chosen only for an empty store, a large enough load and a Neo4j it can stop', async () => {
    expect((await chooseLoadPath(db, { entities: 10, minEntities: 0, store })).path).toBe('merge');
    await new SeedRepository(db).reset();
    expect((await chooseLoadPath(db, { entities: 10, minEntities: 0, store })).path).toBe('bulk-import');
    expect((await chooseLoadPath(db, { entities: 10, minEntities: 11, store })).reason).toMatch(/fewer than BULK_LOAD_MIN_ENTITIES/);
    expect((await chooseLoadPath(db, { entities: 10, minEntities: 0 })).reason).toMatch(/not an embedded one/);
  });
});
