/**
 * Epoch AI's "all AI models" CSV (catalogues/epoch-ai/). Columns are looked up through an alias
 * table so a snapshot that renamed a header still maps; columns nobody maps are reported once.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { EntityType, LineageKind, RelationType } from '../../domain/registry.js';
import { type CatalogueRecord, emptyRecord, type ParseResult, type Problem, RowProblem } from '../records.js';
import { countriesOf, type OrganizationCountries, organizationRecords } from './epoch-countries.js';
import { cleanName, contradictsNote, nameWithAliases, parseCount, parseDate, splitList } from './values.js';

/** The fields the importer reads, each with the header names it has had across snapshots. */
const COLUMNS = {
  model: ['Model', 'System'],
  domain: ['Domain'],
  organization: ['Organization', 'Organization(s)'],
  publicationDate: ['Publication date', 'Publication Date'],
  link: ['Link'],
  parameters: ['Parameters'],
  parametersNotes: ['Parameters notes'],
  trainingDataset: ['Training dataset'],
  accessibility: ['Model accessibility', 'Accessibility'],
  baseModel: ['Base model'],
  finetuneCompute: ['Finetune compute (FLOP)'],
  finetuneComputeNotes: ['Finetune compute notes'],
  country: ['Country (from Organization)'],
} as const;
type Field = keyof typeof COLUMNS;

/**
 * Columns the technique extractor reads (record.texts, under these names): the model's name, the
 * paper's abstract, Epoch's one-phrase training approach, its fine-tuning compute, and its analysts'
 * notes, which often quote the paper.
 */
export const TEXT_COLUMNS = [
  'Model',
  'Abstract',
  'Approach',
  'Notability criteria notes',
  'Parameters notes',
  'Training compute notes',
  'Training dataset notes',
  'Dataset size notes',
  'Training time notes',
  'Finetune compute (FLOP)',
  'Finetune compute notes',
  'Batch size notes',
] as const;
const TEXT_COLUMN_SET = new Set<string>(TEXT_COLUMNS);

/** Columns of the snapshot the importer knowingly leaves out (so they are not reported as unknown). */
const IGNORED = new Set([
  'Organization categorization',
  'Authors',
  'Reference',
  'Citations',
  'Notability criteria',
  'Training compute (FLOP)',
  'Training compute lower bound',
  'Training compute upper bound',
  'Training dataset size (datapoints)',
  'Epochs',
  'Training time (hours)',
  'Training hardware',
  'Hardware quantity',
  'Benchmark data',
  'Hardware utilization',
  'Confidence',
  'Last modified',
  'Training cloud compute vendor',
  'Training data center',
  'Archived links',
  'Batch size',
  'Foundation model',
]);

const ALIAS_TO_FIELD = new Map<string, Field>(
  Object.entries(COLUMNS).flatMap(([field, names]) => names.map((name) => [name.toLowerCase(), field as Field])),
);

/** Training-dataset cells that name no dataset. */
const NOT_A_DATASET = /^unspecified\b|^unknown$|^n\/a$/i;
/** Legal-form fragments a comma split cuts off ("Acme, Inc") belong to the name before them. */
const LEGAL_SUFFIX = /^(inc\.?|ltd\.?|llc|corp\.?|co\.?|gmbh|s\.a\.)$/i;

export function organizationsOf(cell: string | undefined): string[] {
  const out: string[] = [];
  for (const part of splitList(cell)) {
    if (LEGAL_SUFFIX.test(part) && out.length > 0) out[out.length - 1] = `${out[out.length - 1]}, ${part}`;
    else out.push(part);
  }
  return out;
}

