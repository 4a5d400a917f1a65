/**
 * Stanford CRFM's Ecosystem Graphs: a folder of assets/*.yaml files, each a list of assets
 * (type model | dataset | application) with untyped `dependencies`. Values may be plain or
 * `{value, explanation}`; the explanation becomes the catalogue's quote for that value.
 * An application is a PRODUCT of the registry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { EntityType, ProductKind } from '../../domain/registry.js';
import { type CatalogueRecord, emptyRecord, type ParseResult, type Problem, RowProblem } from '../records.js';
import { cleanName, countsInText, parseDate, splitList } from './values.js';

const KIND_OF: Record<string, EntityType> = { model: EntityType.MODEL, dataset: EntityType.DATASET, application: EntityType.PRODUCT };

/**
 * Ecosystem Graphs does not say what an application is used as, and the registry requires a product
 * kind: the first rule whose words appear in the name or description decides, and ASSISTANT (a
 * general assistant people talk to) is the fallback. An inference, so it is plain, not a cited claim.
 */
const PRODUCT_KIND_RULES: Array<[RegExp, ProductKind]> = [
  [/\bsearch\b/i, ProductKind.SEARCH_ENGINE],
  [/\b(code|coding|copilot|programming|developer assistant)\b/i, ProductKind.CODING_TOOL],
  [/\bextension\b/i, ProductKind.BROWSER_EXTENSION],
  [/\bagents?\b/i, ProductKind.AGENT],
  [/\b(api|platform|playground|sdk)\b/i, ProductKind.DEVELOPER_PLATFORM],
  [/\b(device|glasses|phone|speaker|hardware)\b/i, ProductKind.DEVICE],
  [/\b(writ\w*|image|video|design|content|copy\w*|marketing)\b/i, ProductKind.CONTENT_TOOL],
  [/\bchat\w*\b/i, ProductKind.CHAT_APP],
];
export function productKindOf(name: string, description: string): ProductKind {
  const text = `${name} ${description}`;
  return PRODUCT_KIND_RULES.find(([words]) => words.test(text))?.[1] ?? ProductKind.ASSISTANT;
}

/** Fields of the Ecosystem Graphs asset schema (models, datasets, applications); others are reported. */
const KNOWN_FIELDS = new Set([
  'type',
  'name',
  'organization',
  'description',
  'created_date',
  'url',
  'model_card',
  'datasheet',
  'modality',
  'size',
  'sample',
  'analysis',
  'dependencies',
  'included',
  'excluded',
  'quality_control',
  'access',
  'license',
  'intended_uses',
  'prohibited_uses',
  'monitoring',
  'feedback',
  'training_emissions',
  'training_time',
  'training_hardware',
  'adaptation',
  'output_space',
  'terms_of_service',
  'monthly_active_users',
  'user_distribution',
  'failures',
]);

interface Explained {
  value: unknown;
  explanation?: string;
}

/** `x` or `{value: x, explanation: "…"}` as one shape. */
function explained(raw: unknown): Explained {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) {
    const { value, explanation } = raw as { value: unknown; explanation?: unknown };
    return { value, explanation: typeof explanation === 'string' && explanation.trim() !== '' ? cleanName(explanation) : undefined };
  }
  return { value: raw };
}

const text = (raw: unknown): string => (typeof raw === 'string' || typeof raw === 'number' ? cleanName(String(raw)) : '');
const EMPTY = /^(unknown|n\/a|none|)$/i;

