/**
 * LLM Stats (catalogues/llm-stats/): models/<org>/<id>/model.json, one model card each, with the results it
 * lists (`qualitative_metrics`: score as a fraction, `is_self_reported`, the source link). A card naming a
 * `canonical_model_id` is a version of that model (GPT-4o of 2024-05-13 and of 2024-08-06): the versions of
 * one model are one record, described by its first release, carrying every version's results. Folder ids
 * and Hugging Face repo ids are identifiers; `fine_tuned_from_model_id` names the base model's card.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EntityType, LineageKind, RelationType } from '../../domain/registry.js';
import {
  type CatalogueRecord,
  emptyRecord,
  newestStatedDate,
  type ParseResult,
  type Problem,
  type ResultRecord,
  RowProblem,
} from '../records.js';
import { parseDate } from './values.js';

const FORMAT = 'llm-stats';

/** The developer each organization folder stands for, by the name Epoch AI's table gives it (so the two resolve alike). */
const ORGANIZATIONS: Record<string, string> = {
  ai21: 'AI21 Labs',
  amazon: 'Amazon',
  anthropic: 'Anthropic',
  cohere: 'Cohere',
  deepseek: 'DeepSeek',
  google: 'Google',
  ibm: 'IBM',
  meta: 'Meta AI',
  microsoft: 'Microsoft',
  mistral: 'Mistral AI',
  moonshotai: 'Moonshot',
  nvidia: 'NVIDIA',
  openai: 'OpenAI',
  qwen: 'Alibaba',
  xai: 'xAI',
};

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish();
const metric = z.object({
  dataset_name: z.string().min(1),
  score: z.number(),
  is_self_reported: z.boolean(),
  analysis_method: nullable(z.string()),
  date_recorded: nullable(z.string()),
  source_link: nullable(z.string()),
});
const card = z.object({
  name: z.string().min(1),
  description: nullable(z.string()),
  canonical_model_id: nullable(z.string()),
  fine_tuned_from_model_id: nullable(z.string()),
  release_date: nullable(z.string()),
  knowledge_cutoff: nullable(z.string()),
  param_count: nullable(z.number()),
  training_tokens: nullable(z.number()),
  input_context_size: nullable(z.number()),
  license: nullable(z.string()),
  weights_link: nullable(z.string()),
  paper_link: nullable(z.string()),
  scorecard_blog_link: nullable(z.string()),
  api_ref_link: nullable(z.string()),
  qualitative_metrics: z.array(metric),
});
type Card = z.infer<typeof card>;

interface Entry {
  id: string;
  organization: string;
  rowKey: string;
  card: Card;
}

