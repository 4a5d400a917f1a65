/**
 * models.dev (https://models.dev, MIT): a folder of the project's repository layout. `models/<lab>/<id>.toml`
 * are the canonical models (MODEL records, keyed by their path); `providers/<provider>/models/**.toml` are
 * the providers' offerings of them (OFFERING records, models-dev-offerings.ts). Every value a row states
 * becomes a claim quoting its TOML line; a model's [[benchmarks]] are its `results`.
 */
import path from 'node:path';
import { EntityType, ISO_DATE_PATTERN } from '../../domain/registry.js';
import { type CatalogueRecord, emptyRecord, type ParseResult, type Problem, type ResultRecord, RowProblem } from '../records.js';
import { amount, asTable, asTables, bool, DATES, FLAGS, LIMITS, modalities, state, text } from './models-dev-values.js';
import { offeringRecords, providerNames } from './models-dev-offerings.js';
import { isProblem, readToml, type TomlFile, tomlFiles } from './toml-tree.js';
import { parseDate } from './values.js';

/** A Hugging Face weights URL's repository id ("deepseek-ai/DeepSeek-R1"): an alias, and strong evidence of identity. */
const HF_REPO = /^https:\/\/huggingface\.co\/([\w.-]+\/[\w.-]+)\/?$/;

function modelValues(record: CatalogueRecord, file: TomlFile): void {
  const data = file.data;
  for (const [field, attribute] of Object.entries(DATES)) state(record, file, attribute, parseDate(data[field], field), field);
  for (const [field, attribute] of Object.entries(FLAGS)) state(record, file, attribute, bool(data, field), field);
  state(record, file, 'license', text(data, 'license'), 'license');
  const limit = asTable(data.limit);
  // A limit of 0 says "not applicable" (an image model's context): no value.
  for (const [field, attribute] of Object.entries(LIMITS))
    state(record, file, attribute, amount(limit, field) || undefined, field, 'limit');
  const io = asTable(data.modalities);
  const [input, output] = [modalities(io, 'input'), modalities(io, 'output')];
  state(record, file, 'inputModalities', input, 'input', 'modalities');
  state(record, file, 'outputModalities', output, 'output', 'modalities');
  // What it takes or produces, in the graph's terms: a pdf is a document it reads, not a modality.
  const both = [...new Set([...(input ?? []), ...(output ?? [])])].filter((m) => m !== 'pdf');
  if (both.length > 0) record.attributes.modalities = both;
  const links = [...asTables(data.links), ...asTables(data.weights)].map((l) => l.url).filter((u): u is string => typeof u === 'string');
  if (links.length > 0) record.attributes.links = [...new Set(links)];
  for (const url of links) {
    const repo = HF_REPO.exec(url)?.[1];
    if (repo && asTables(data.weights).some((w) => w.url === url)) record.aliases.push(repo);
  }
}

/** A model's [[benchmarks]] as it states them (the results pass resolves and normalises them). */
function results(file: TomlFile): ResultRecord[] {
  return asTables(file.data.benchmarks).flatMap((b, i): ResultRecord[] => {
    if (typeof b.name !== 'string' || (typeof b.score !== 'number' && typeof b.score !== 'string')) return [];
    const setting = Object.fromEntries(
      ['dataset', 'harness', 'variant', 'version'].filter((k) => typeof b[k] === 'string').map((k) => [k, b[k] as string]),
    );
    return [
      {
        benchmark: b.name,
        score: b.score,
        ...(typeof b.metric === 'string' && { metric: b.metric }),
        ...(Object.keys(setting).length > 0 && { setting }),
        ...(typeof b.date === 'string' && { date: b.date }),
        ...(typeof b.source === 'string' && { sourceUrl: b.source }),
        field: `[[benchmarks]] #${i + 1}`,
      },
    ];
  });
}

/**
 * A family id ("claude-sonnet", "gpt-oss") as a name, each word written as the family's models write it
 * ("Claude Sonnet", "GPT OSS"); a word no model writes stays as the id has it.
 */
export function familyName(family: string, memberNames: string[]): string {
  const words = memberNames.flatMap((n) => n.split(/[\s\-_/]+/));
  const written = (word: string) => words.find((w) => w.toLowerCase().startsWith(word.toLowerCase()))?.slice(0, word.length) ?? word;
  return family
    .split(/[-_\s]+/)
    .map(written)
    .join(' ');
}

function modelRecord(file: TomlFile, labName: string): CatalogueRecord {
  const id = path.posix.basename(file.key, '.toml');
  const name = text(file.data, 'name');
  if (name === undefined) throw new RowProblem('missing-field', 'the file has no name.');
  const record = emptyRecord(file.key, EntityType.MODEL, name);
  // The model's id is the name its API takes ("claude-3-7-sonnet-20250219").
  if (id !== name) record.aliases.push(id);
  record.organizations = [labName];
  modelValues(record, file);
  const found = results(file);
  if (found.length > 0) record.results = found;
  return record;
}

/** "Claude Opus 4.1 (latest)": the id that follows a lab's newest snapshot, named as that model plus "(latest)". */
const LATEST = /\s*\(latest\)$/i;

