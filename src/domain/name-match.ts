/**
 * How typed text meets names: case and the separators people type differently ("qwen 2.5", "Qwen2.5",
 * "Llama-2", "llama 2", "GPT 3.5", "gpt-3.5") are ignored, on both sides, the same way. The Cypher
 * form and the JavaScript form are built from one list, so a name and a query always agree.
 */
const SEPARATORS = [' ', '-', '_', '.', '·'] as const;

const SEPARATOR_CLASS = new RegExp(`[${SEPARATORS.map((s) => `\\u${s.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** Lower case, without separators: what `nameContains` and search compare. */
export function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATOR_CLASS, '');
}

/** The Cypher expression computing `squash` of `expression` (NFKC folds full-width letters and spaces first). */
export function squashCypher(expression: string): string {
  return SEPARATORS.reduce((inner, separator) => `replace(${inner}, '${separator}', '')`, `toLower(normalize(${expression}, NFKC))`);
}

/** A Hugging Face repository id ("deepseek-ai/DeepSeek-R1"): one repository, named exactly. */
export const HUB_REPO_ID = /^[\w.-]+\/[\w.-]+$/;

/**
 * Other ways to write a search query, for a full-text index that splits names at separators and
 * keeps "qwen2.5" whole: the query with its separators dropped ("qwen 2.5" → "qwen2.5") and with a
 * space between letters and digits ("qwen2.5" → "qwen 2.5"). Deduplicated, the query itself first.
 */
export function queryVariants(query: string): string[] {
  const text = query.trim();
  const joined = text.replace(/(?<=[\p{L}\p{N}])[\s\-_·]+(?=[\p{L}\p{N}])/gu, '');
  const split = text.replace(/(\p{L})(?=\p{N})/gu, '$1 ');
  return [...new Set([text, joined, split])];
}
