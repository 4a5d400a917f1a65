/**
 * Epoch AI's Benchmarking Hub (catalogues/epoch-benchmarks/): a folder whose data/ holds
 * model_versions.csv, benchmarks_runs.csv and the external_benchmark_<name>.csv files. A model version
 * ("claude-3-7-sonnet-20250219", "o3-2025-04-16_high") is a version of the model its `Model` column names in
 * Epoch's model table: the versions of one model are one record, named so (the `Model` column is a row key
 * of epoch-csv; version ids and Hugging Face repo ids are identifiers), carrying every result of its
 * versions: Epoch's own runs (measured independently, with their logs) and the published results Epoch
 * collected (with who published them and where). A published result naming its model only by a name cell
 * is a reference record: resolved by that name or reported, never a new model.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { EntityType } from '../../domain/registry.js';
import {
  type CatalogueRecord,
  emptyRecord,
  newestStatedDate,
  type ParseResult,
  type Problem,
  type ResultRecord,
  RowProblem,
} from '../records.js';
import { EXTERNAL_FILES, type ExternalFile, FALLBACK_FILE } from './epoch-benchmarks-files.js';
import { ResultPublishers } from './result-publishers.js';
import { cleanName, parseDate } from './values.js';

const FORMAT = 'epoch-benchmarks';
/** Where Epoch shows its runs, for a run without a log viewer. */
const HUB_URL = 'https://epoch.ai/benchmarks';
const VERSIONS = 'model_versions.csv';
const RUNS = 'benchmarks_runs.csv';
const EXTERNAL = /^external_benchmark_(.+)\.csv$/;

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Row[];
}

const cell = (row: Row, column: string): string => (row[column] ?? '').trim();

const compact = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A version id that is its model's name with at most a date or number stamped on ("gpt-4o-2024-05-13",
 * "claude-3-7-sonnet-20250219" of Claude 3.7 Sonnet) names that model; one adding words
 * ("Qwen-14B-Chat", "QwQ-32B-Preview" filed under Qwen-14B, QwQ-32B) names a variant the graph may hold
 * apart: it is no identifier of the model, and the results pass places its results by its own name.
 */
const isStampOf = (id: string, model: string): boolean => {
  const [version, name] = [compact(id), compact(model)];
  return version.startsWith(name) && /^\d*$/.test(version.slice(name.length));
};

/** A version id without its configuration suffix: "o3-2025-04-16_high" is the model id "o3-2025-04-16". */
const baseId = (id: string): string => id.replace(/_[^_/]+$/, '');

interface Version {
  rowKey: string;
  id: string;
  row: Row;
  record: CatalogueRecord;
}

/** The model records of model_versions.csv, one per model its versions name, and each version's record by id. */
function versionRecords(rows: Row[], skipped: Problem[]): { records: CatalogueRecord[]; versions: Map<string, Version> } {
  const groups = new Map<string, Array<{ rowKey: string; row: Row }>>();
  for (const [i, row] of rows.entries()) {
    const rowKey = `${VERSIONS} row ${i + 1}`;
    const id = cell(row, 'id');
    if (id === '') {
      skipped.push({ rowKey, kind: 'missing-field', reason: 'the id cell is empty.' });
      continue;
    }
    const model = cleanName(cell(row, 'Model'));
    const key = model === '' ? `version:${id}` : `model:${model}`;
    groups.set(key, [...(groups.get(key) ?? []), { rowKey, row }]);
  }
  const records: CatalogueRecord[] = [];
  const versions = new Map<string, Version>();
  for (const group of groups.values()) {
    const record = groupRecord(group, skipped);
    records.push(record);
    for (const { rowKey, row } of group) versions.set(cell(row, 'id'), { rowKey, id: cell(row, 'id'), row, record });
  }
  return { records, versions };
}

/**
 * The organizations behind the Hugging Face accounts the Hub names in `Hugging Face developer id`, for the
 * labs' own accounts only (a person's or a community mirror's account names no developer), by the names
 * the other catalogues give them: the row's developer, resolved like any organization column.
 */
