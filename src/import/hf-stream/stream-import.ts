/**
 * `npm run import -- hf-model-tree <dump> --apply` at Hugging Face's scale: the dump is streamed twice
 * (pass 1 decides every entity, pass 2 plans and writes chunk by chunk), never read whole, and written
 * by the path src/bulk-load chooses: Neo4j's bulk importer into an empty embedded store for a large load,
 * the shared write model's MERGE batches otherwise (entities and citations in pass 2, relationships in a
 * pass 3, so every base exists before a link to it). The report is the importer's (report.ts).
 * A MERGE run killed midway is run again: what it wrote is found by repo id and not written twice. A bulk
 * run killed midway leaves its store marked half written (src/neo4j-local/store-files.ts): it began empty,
 * so the store is deleted and the import run again.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddedStore } from '../../bulk-load/load-graph.js';
import { chooseLoadPath, importCsvFiles } from '../../bulk-load/load-graph.js';
import { ImportCsvWriter } from '../../bulk-load/import-csv.js';
import type { Database } from '../../db/database.js';
import { applyMigrations } from '../../db/migrations.js';
import { ENTITY_TYPES, EntityType, RELATION_TYPES, RelationType } from '../../domain/registry.js';
import { JudgeInWorker } from '../../quality/judge-in-worker.js';
import { type Judgement, runQualityPass, writeJudgement } from '../../quality/pass.js';
import { CatalogueRepository } from '../../repositories/catalogue.repository.js';
import { ImportRepository } from '../../repositories/import.repository.js';
import { SeedRepository } from '../../repositories/seed.repository.js';
import type { Decisions } from '../../resolve/decisions.js';
import { Resolver } from '../../resolve/resolver.js';
import type { GraphRows } from '../../seed/graph-rows.js';
import { applyRows } from '../apply.js';
import { graphCounts } from '../apply-import.js';
import { type CatalogueSource, catalogueSource } from '../catalogues.js';
import { existingFromDatabase } from '../existing.js';
import { isProblem, parseHfLine } from '../formats/hf-model-tree.js';
import type { ImportPlan } from '../plan-types.js';
import type { CatalogueRecord } from '../records.js';
import { emptyPlan, planChunk, type StreamState } from './chunk-plan.js';
import { HF_FORMAT, type HfIndex, indexGraphModels, indexPass } from './index-pass.js';
import { readLines } from './lines.js';
import { Progress } from './progress.js';
import { type StreamedReport, StreamTotals, streamReport } from './stream-report.js';

/** Records per planned and written chunk: large batches, bounded memory. */
export const CHUNK = 20_000;

export interface StreamOptions {
  /** The dump's Source, when the caller has it already (its id is a hash of the whole file). */
  source?: CatalogueSource;
  /** The embedded Neo4j the bulk path may stop and start (absent with NEO4J_URI). */
  store?: EmbeddedStore;
  /** BULK_LOAD_MIN_ENTITIES. */
  minEntities: number;
  /** Progress lines (standard error); none when absent. */
  progress?: NodeJS.WriteStream;
  onProgress?: (message: string) => void;
}

export interface StreamResult {
  report: StreamedReport;
  /** The connection to use afterwards (the bulk path restarts Neo4j). */
  database: Database;
}

const kindsWithCatalogueSeries = [EntityType.ORGANIZATION, EntityType.SERIES];

/**
 * `db` is null when the embedded store does not exist yet (`options.store` must then be given): the graph is
 * known to be empty, so Neo4j is not started just to say so. The bulk importer writes the new store and
 * starts it; a load too small for it starts the store first and writes by MERGE.
 */