function toRecord(rowKey: string, get: (field: Field) => string, texts: Record<string, string>): CatalogueRecord {
  const name = cleanName(get('model'));
  if (name === '') throw new RowProblem('missing-field', 'the Model cell is empty.');
  const record = emptyRecord(rowKey, EntityType.MODEL, name);
  record.texts = texts;
  record.organizations = organizationsOf(get('organization'));
  record.tags = splitList(get('domain'));
  const url = get('link').trim();
  if (url) record.url = url;

  const releaseDate = parseDate(get('publicationDate'), 'Publication date');
  if (releaseDate) record.attributes.releaseDate = releaseDate;

  const parameters = parseCount(get('parameters'), 'Parameters');
  const note = get('parametersNotes').trim();
  if (parameters !== undefined) {
    if (contradictsNote(parameters, note))
      throw new RowProblem('unit-error', `Parameters ${parameters} contradicts its own note "${note.slice(0, 80)}".`);
    record.attributes.parameters = parameters;
    if (note) record.quotes.push({ attribute: 'parameters', text: note });
  }

  const access = get('accessibility').trim();
  if (access) {
    record.attributes.openWeights = access.toLowerCase().startsWith('open weights');
    record.license = access;
  }

  // A base model with finetune compute is a fine-tune; without it Epoch only says "derived from".
  const finetuned = get('finetuneCompute').trim() !== '';
  for (const base of splitList(get('baseModel')))
    record.dependencies.push({
      name: base,
      aliases: [],
      type: RelationType.DERIVED_FROM,
      lineage: finetuned ? LineageKind.FINE_TUNE : LineageKind.VARIANT,
      basis: finetuned ? 'stated fine_tune' : 'base model without finetune compute: derived, manner not stated',
    });
  const finetuneNote = get('finetuneComputeNotes').trim();
  if (finetuned && finetuneNote) record.quotes.push({ attribute: 'lineage', text: finetuneNote });

  for (const dataset of splitList(get('trainingDataset')))
    if (!NOT_A_DATASET.test(dataset))
      record.dependencies.push({ ...nameWithAliases(dataset), type: RelationType.TRAINED_ON, basis: 'training dataset column' });
  return record;
}

export function parseEpochCsv(text: string): ParseResult {
  const rows: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true });
  const [header = [], ...body] = rows;
  const warnings: Problem[] = [];
  const index = new Map<Field, number>();
  const textIndex = new Map<string, number>();
  header.forEach((column, i) => {
    const name = column.trim();
    const field = ALIAS_TO_FIELD.get(name.toLowerCase());
    if (TEXT_COLUMN_SET.has(name)) textIndex.set(name, i);
    if (field) index.set(field, i);
    else if (!IGNORED.has(name) && !TEXT_COLUMN_SET.has(name))
      warnings.push({ rowKey: 'header', kind: 'unknown-column', reason: `column "${name}" is not known to the importer; it is ignored.` });
  });
  if (!index.has('model')) throw new Error(`the CSV has no Model column (looked for ${COLUMNS.model.join(', ')}).`);

  const records: CatalogueRecord[] = [];
  const skipped: Problem[] = [];
  const countries: OrganizationCountries[] = [];
  body.forEach((cells, i) => {
    const rowKey = `row ${i + 1}`;
    try {
      if (cells.length !== header.length)
        throw new RowProblem('malformed', `the row has ${cells.length} cells where the header has ${header.length}.`);
      const get = (field: Field) => (index.has(field) ? (cells[index.get(field)!] ?? '') : '');
      // A cell's text is kept as it stands (a quote is a slice of it); empty cells are left out.
      const texts: Record<string, string> = {};
      for (const [name, at] of textIndex) if ((cells[at] ?? '').trim() !== '') texts[name] = cells[at] as string;
      const record = toRecord(rowKey, get, texts);
      records.push(record);
      countries.push({ rowKey, organizations: record.organizations, countries: countriesOf(get('country')) });
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      skipped.push({ rowKey, kind: error.kind, reason: error.message });
    }
  });
  // The organizations the rows name, each with the countries the rows prove (epoch-countries.ts).
  const organizations = organizationRecords(countries);
  return {
    format: 'epoch-csv',
    rowsRead: body.length,
    records,
    organizations: organizations.records,
    skipped,
    warnings: [...warnings, ...organizations.warnings],
  };
}

export const readEpochCsv = (file: string): ParseResult => parseEpochCsv(readFileSync(file, 'utf8'));
