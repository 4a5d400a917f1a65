/**
 * Hugging Face model-card metadata as JSON lines: id, author, base_model (string or list),
 * base_model_relation (finetune | adapter | quantized | merge), created_at, pipeline_tag, license.
 */
import { readFileSync } from 'node:fs';
import { EntityType, LineageKind, RelationType } from '../../domain/registry.js';
import { type CatalogueRecord, emptyRecord, type ParseResult, type Problem, RowProblem } from '../records.js';
import { cleanName, parseDate } from './values.js';

const RELATION: Record<string, LineageKind> = {
  finetune: LineageKind.FINE_TUNE,
  adapter: LineageKind.ADAPTER,
  quantized: LineageKind.QUANTIZED,
  merge: LineageKind.MERGE,
};
const KNOWN_FIELDS = new Set([
  'id',
  'modelId',
  'author',
  'base_model',
  'base_model_relation',
  'created_at',
  'pipeline_tag',
  'license',
  'tags',
]);

const asString = (raw: unknown, field: string): string | undefined => {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw new RowProblem('bad-value', `${field} is not a string.`);
  return cleanName(raw);
};

function toRecord(rowKey: string, row: Record<string, unknown>): CatalogueRecord {
  const id = asString(row.id ?? row.modelId, 'id');
  if (!id) throw new RowProblem('missing-field', 'the line has no id.');
  const slash = id.indexOf('/');
  // A model is its full repo id: every uploader's "Llama-3-8B-GGUF" is another model. The repo name
  // stays an alias, so search finds it (an alias alone never merges two models).
  const record = emptyRecord(rowKey, EntityType.MODEL, id);
  if (slash >= 0) record.aliases.push(id.slice(slash + 1));
  const author = asString(row.author, 'author') ?? (slash >= 0 ? id.slice(0, slash) : undefined);
  if (author) record.organizations.push(author);
  record.url = `https://huggingface.co/${id}`;

  const releaseDate = parseDate(row.created_at, 'created_at');
  if (releaseDate) record.attributes.releaseDate = releaseDate;
  const pipeline = asString(row.pipeline_tag, 'pipeline_tag');
  if (pipeline) record.tags.push(pipeline);
  const license = asString(row.license, 'license');
  if (license) record.license = license;

  const bases = (
    Array.isArray(row.base_model) ? row.base_model : row.base_model === undefined || row.base_model === null ? [] : [row.base_model]
  ).map((base) => asString(base, 'base_model') ?? '');
  const relationText = asString(row.base_model_relation, 'base_model_relation');
  let lineage: LineageKind;
  let basis: string;
  if (relationText === undefined) {
    // Hugging Face leaves the relation out on older cards: several bases are a merge, one is a fine-tune.
    lineage = bases.length > 1 ? LineageKind.MERGE : LineageKind.FINE_TUNE;
    basis = `no base_model_relation: ${bases.length > 1 ? 'several bases, a merge' : 'one base, a fine-tune'}`;
  } else {
    const known = RELATION[relationText.toLowerCase()];
    if (!known) throw new RowProblem('bad-value', `base_model_relation "${relationText}" is none of finetune, adapter, quantized, merge.`);
    lineage = known;
    basis = `stated ${known.toLowerCase()}`;
  }
  for (const base of bases)
    if (base !== '') record.dependencies.push({ name: base, aliases: [], type: RelationType.DERIVED_FROM, lineage, basis });
  return record;
}

/**
 * One line of the dump: a record, a problem (the row is skipped), or nothing for a blank line.
 * `unknown` collects fields the importer does not read, each with the first row naming it.
 */
export function parseHfLine(line: string, rowKey: string, unknown: Map<string, string>): CatalogueRecord | Problem | undefined {
  if (line.trim() === '') return undefined;
  try {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new RowProblem('malformed', 'the line is not valid JSON.');
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new RowProblem('malformed', 'the line is not a JSON object.');
    for (const field of Object.keys(row)) if (!KNOWN_FIELDS.has(field) && !unknown.has(field)) unknown.set(field, rowKey);
    return toRecord(rowKey, row as Record<string, unknown>);
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { rowKey, kind: error.kind, reason: error.message };
  }
}

export const unknownFieldWarnings = (unknown: Map<string, string>): Problem[] =>
  [...unknown].map(([field, rowKey]) => ({
    rowKey,
    kind: 'unknown-column',
    reason: `field "${field}" is not known to the importer; it is ignored.`,
  }));

export const isProblem = (parsed: CatalogueRecord | Problem): parsed is Problem => !('name' in parsed);

export function parseHfModelTree(text: string): ParseResult {
  const records: CatalogueRecord[] = [];
  const skipped: Problem[] = [];
  const unknown = new Map<string, string>();
  let rowsRead = 0;
  text.split('\n').forEach((line, i) => {
    const parsed = parseHfLine(line, `line ${i + 1}`, unknown);
    if (parsed === undefined) return;
    rowsRead += 1;
    if (isProblem(parsed)) skipped.push(parsed);
    else records.push(parsed);
  });
  return { format: 'hf-model-tree', rowsRead, records, skipped, warnings: unknownFieldWarnings(unknown) };
}

export const readHfModelTree = (file: string): ParseResult => parseHfModelTree(readFileSync(file, 'utf8'));