const LAB_ACCOUNTS: Readonly<Record<string, string>> = {
  Qwen: 'Alibaba',
  'deepseek-ai': 'DeepSeek',
  'meta-llama': 'Meta',
  facebook: 'Meta',
  mistralai: 'Mistral AI',
  microsoft: 'Microsoft',
  google: 'Google',
  moonshotai: 'Moonshot AI',
  '01-ai': '01.AI',
  tiiuae: 'Technology Innovation Institute',
  'baichuan-inc': 'Baichuan Intelligence',
  EleutherAI: 'EleutherAI',
  databricks: 'Databricks',
  CohereForAI: 'Cohere for AI',
  nvidia: 'NVIDIA',
  allenai: 'Allen Institute for AI',
  internlm: 'Shanghai AI Lab',
  bigscience: 'BigScience',
  stabilityai: 'Stability AI',
  mosaicml: 'MosaicML',
  Salesforce: 'Salesforce',
  'LGAI-EXAONE': 'LG AI Research',
  RekaAI: 'Reka AI',
};

/** One model's record from its versions: named by the `Model` column (else the version's display name or id), dated by its first version. */
function groupRecord(group: Array<{ rowKey: string; row: Row }>, skipped: Problem[]): CatalogueRecord {
  const dated = group.flatMap(({ rowKey, row }) => {
    try {
      const date = parseDate(cell(row, 'Version release date'), 'Version release date');
      return date === undefined ? [] : [{ rowKey, row, date }];
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      skipped.push({ rowKey, kind: error.kind, reason: `${error.message} (the version is kept, undated)` });
      return [];
    }
  });
  const first = [...dated].sort((a, b) => a.date.localeCompare(b.date))[0];
  const lead = first ?? group[0]!;
  const model = cleanName(cell(lead.row, 'Model'));
  const name = model || cleanName(cell(lead.row, 'Display name')) || cell(lead.row, 'id');
  const record = emptyRecord(lead.rowKey, EntityType.MODEL, name);
  if (model !== '') record.keyIn = { format: 'epoch-csv', name: model };
  if (first !== undefined) record.attributes.releaseDate = first.date;
  const link = cell(lead.row, 'Link');
  if (/^https?:\/\//.test(link)) record.url = link;
  const identifiers = group.flatMap(({ row }) => {
    const id = baseId(cell(row, 'id'));
    if (model !== '' && !isStampOf(id, model)) return [];
    const developer = cell(row, 'Hugging Face developer id');
    return developer === '' ? [id] : [id, `${developer}/${id}`];
  });
  record.identifiers = [...new Set(identifiers)].filter((id) => id !== name);
  record.aliases = [...record.identifiers];
  // Versions often share one note: it is read once, under the first version giving it.
  const seen = new Set<string>();
  for (const { row } of group) {
    const notes = cell(row, 'Notes');
    if (notes !== '' && !seen.has(notes)) record.texts[`Notes (${cell(row, 'id')})`] = row.Notes!;
    seen.add(notes);
  }
  record.organizations = [...new Set(group.flatMap(({ row }) => LAB_ACCOUNTS[cell(row, 'Hugging Face developer id')] ?? []))];
  record.tags = ['Benchmarking Hub model'];
  record.results = [];
  return record;
}

/** "17 November 2025 4:28pm" → 2025-11-17. */
function runDate(text: string): string | undefined {
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})/.exec(text.trim());
  if (!match) return undefined;
  const month = new Date(`${match[2]} 1, 2000`).getMonth() + 1;
  if (!Number.isFinite(month) || month < 1) return undefined;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** "23/7/2024" (day/month/year) → 2024-07-23. */
function dayMonthYear(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  return parseDate(`${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`, 'date');
}