export async function streamHfImport(
  db: Database | null,
  file: string,
  decisions: Decisions,
  options: StreamOptions,
): Promise<StreamResult> {
  if (db === null && options.store === undefined)
    throw new Error('A store that does not exist yet can only be written as an embedded one.');
  const started = Date.now();
  const phases: Array<{ phase: string; s: number }> = [];
  let mark = started;
  const lap = (phase: string) => {
    const now = Date.now();
    phases.push({ phase, s: Math.round((now - mark) / 100) / 10 });
    mark = now;
  };
  const source = options.source ?? catalogueSource(HF_FORMAT, file);
  const held = await graphBefore(db);
  // Organizations and series resolve through the resolution stage; models by repo id (index-pass.ts).
  const resolver = new Resolver(held.existing, decisions, HF_FORMAT);
  const graphIds = new Set(held.ids);
  resolver.reserve(graphIds);
  const graph = indexGraphModels(held.models);
  const lines = await countLines(file);
  lap('read the graph');
  const say = (what: string) => (options.progress ? new Progress(what, lines, options.progress) : undefined);

  const pass1 = say('hf-model-tree pass 1 of 2 (resolve)');
  const index = await indexPass(file, resolver, decisions, graph, graphIds, (n) => pass1?.tick(n));
  pass1?.done(lines);
  lap('pass 1: resolve');
  const newEntities = index.newModels + index.orgIntroducedBy.size;
  const choice = await chooseLoadPath(db, { entities: newEntities, minEntities: options.minEntities, store: options.store });
  options.onProgress?.(`writing by ${choice.path}: ${choice.reason}`);
  let database = db ?? (choice.path === 'merge' ? await startNewStore(options.store!) : null);
  const before = database === null ? NO_COUNTS : await graphCounts(database);
  const totals = new StreamTotals();
  const state: StreamState = { mentioned: new Set(), organizationsMatched: new Set() };

  // A bulk load into an empty store writes the whole graph: a worker gathers the rules' facts from the
  // rows as they are written and judges them while the import goes on (neo4j-admin, the passes after it).
  const judge = choice.path === 'bulk-import' ? new JudgeInWorker() : undefined;
  let judged: Judgement | undefined;
  try {
    if (judge) {
      const writer = await ImportCsvWriter.open(path.join(options.store!.dataDir, 'bulk-import'), judge);
      let first = true;
      await eachChunk(file, index, say('hf-model-tree pass 2 of 2 (write CSV)'), lines, async (records) => {
        const plan = planChunk(records, index, resolver, state);
        const applied = applyRows(plan, source, new Map());
        totals.add(plan, applied.notWritten);
        await writeCsv(writer, applied.rows, first);
        first = false;
      });
      if (first) await writeCsv(writer, applyRows(emptyPlan(), source, new Map()).rows, true);
      const files = await writer.close();
      const judging = judge.judgement();
      // Awaited once the store is up; a failure before then is not an unhandled one.
      judging.catch(() => undefined);
      lap('pass 2: plan and write CSV');
      const imported = await importCsvFiles(database, files, { store: options.store!, onProgress: options.onProgress });
      database = imported.database;
      phases.push(...imported.phases);
      mark = Date.now();
      judged = await judging;
      lap('plausibility rules (judged in a worker meanwhile): rest of the wait');
    } else {
      const target = database!;
      const write = new ImportRepository(target);
      await eachChunk(file, index, say('hf-model-tree pass 2 of 3 (entities)'), lines, async (records) => {
        const plan = planChunk(records, index, resolver, state);
        const applied = applyRows(plan, source, await existingKinds(write, plan, index));
        totals.add(plan, applied.notWritten);
        await write.apply({ ...applied.rows, relationships: noRelationships() }, applied.aliases);
      });
      // Relationships once every entity exists: a base may come later in the file than its derivatives.
      const replay: StreamState = { mentioned: new Set(), organizationsMatched: new Set() };
      await eachChunk(file, index, say('hf-model-tree pass 3 of 3 (relationships)'), lines, async (records) => {
        const plan = planChunk(records, index, resolver, replay);
        const { rows } = applyRows(plan, source, await existingKinds(write, plan, index));
        await new SeedRepository(target).write({ ...rows, sources: [], entities: noEntities(), citations: [] });
      });
      lap('passes 2 and 3: plan and write by MERGE');
    }
  } finally {
    await judge?.close();
  }
  // Either path leaves a running store: the MERGE path wrote to it, the bulk path started it.
  const written = database!;
  const superseded = await new CatalogueRepository(written).supersedeOlder(HF_FORMAT);
  lap('older snapshots superseded');
  const { findings: _, ...quality } = judged ? await writeJudgement(written, judged) : await runQualityPass(written);
  lap(judged ? 'plausibility marks written' : 'plausibility rules');
  const after = await graphCounts(written);
  lap('counts');
  return {
    database: written,
    report: streamReport(index, totals, {
      elapsedMs: Date.now() - started,
      path: path.relative(process.cwd(), path.resolve(file)),
      applied: { source: source.id, superseded, notWritten: totals.notWritten.items, before, after, quality },
      writtenBy: choice,
      phases,
    }),
  };
}

