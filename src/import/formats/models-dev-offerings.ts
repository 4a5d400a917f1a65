/**
 * models.dev's offerings: `providers/<provider>/models/**.toml`, one provider's listing of a model with
 * its price per million tokens, limits and status. An offering SERVES a model: the canonical row its
 * `base_model` names, or else the model its own name or id names (resolved by the planner; one it cannot
 * place is reported, never made a model). Its provider is an organization: the provider's name without
 * the region or domain in brackets ("Alibaba (China)" is Alibaba), the full name an alias of the offering.
 */
import path from 'node:path';
import { EntityType, OfferingStatus, RelationType } from '../../domain/registry.js';
import { type CatalogueRecord, type Dependency, emptyRecord, type Problem, RowProblem } from '../records.js';
import { amount, asTable as table, LIMITS, state, text } from './models-dev-values.js';
import type { TomlFile } from './toml-tree.js';
import { parseDate } from './values.js';

export interface ProviderName {
  /** As provider.toml names it ("Alibaba (China)"). */
  name: string;
  /** The organization that provides it ("Alibaba"). */
  organization: string;
}

const ASIDE = /\s*[([][^)\]]*[)\]]/g;

/** `providers/<id>/provider.toml` -> the provider's name and organization, by provider id. */
export function providerNames(files: TomlFile[]): Map<string, ProviderName> {
  const out = new Map<string, ProviderName>();
  for (const file of files) {
    const id = file.key.split('/')[1]!;
    const name = typeof file.data.name === 'string' && file.data.name.trim() !== '' ? file.data.name.trim() : id;
    out.set(id, { name, organization: name.replace(ASIDE, '').trim() || name });
  }
  return out;
}

const COST = { input: 'inputPrice', output: 'outputPrice', cache_read: 'cacheReadPrice', cache_write: 'cacheWritePrice' };
const STATUS: Record<string, OfferingStatus> = {
  alpha: OfferingStatus.ALPHA,
  beta: OfferingStatus.BETA,
  deprecated: OfferingStatus.DEPRECATED,
};

/**
 * The names an offering gives its model, cleaned of what names the listing rather than the model: a
 * vendor prefix ("OpenAI: o3", "Deepseek/Deepseek-Math-V2"), bracketed asides ("(free)", "(US)"), a
 * variant suffix (":free", ":0") and a cloud's prefixes and version ("us.anthropic.…-v1:0").
 */