/** FrontierMath's tasks carry their tier, problem set date and split: "FrontierMath-Tier-4-2025-07-01-Private". */
function runBenchmark(task: string): { benchmark: string; version?: string } {
  const match = /^FrontierMath-(Tier-4-)?(\d{4}-\d{2}-\d{2})-(\w+)$/.exec(task);
  if (!match) return { benchmark: task };
  return { benchmark: match[1] ? 'FrontierMath Tier 4' : 'FrontierMath', version: `${match[2]} ${match[3]}` };
}

/** The best scorer of a run's "Scores" cell ("choice:0.85±0.02,model_graded:0.85±0.05") with its standard error. */
function bestScorer(scores: string): { scorer?: string; stderr?: string } {
  const parsed = scores.split(',').flatMap((part) => {
    const match = /^([^:]+):([\d.]+)(?:±([\d.]+))?$/.exec(part.trim());
    return match ? [{ scorer: match[1]!, value: Number(match[2]), stderr: match[3] }] : [];
  });
  const best = parsed.sort((a, b) => b.value - a.value)[0];
  return best === undefined ? {} : { scorer: best.scorer, ...(best.stderr && { stderr: best.stderr }) };
}

/** Epoch's own runs: each measured independently by Epoch AI, with the log of the whole evaluation. */
function readRuns(rows: Row[], versions: Map<string, Version>, skipped: Problem[]): void {
  for (const [i, row] of rows.entries()) {
    const rowKey = `${RUNS} row ${i + 1}`;
    const version = versions.get(cell(row, 'model'));
    if (version === undefined) {
      skipped.push({ rowKey, kind: 'bad-value', reason: `model "${cell(row, 'model')}" is no version of ${VERSIONS}.` });
      continue;
    }
    const score = cell(row, 'Best score (across scorers)');
    if (score === '') {
      skipped.push({ rowKey, kind: 'missing-field', reason: 'the run has no score.' });
      continue;
    }
    const { benchmark, version: subset } = runBenchmark(cell(row, 'task'));
    const { scorer, stderr } = bestScorer(cell(row, 'Scores'));
    const taskVersion = cell(row, 'task version');
    const logViewer = cell(row, 'log viewer');
    const logs = cell(row, 'logs');
    const date = runDate(cell(row, 'started_at'));
    const result: ResultRecord = {
      benchmark,
      score,
      setting: {
        'model version': version.id,
        ...(subset && { version: subset }),
        ...(scorer && { scorer: taskVersion ? `${scorer} (task ${taskVersion})` : scorer }),
      },
      ...(date && { date }),
      selfReported: false,
      publisher: 'Epoch AI',
      sourceUrl: logViewer || HUB_URL,
      ...(logs && { logUrl: logs }),
      field: 'Best score (across scorers)',
      rowKey,
      ...(stderr && { stderr }),
    };
    version.record.results!.push(result);
  }
}