/**
 * A lab's "(latest)" pointer whose model the lab also lists under its dated id is that model: one record,
 * the pointer's name and id its aliases. A pointer without such a twin stays a row of its own. Returns
 * the rows kept and, for every canonical file, the row standing for it.
 */
function foldPointers(records: CatalogueRecord[]): { kept: CatalogueRecord[]; rowOf: Map<string, string> } {
  const lab = (r: CatalogueRecord) => r.rowKey.split('/')[1];
  const byName = new Map(records.filter((r) => !LATEST.test(r.name)).map((r) => [`${lab(r)}|${r.name.toLowerCase()}`, r]));
  const rowOf = new Map<string, string>();
  const kept = records.filter((pointer) => {
    const twin = LATEST.test(pointer.name) ? byName.get(`${lab(pointer)}|${pointer.name.replace(LATEST, '').toLowerCase()}`) : undefined;
    rowOf.set(pointer.rowKey, twin?.rowKey ?? pointer.rowKey);
    if (twin === undefined) return true;
    twin.aliases.push(...[pointer.name, ...pointer.aliases].filter((a) => !twin.aliases.includes(a)));
    return false;
  });
  return { kept, rowOf };
}

/** Canonical ids no two labs share ("gpt-4o-2024-05-13" -> its row): a provider listing the id lists that model. */
function idIndex(rowOf: Map<string, string>): Map<string, string> {
  const rows = new Map<string, Set<string>>();
  for (const [key, row] of rowOf) {
    const id = path.posix.basename(key, '.toml').toLowerCase();
    rows.set(id, (rows.get(id) ?? new Set()).add(row));
  }
  return new Map([...rows].filter(([, found]) => found.size === 1).map(([id, found]) => [id, [...found][0]!]));
}

/** The snapshot's date: a dated copy's folder name ("2026-07-02"), else the newest date its files state. */
function snapshotDateOf(folder: string, files: TomlFile[]): string | undefined {
  const named = path.basename(path.resolve(folder));
  if (/^\d{4}-\d{2}-\d{2}$/.test(named)) return named;
  const dates = files
    .flatMap((f) => [f.data.last_updated, f.data.release_date])
    .filter((d): d is string => typeof d === 'string' && ISO_DATE_PATTERN.test(d));
  return dates.sort().at(-1);
}

/** `offerings: false` reads the canonical models only (the default graph's rows), not the 5,000 offering files. */
export function readModelsDev(folder: string, options: { offerings?: boolean } = {}): ParseResult {
  const modelKeys = tomlFiles(folder, 'models');
  const providerKeys = tomlFiles(folder, 'providers').filter((k) => options.offerings !== false || k.endsWith('/provider.toml'));
  if (modelKeys.length === 0 && providerKeys.length === 0)
    throw new Error(`${folder} has no models/ or providers/ folder of TOML files (the models.dev repository's layout).`);
  const skipped: Problem[] = [];
  const read = (keys: string[]) =>
    keys.flatMap((key) => {
      const file = readToml(folder, key);
      if (isProblem(file)) skipped.push(file);
      return isProblem(file) ? [] : [file];
    });
  const modelFiles = read(modelKeys);
  const providers = providerNames(read(providerKeys.filter((k) => k.endsWith('/provider.toml'))));
  const records: CatalogueRecord[] = [];
  for (const file of modelFiles) {
    const lab = file.key.split('/')[1]!;
    try {
      records.push(modelRecord(file, providers.get(lab)?.organization ?? lab));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      skipped.push({ rowKey: file.key, kind: error.kind, reason: error.message });
    }
  }
  const { kept: models, rowOf } = foldPointers(records);
  const byKey = new Map(modelFiles.map((f) => [f.key, f]));
  const familyOf = (record: CatalogueRecord) => {
    const family = byKey.get(record.rowKey)!.data.family;
    return typeof family === 'string' && family.trim() !== '' ? family.trim() : undefined;
  };
  for (const record of models) {
    const family = familyOf(record);
    if (family !== undefined)
      record.family = familyName(
        family,
        models.filter((m) => familyOf(m) === family).map((m) => m.name),
      );
  }
  const offeringKeys = providerKeys.filter((k) => !k.endsWith('/provider.toml'));
  const canonical = { files: byKey, rowOf, nameOf: new Map(models.map((m) => [m.rowKey, m.name])), byId: idIndex(rowOf) };
  const offerings = offeringRecords(read(offeringKeys), canonical, providers, skipped);
  // A row whose name adds a bracketed aside to another's ("GPT-4o (2024-05-13)") comes after the plain
  // name, so the plain name meets the graph's namesake first.
  const aside = (r: CatalogueRecord) => Number(/\(.*\)/.test(r.name));
  return {
    format: 'models-dev',
    rowsRead: modelKeys.length + offeringKeys.length,
    records: [...models.sort((a, b) => aside(a) - aside(b)), ...offerings],
    skipped,
    warnings: [],
    snapshotDate: snapshotDateOf(folder, modelFiles),
    stableKeys: true,
  };
}