function toRecord(rowKey: string, asset: Record<string, unknown>): CatalogueRecord {
  const type = text(asset.type).toLowerCase();
  const kind = KIND_OF[type];
  if (!kind) throw new RowProblem('bad-value', `type "${type}" is none of model, dataset, application.`);
  const name = text(explained(asset.name).value);
  if (name === '') throw new RowProblem('missing-field', 'the asset has no name.');
  const record = emptyRecord(rowKey, kind, name);
  record.organizations = splitList(text(explained(asset.organization).value));

  const created = explained(asset.created_date);
  const releaseDate = parseDate(created.value, 'created_date');
  if (releaseDate) {
    record.attributes.releaseDate = releaseDate;
    if (created.explanation) record.quotes.push({ attribute: 'releaseDate', text: created.explanation });
  }
  if (kind === EntityType.MODEL) {
    const size = explained(asset.size);
    const counts = countsInText(text(size.value));
    if (counts[0] !== undefined && /param/i.test(text(size.value))) {
      record.attributes.parameters = counts[0];
      record.quotes.push({ attribute: 'parameters', text: size.explanation ?? text(size.value) });
    }
    const access = explained(asset.access);
    const accessText = text(access.value).toLowerCase();
    if (accessText !== '' && !EMPTY.test(accessText)) {
      record.attributes.openWeights = accessText === 'open';
      if (access.explanation) record.quotes.push({ attribute: 'openWeights', text: access.explanation });
    }
  }
  const license = text(explained(asset.license).value);
  if (!EMPTY.test(license)) record.license = license;
  const url = text(asset.url);
  if (url.startsWith('http')) record.url = url;
  if (kind === EntityType.PRODUCT) record.productKind = productKindOf(name, text(explained(asset.description).value));

  const dependencies = explained(asset.dependencies).value ?? [];
  if (!Array.isArray(dependencies)) throw new RowProblem('malformed', 'dependencies is not a list.');
  for (const dependency of dependencies) {
    const dependencyName = text(explained(dependency).value);
    if (dependencyName !== '') record.dependencies.push({ name: dependencyName, aliases: [], basis: 'dependencies' });
  }
  return record;
}

/** The YAML files of a checkout (its assets/ folder) or of the folder given. */
function assetFiles(folder: string): string[] {
  const assets = path.join(folder, 'assets');
  const dir = statSync(assets, { throwIfNoEntry: false })?.isDirectory() ? assets : folder;
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => path.join(dir, file));
}

export function parseEcosystemGraphs(files: Array<{ name: string; text: string }>): ParseResult {
  const records: CatalogueRecord[] = [];
  const skipped: Problem[] = [];
  const warnings: Problem[] = [];
  let rowsRead = 0;
  for (const file of files) {
    let assets: unknown;
    try {
      assets = parse(file.text);
    } catch (error) {
      skipped.push({
        rowKey: file.name,
        kind: 'malformed',
        reason: `the file is not valid YAML (${(error as Error).message.split('\n')[0]}).`,
      });
      continue;
    }
    if (assets === null || assets === undefined) continue;
    if (!Array.isArray(assets)) {
      skipped.push({ rowKey: file.name, kind: 'malformed', reason: 'the file is not a list of assets.' });
      continue;
    }
    const unknown = new Set<string>();
    assets.forEach((asset, i) => {
      rowsRead += 1;
      const rowKey = `${file.name}#${i + 1}`;
      try {
        if (asset === null || typeof asset !== 'object' || Array.isArray(asset))
          throw new RowProblem('malformed', 'the entry is not a mapping.');
        for (const field of Object.keys(asset)) if (!KNOWN_FIELDS.has(field)) unknown.add(field);
        records.push(toRecord(rowKey, asset as Record<string, unknown>));
      } catch (error) {
        if (!(error instanceof RowProblem)) throw error;
        skipped.push({ rowKey, kind: error.kind, reason: error.message });
      }
    });
    for (const field of unknown)
      warnings.push({ rowKey: file.name, kind: 'unknown-column', reason: `field "${field}" is not known to the importer; it is ignored.` });
  }
  return { format: 'ecosystem-graphs', rowsRead, records, skipped, warnings };
}

export const readEcosystemGraphs = (folder: string): ParseResult =>
  parseEcosystemGraphs(
    assetFiles(folder).map((file) => ({ name: path.relative(folder, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') })),
  );
