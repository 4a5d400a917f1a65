/**
 * npm run import -- <format> <path> [--json] [--apply] [--against seed|db] [--seed-dir seed] [--decisions file]
 *
 * Reads a catalogue snapshot (epoch-csv, ecosystem-graphs, hf-model-tree, models-dev), resolves its names
 * against the graph and reports what importing it would change; nothing is written without --apply.
 * Against a database the report includes the refresh diff: the rows added, changed, moved and gone since
 * the snapshots of that catalogue the graph holds.
 * --against db reads the graph from NEO4J_URI (or the embedded Neo4j, as npm start does); the default
 * is db when NEO4J_URI is set and the seed folder (what an empty database is loaded with) otherwise.
 * --apply writes through the shared write model into that database (always --against db).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyImport, heldSnapshots, planAgainstDatabase } from '../import/apply-import.js';
import { catalogueSource } from '../import/catalogues.js';
import { HF_FORMAT } from '../import/hf-stream/index-pass.js';
import { streamHfImport } from '../import/hf-stream/stream-import.js';
import { existingFromSeed } from '../import/existing.js';
import { FORMATS, type Format, formatOf, isFormat } from '../import/formats.js';
import { type ImportPlan, planImport } from '../import/plan.js';
import type { ParseResult } from '../import/records.js';
import type { RefreshDiff } from '../import/refresh.js';
import { type Applied, renderText, summarise } from '../import/report.js';
import { Decisions } from '../resolve/decisions.js';
import { scriptConfig, withDatabase, withDatabaseOrNewStore } from './with-database.js';

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

let parsedArgs: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      apply: { type: 'boolean', default: false },
      against: { type: 'string' },
      'seed-dir': { type: 'string', default: 'seed' },
      decisions: { type: 'string', default: 'seed/resolution.json' },
    },
  });
}
try {
  parsedArgs = parse();
} catch (error) {
  fail(`${(error as Error).message}. Usage: npm run import -- <format> <path> [--json] [--apply] [--against seed|db]`);
}
const { values, positionals } = parsedArgs!;
const [format, file] = positionals;
if (!format || !isFormat(format)) fail(`Format "${format ?? ''}" is none of ${FORMATS.join(', ')}.`);
if (!file) fail('Give the path of the catalogue snapshot after the format.');
const against = values.against ?? (scriptConfig().neo4j.uri !== undefined || values.apply ? 'db' : 'seed');
if (against !== 'seed' && against !== 'db') fail(`--against "${against}" is neither seed nor db.`);
if (values.apply && against !== 'db') fail('--apply writes into the database, so it resolves against it: leave out --against seed.');

const started = Date.now();
let decisions: Decisions;
try {
  decisions = Decisions.read(values.decisions);
} catch (error) {
  fail((error as Error).message);
}
if (!existsSync(file!)) fail(`${file} does not exist.`);
// A Hugging Face dump is streamed (src/import/hf-stream), never read whole; other catalogues are read here.
const streamed = values.apply && format === HF_FORMAT && statSync(file!).isFile();
let parsed: ParseResult;
const readWhole = (): ParseResult => {
  try {
    return formatOf(format as Format).read(file!);
  } catch (error) {
    return fail(`${file} could not be read: ${(error as Error).message}`);
  }
};
if (!streamed) parsed = readWhole();

const report = async (planned: { plan: ImportPlan; refresh?: RefreshDiff }, applied?: Applied, resolvedAgainstCount = 0) => {
  const summary = summarise(
    planned.plan,
    path.relative(process.cwd(), path.resolve(file!)),
    Date.now() - started,
    applied,
    planned.refresh,
  );
  const resolvedAgainst = against === 'db' ? 'the database' : `${values['seed-dir']}/ (${resolvedAgainstCount} entities)`;
  if (values.json) console.log(JSON.stringify({ ...summary, resolvedAgainst }));
  else process.stdout.write(`Resolved against ${resolvedAgainst}.\n${renderText(summary)}`);
};

if (streamed)
  // A store that does not exist yet holds nothing: Neo4j is not started to say so (streamHfImport).
  await withDatabaseOrNewStore(async (db, store) => {
    // A newer snapshot of a dump the graph holds is a refresh: the planner diffs it row by row. The same
    // dump again (an import cut short) is streamed: what was written is found by repo id and kept.
    const source = catalogueSource(HF_FORMAT, file!);
    if (db !== null && (await heldSnapshots(db, HF_FORMAT)).some((id) => id !== source.id)) {
      console.error('The graph holds an earlier hf-model-tree snapshot: this one is planned whole, as a refresh.');
      parsed = readWhole();
      const applied = await applyImport(db, format as Format, file!, parsed, decisions!);
      await report(applied, applied);
      return;
    }
    const { report: streamedReport } = await streamHfImport(db, file!, decisions!, {
      source,
      store,
      minEntities: scriptConfig().bulkLoadMinEntities,
      progress: process.stderr,
      onProgress: (message) => console.error(message),
    });
    if (values.json) console.log(JSON.stringify({ ...streamedReport, resolvedAgainst: 'the database' }));
    else
      process.stdout.write(
        `Resolved against the database; written by ${streamedReport.writtenBy.path} (${streamedReport.writtenBy.reason}); lists show at most ${streamedReport.listed} items each.\n${renderText(streamedReport)}`,
      );
  });
else if (values.apply)
  await withDatabase(async (db) => {
    const applied = await applyImport(db, format as Format, file!, parsed!, decisions!);
    await report(applied, applied);
  });
else if (against === 'db')
  await withDatabase(async (db) => report(await planAgainstDatabase(db, format as Format, file!, parsed!, decisions!)));
else {
  const existing = existingFromSeed(values['seed-dir']);
  await report({ plan: planImport(parsed!, existing, decisions!) }, undefined, existing.length);
}