const NO_COUNTS = { nodes: {}, relationships: {} };

/** A new store started for MERGE batches gets the constraints they find entities through, as a service's first start gives them. */
async function startNewStore(store: EmbeddedStore): Promise<Database> {
  const db = await store.start();
  await applyMigrations(db);
  return db;
}

/** What pass 1 resolves against: the graph's entities, ids and models; nothing for a store that does not exist yet. */
async function graphBefore(db: Database | null) {
  if (db === null) return { existing: [], ids: [], models: [] };
  const repository = new ImportRepository(db);
  return {
    existing: await existingFromDatabase(db, kindsWithCatalogueSeries),
    ids: await repository.entityIds(),
    models: await repository.modelNames(),
  };
}

/** The records of the file in chunks, skipping problems and repeated repo ids (pass 1 reported them). */
async function eachChunk(
  file: string,
  index: HfIndex,
  progress: Progress | undefined,
  total: number,
  work: (records: CatalogueRecord[]) => Promise<void>,
): Promise<void> {
  const unknown = new Map<string, string>();
  let chunk: CatalogueRecord[] = [];
  let line = 0;
  for await (const { line: text, number } of readLines(file)) {
    line = number;
    if (index.repeated.has(number)) continue;
    const parsed = parseHfLine(text, `line ${number}`, unknown);
    if (parsed === undefined || isProblem(parsed)) continue;
    chunk.push(parsed);
    if (chunk.length >= CHUNK) {
      await work(chunk);
      chunk = [];
      progress?.tick(line);
    }
  }
  if (chunk.length > 0) await work(chunk);
  progress?.done(total);
}

/** Lines of the file (for progress and the time left), read as bytes, not text. */
async function countLines(file: string): Promise<number> {
  const { size } = await stat(file);
  if (size === 0) return 0;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    last = chunk[chunk.length - 1]!;
  }
  return last === 10 ? lines : lines + 1;
}

/** Kinds of the planned lineage links the graph already holds (both ends existed before this import). */
async function existingKinds(repository: ImportRepository, plan: ImportPlan, index: HfIndex): Promise<Map<string, string | null>> {
  const existing = (id: string) => index.graphModels.has(id);
  const pairs = plan.relationships
    .filter((r) => r.type === RelationType.DERIVED_FROM && existing(r.from) && existing(r.to))
    .map(({ from, to }) => ({ from, to }));
  return pairs.length === 0 ? new Map() : repository.lineageKinds(pairs);
}

async function writeCsv(writer: ImportCsvWriter, rows: GraphRows, withSources: boolean): Promise<void> {
  if (withSources) for (const s of rows.sources) await writer.source(s);
  for (const type of ENTITY_TYPES) for (const row of rows.entities[type]) await writer.entity(type, row);
  // An entity's citations together, as the writer folds duplicates within an entity's run.
  const citations = [...rows.citations].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
  for (const row of citations) await writer.citation(row);
  for (const type of RELATION_TYPES) for (const row of rows.relationships[type]) await writer.relationship(type, row);
}

const noRelationships = () => Object.fromEntries(RELATION_TYPES.map((t) => [t, []])) as unknown as GraphRows['relationships'];
const noEntities = () => Object.fromEntries(ENTITY_TYPES.map((t) => [t, []])) as unknown as GraphRows['entities'];
