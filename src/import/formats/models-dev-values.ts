/** Reading models.dev's TOML values: each a typed value or a RowProblem naming the field. */
import { type AttributeValue, type CatalogueRecord, RowProblem } from '../records.js';
import { lineOf, type TomlFile } from './toml-tree.js';

export type Table = Record<string, unknown>;
export const asTable = (value: unknown): Table =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
export const asTables = (value: unknown): Table[] => (Array.isArray(value) ? value.map(asTable) : []);

/** A string field, or a problem naming it when it holds something else. */
export function text(data: Table, key: string): string | undefined {
  const value = data[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new RowProblem('bad-value', `${key} is not a name: ${JSON.stringify(value)}.`);
  return value.trim().replace(/\s+/g, ' ');
}

export const bool = (data: Table, key: string): boolean | undefined => {
  const value = data[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new RowProblem('bad-value', `${key} is not true or false: ${JSON.stringify(value)}.`);
  return value;
};

/** A token count or a price: a non-negative number. */
export function amount(data: Table, key: string): number | undefined {
  const value = data[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new RowProblem('bad-value', `${key} is not a non-negative number: ${JSON.stringify(value)}.`);
  return value;
}

const MODALITIES = new Set(['text', 'image', 'audio', 'video', 'pdf']);
export function modalities(data: Table, key: string): string[] | undefined {
  const value = data[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((m) => typeof m !== 'string' || !MODALITIES.has(m)))
    throw new RowProblem('bad-value', `modalities.${key} lists something that is not a modality: ${JSON.stringify(value)}.`);
  return value.length === 0 ? undefined : [...new Set(value as string[])];
}

/** Top-level fields read as they are: catalogue field -> registry attribute. */
export const FLAGS = {
  open_weights: 'openWeights',
  reasoning: 'reasoning',
  tool_call: 'toolCalling',
  structured_output: 'structuredOutput',
  attachment: 'attachments',
};
export const DATES = { release_date: 'releaseDate', knowledge: 'knowledgeCutoff' };
/** Limits a model or an offering states: `[limit]` field -> attribute. */
export const LIMITS = { context: 'contextWindow', output: 'maxOutputTokens' };

/** Sets an attribute and, where the file writes it on one line, that line as the quote. */
export function state(record: CatalogueRecord, file: TomlFile, attribute: string, value: unknown, key: string, table?: string): void {
  if (value === undefined) return;
  record.attributes[attribute] = value as AttributeValue;
  const line = lineOf(file.text, key, table);
  if (line !== undefined) record.quotes.push({ attribute, text: line });
}