/** The results a published-results row states, one per filled score column of its file. */
function rowResults(
  spec: ExternalFile,
  row: Row,
  rowKey: string,
  names: string[],
  publishers: ResultPublishers,
  benchmark: string,
): ResultRecord[] {
  const source = cell(row, 'Source');
  const url = cell(row, 'Source link') || cell(row, 'Source link (site from table)');
  const shots = cell(row, 'Shots');
  const date = spec.date ? dayMonthYear(cell(row, spec.date)) : undefined;
  const scorer = (spec.scorer ?? []).map((column) => cell(row, column)).filter((value) => value !== '' && value !== 'None');
  const version = spec.version ? cell(row, spec.version) : '';
  const selfReported = source === '' ? undefined : publishers.selfReported(source, names);
  return spec.scores.flatMap((column) => {
    const score = cell(row, column.column);
    if (score === '') return [];
    const stderr = column.stderr ? cell(row, column.stderr) : '';
    const setting: Record<string, string> = {};
    if (names[1]) setting['model version'] = names[1];
    if (shots) setting.shots = shots;
    if (column.version ?? version) setting.version = (column.version ?? version)!;
    if (scorer.length > 0) setting.scorer = scorer.join('; ');
    return [
      {
        benchmark: column.benchmark ?? benchmark,
        score,
        metric: column.column,
        setting,
        ...(date && { date }),
        ...(selfReported !== undefined && { selfReported }),
        ...(source && { publisher: publishers.publisherOf(source)?.publisher ?? source }),
        ...(/^https?:\/\//.test(url) && { sourceUrl: url }),
        field: column.column,
        rowKey,
        ...(stderr && { stderr }),
      },
    ];
  });
}

/** The published results of one file: on the record of the version its row names, or a reference record by its name cell. */
function readExternal(
  file: string,
  rows: Row[],
  versions: Map<string, Version>,
  references: Map<string, CatalogueRecord>,
  context: { publishers: ResultPublishers; skipped: Problem[]; warnings: Problem[] },
): void {
  const stem = EXTERNAL.exec(file)![1]!;
  const spec = EXTERNAL_FILES[stem] ?? FALLBACK_FILE;
  if (EXTERNAL_FILES[stem] === undefined)
    context.warnings.push({
      rowKey: file,
      kind: 'unknown-column',
      reason: `${file} is not in the table of result files; its Score column is read.`,
    });
  for (const [i, row] of rows.entries()) {
    const rowKey = `${file} row ${i + 1}`;
    const versionId = cell(row, 'Model version');
    const version = versions.get(versionId);
    const label = cleanName(cell(row, 'Name'));
    let record: CatalogueRecord | undefined = version?.record;
    if (record === undefined && label !== '') {
      record = references.get(label) ?? referenceRecord(rowKey, label);
      references.set(label, record);
    }
    if (record === undefined) {
      context.skipped.push({
        rowKey,
        kind: versionId ? 'bad-value' : 'missing-field',
        reason: versionId
          ? `model version "${versionId}" is no version of ${VERSIONS}.`
          : 'the row names no model (no Model version, no Name).',
      });
      continue;
    }
    const names = version ? [record.name, version.id] : [label];
    const results = rowResults(spec, row, rowKey, names, context.publishers, file);
    if (results.length === 0) {
      context.skipped.push({
        rowKey,
        kind: 'missing-field',
        reason: `no score in ${spec.scores.map((s) => s.column).join(' or ')}.`,
      });
      continue;
    }
    record.results!.push(...results);
  }
}

/** A model a leaderboard names only by a name cell ("Claude 3.7 Sonnet (2025-02-19)"): also tried without its bracketed aside. */
function referenceRecord(rowKey: string, label: string): CatalogueRecord {
  const record = emptyRecord(rowKey, EntityType.MODEL, label);
  const bare = cleanName(label.replace(/\s*\([^()]*\)\s*[*🥇🥈🥉]*$/u, ''));
  if (bare !== '' && bare !== label) record.aliases = [bare];
  record.reference = true;
  record.results = [];
  return record;
}

export function readEpochBenchmarks(folder: string): ParseResult {
  // The checkout's folder or its data/ (the default graph hashes data/ alone: the snapshot is the data).
  const dir = existsSync(path.join(folder, 'data')) ? path.join(folder, 'data') : folder;
  const skipped: Problem[] = [];
  const warnings: Problem[] = [];
  const versionRows = readCsv(path.join(dir, VERSIONS));
  const runRows = readCsv(path.join(dir, RUNS));
  const { records, versions } = versionRecords(versionRows, skipped);
  readRuns(runRows, versions, skipped);
  const references = new Map<string, CatalogueRecord>();
  const publishers = ResultPublishers.read();
  let rowsRead = versionRows.length + runRows.length;
  for (const file of readdirSync(dir)
    .filter((f) => EXTERNAL.test(f))
    .sort()) {
    const rows = readCsv(path.join(dir, file));
    rowsRead += rows.length;
    readExternal(file, rows, versions, references, { publishers, skipped, warnings });
  }
  const all = [...records, ...references.values()];
  return { format: FORMAT, rowsRead, records: all, skipped, warnings, ...newestStatedDate(all) };
}