function readCards(folder: string, skipped: Problem[]): Entry[] {
  // The checkout's folder or its models/ (the default graph hashes models/ alone: the snapshot is the data).
  const root = existsSync(path.join(folder, 'models')) ? path.join(folder, 'models') : folder;
  const entries: Entry[] = [];
  for (const organization of readdirSync(root).sort()) {
    if (!statSync(path.join(root, organization)).isDirectory()) continue;
    for (const id of readdirSync(path.join(root, organization)).sort()) {
      const rowKey = `models/${organization}/${id}/model.json`;
      try {
        const parsed = card.safeParse(JSON.parse(readFileSync(path.join(root, organization, id, 'model.json'), 'utf8')));
        if (!parsed.success)
          throw new RowProblem('malformed', `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
        entries.push({ id, organization, rowKey, card: parsed.data });
      } catch (error) {
        if (error instanceof RowProblem) skipped.push({ rowKey, kind: error.kind, reason: error.message });
        else if (error instanceof SyntaxError) skipped.push({ rowKey, kind: 'malformed', reason: `not JSON: ${error.message}` });
        else throw error;
      }
    }
  }
  return entries;
}

/** "https://huggingface.co/deepseek-ai/DeepSeek-R1" → "deepseek-ai/DeepSeek-R1". */
const huggingFaceId = (url: string | null | undefined): string | undefined =>
  /^https?:\/\/huggingface\.co\/([\w.-]+\/[\w.-]+)\/?$/.exec(url ?? '')?.[1];

const webUrl = (url: string | null | undefined): string | undefined => (url && /^https?:\/\//.test(url) ? url : undefined);

function results(entry: Entry, versioned: boolean): ResultRecord[] {
  return entry.card.qualitative_metrics.map((m, i) => {
    const date = m.date_recorded ? parseDate(m.date_recorded, 'date_recorded') : undefined;
    const source = webUrl(m.source_link);
    return {
      benchmark: m.dataset_name,
      score: m.score,
      setting: {
        ...(m.analysis_method && { method: m.analysis_method }),
        ...(versioned && { 'model version': entry.id }),
      },
      ...(date && { date }),
      selfReported: m.is_self_reported,
      ...(m.is_self_reported && { publisher: ORGANIZATIONS[entry.organization] ?? entry.organization }),
      ...(source && { sourceUrl: source }),
      field: `qualitative_metrics[${i}]`,
      rowKey: entry.rowKey,
    };
  });
}

/** One model's record from its cards: described by its first release, carrying every card's results. */
function toRecord(group: Entry[], byId: Map<string, Entry>, warnings: Problem[], shared: Set<string>): CatalogueRecord {
  const lead = [...group].sort((a, b) => (a.card.release_date ?? '9999').localeCompare(b.card.release_date ?? '9999'))[0]!;
  const { card: c } = lead;
  const record = emptyRecord(lead.rowKey, EntityType.MODEL, c.name.trim());
  const organization = ORGANIZATIONS[lead.organization];
  if (organization === undefined)
    warnings.push({
      rowKey: lead.rowKey,
      kind: 'unknown-column',
      reason: `organization folder "${lead.organization}" is not in the reader's table; its name is used as is.`,
    });
  record.organizations = [organization ?? lead.organization];
  const hf = group.map((e) => huggingFaceId(e.card.weights_link)).filter((id): id is string => id !== undefined && !shared.has(id));
  record.identifiers = [...new Set([...group.map((e) => e.id), ...hf])].filter((id) => id !== record.name);
  record.aliases = [...record.identifiers];
  const attributes: Array<[string, unknown]> = [
    ['releaseDate', parseDate(c.release_date, 'release_date')],
    ['knowledgeCutoff', parseDate(c.knowledge_cutoff, 'knowledge_cutoff')],
    ['parameters', c.param_count ?? undefined],
    ['trainingTokens', c.training_tokens ?? undefined],
    ['contextWindow', c.input_context_size ?? undefined],
    ['openWeights', webUrl(c.weights_link) ? true : /^proprietary$/i.test(c.license ?? '') ? false : undefined],
  ];
  for (const [name, value] of attributes)
    if (value !== undefined && value !== null) record.attributes[name] = value as string | number | boolean;
  if (c.license) record.license = c.license;
  const url = webUrl(c.scorecard_blog_link) ?? webUrl(c.paper_link) ?? webUrl(c.api_ref_link);
  if (url) record.url = url;
  if (c.description) record.texts.description = c.description;
  const base = c.fine_tuned_from_model_id ? byId.get(c.fine_tuned_from_model_id) : undefined;
  if (c.fine_tuned_from_model_id)
    record.dependencies.push({
      name: base?.card.name ?? c.fine_tuned_from_model_id,
      aliases: base ? [c.fine_tuned_from_model_id] : [],
      type: RelationType.DERIVED_FROM,
      lineage: LineageKind.FINE_TUNE,
      basis: 'stated fine_tune (fine_tuned_from_model_id)',
    });
  record.results = group.flatMap((entry) => results(entry, group.length > 1));
  return record;
}

/** Hugging Face repo ids the cards of more than one model link. */
function sharedHuggingFaceIds(groups: Entry[][]): Set<string> {
  const owners = new Map<string, number>();
  for (const group of groups)
    for (const id of new Set(group.map((e) => huggingFaceId(e.card.weights_link)).filter((x) => x !== undefined)))
      owners.set(id, (owners.get(id) ?? 0) + 1);
  return new Set([...owners].filter(([, n]) => n > 1).map(([id]) => id));
}

export function readLlmStats(folder: string): ParseResult {
  const skipped: Problem[] = [];
  const warnings: Problem[] = [];
  const entries = readCards(folder, skipped);
  const byId = new Map(entries.map((e) => [e.id, e]));
  // A card's canonical model is the one its versions belong to (a canonical id with no card of its own is its own group).
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const canonical = entry.card.canonical_model_id && byId.has(entry.card.canonical_model_id) ? entry.card.canonical_model_id : entry.id;
    groups.set(canonical, [...(groups.get(canonical) ?? []), entry]);
  }
  // An identifier two models' cards give (DeepSeek R1 Zero's card links DeepSeek-R1's weights) identifies neither.
  const shared = sharedHuggingFaceIds([...groups.values()]);
  const records: CatalogueRecord[] = [];
  for (const group of groups.values()) {
    try {
      records.push(toRecord(group, byId, warnings, shared));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      skipped.push({ rowKey: group[0]!.rowKey, kind: error.kind, reason: error.message });
    }
  }
  const rowsRead = entries.length + skipped.filter((s) => s.kind === 'malformed').length;
  return { format: FORMAT, rowsRead, records, skipped, warnings, ...newestStatedDate(records) };
}