export function modelNamesOf(statedName: string | undefined, modelId: string): string[] {
  const names = new Set<string>();
  if (statedName !== undefined) {
    const plain = statedName
      .replace(ASIDE, '')
      .replace(/^[^:/]{1,30}:\s+/, '')
      .replace(/^[\w.-]{1,30}\//, '')
      .trim();
    if (plain !== '') names.add(plain);
  }
  for (const id of modelIdsOf(modelId)) names.add(id);
  return [...names];
}

/**
 * The ids an offering's model id gives its model: the last segment without a variant suffix
 * ("deepseek/deepseek-r1:free" -> "deepseek-r1"; a size such as ":397b" stays), and, for a cloud's dotted
 * id, without its region and vendor prefixes and its version ("us.anthropic.claude-opus-4-5-20251101-v1:0" ->
 * "claude-opus-4-5-20251101", "openai.gpt-oss-120b-1:0" -> "gpt-oss-120b", "anthropic.claude-opus-4-7" ->
 * "claude-opus-4-7").
 */
export function modelIdsOf(modelId: string): string[] {
  const last = modelId.split('/').at(-1)!;
  const plain = last.replace(/:[a-z][a-z-]*$/i, '');
  const dotted = /^(?:[a-z]{2,4}\.)?[a-z][a-z-]*\.(.+?)(?:-v?\d+:\d+)?$/.exec(last)?.[1];
  return [...new Set([plain, ...(dotted ? [dotted] : [])])];
}

function status(data: Record<string, unknown>): OfferingStatus {
  if (data.status === undefined) return OfferingStatus.LISTED;
  const found = typeof data.status === 'string' ? STATUS[data.status] : undefined;
  if (found === undefined) throw new RowProblem('bad-value', `status is not alpha, beta or deprecated: ${JSON.stringify(data.status)}.`);
  return found;
}

/** The model an offering serves, as a dependency: the canonical row its base_model names, or its own names. */
function servedModel(file: TomlFile, statedName: string | undefined, modelId: string, canonical: Canonical): Dependency {
  const base = file.data.base_model;
  if (typeof base === 'string') {
    const row = canonical.rowOf.get(`models/${base}.toml`);
    const name = row === undefined ? base : (canonical.nameOf.get(row) ?? base);
    return { name, aliases: [], type: RelationType.SERVES, basis: `base_model ${base}`, ...(row !== undefined && { rowKey: row }) };
  }
  const row = modelIdsOf(modelId)
    .map((id) => canonical.byId.get(id.toLowerCase()))
    .find((key) => key !== undefined);
  if (row !== undefined)
    return {
      name: canonical.nameOf.get(row) ?? modelId,
      aliases: [],
      type: RelationType.SERVES,
      basis: `model id ${modelId}`,
      rowKey: row,
    };
  const [name, ...aliases] = modelNamesOf(statedName, modelId);
  const releaseDate = statedDate(file.data.release_date);
  return {
    name: name!,
    aliases,
    type: RelationType.SERVES,
    basis: 'the model the offering names (no base_model)',
    ...(releaseDate !== undefined && { values: { releaseDate } }),
  };
}

/** The release date an offering states, evidence for which model it serves; one that is no date is left out, not the row. */
function statedDate(raw: unknown): string | undefined {
  try {
    const date = parseDate(raw, 'release_date');
    // "1970-01-01" and the like are placeholders, not dates.
    return date !== undefined && date >= '2010' ? date : undefined;
  } catch (error) {
    if (error instanceof RowProblem) return undefined;
    throw error;
  }
}

/** What the snapshot's canonical models are, for the offerings that name them. */
export interface Canonical {
  files: Map<string, TomlFile>;
  /** Every canonical file's key -> the row that stands for it (a "(latest)" pointer's is its dated twin's). */
  rowOf: Map<string, string>;
  nameOf: Map<string, string>;
  /** A canonical model's id (its file's name, lower case) -> its row, for ids no two labs share. */
  byId: Map<string, string>;
}

function offeringRecord(file: TomlFile, canonical: Canonical, providers: Map<string, ProviderName>): CatalogueRecord {
  const [, providerId, , ...rest] = file.key.split('/');
  const provider = providers.get(providerId!) ?? { name: providerId!, organization: providerId! };
  const modelId = rest.join('/').replace(/\.toml$/, '');
  const statedName = text(file.data, 'name');
  const base = typeof file.data.base_model === 'string' ? canonical.files.get(`models/${file.data.base_model}.toml`) : undefined;
  const modelName = statedName ?? (typeof base?.data.name === 'string' ? base.data.name : path.posix.basename(modelId));
  const record = emptyRecord(file.key, EntityType.OFFERING, `${modelName} · ${provider.name}`);
  record.aliases = [...new Set([modelName, modelId])];
  record.organizations = [provider.organization];
  const cost = table(file.data.cost);
  for (const [field, attribute] of Object.entries(COST)) state(record, file, attribute, amount(cost, field), field, 'cost');
  // An offering of a base model takes its limits unless it states or omits them (base_model_omit).
  const omitted = Array.isArray(file.data.base_model_omit) ? (file.data.base_model_omit as unknown[]) : [];
  const limit = table(file.data.limit);
  const inherited = table(base?.data.limit);
  for (const [field, attribute] of Object.entries(LIMITS)) {
    const own = amount(limit, field);
    const value = own ?? (omitted.includes(`limit.${field}`) ? undefined : amount(inherited, field));
    if (value !== undefined && value > 0) state(record, file, attribute, value, field, 'limit');
  }
  state(record, file, 'status', status(file.data), 'status');
  record.dependencies.push(servedModel(file, statedName, modelId, canonical));
  return record;
}

export function offeringRecords(
  files: TomlFile[],
  canonical: Canonical,
  providers: Map<string, ProviderName>,
  skipped: Problem[],
): CatalogueRecord[] {
  return files.flatMap((file) => {
    try {
      return [offeringRecord(file, canonical, providers)];
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      skipped.push({ rowKey: file.key, kind: error.kind, reason: error.message });
      return [];
    }
  });
}
