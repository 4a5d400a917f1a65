/**
 * Names as resolution compares them. nameKey makes two spellings of one name equal; the looser keys
 * below are for blocking (which pairs are compared at all) and say how close two names are.
 */
import { EntityType } from '../domain/registry.js';

/**
 * Name keys: two names with the same key are spellings of one name.
 * "Llama 2-70B", "Llama-2-70B" and "LLaMA 2 70B" all become "llama 2 70b"; "Qwen2.5-Coder (32B)"
 * and "Qwen 2.5 Coder 32B" become "qwen 2.5 coder 32b"; "Google Deepmind" and "Google DeepMind" agree.
 */
export function nameKey(name: string): string {
  const cached = NAME_KEY_CACHE.get(name);
  if (cached !== undefined) return cached;
  // Bounded: resolving a row looks its names up several times (decisions, blocks, keys), then never again.
  if (NAME_KEY_CACHE.size >= 100_000) NAME_KEY_CACHE.clear();
  const key = computeNameKey(name);
  NAME_KEY_CACHE.set(name, key);
  return key;
}
const NAME_KEY_CACHE = new Map<string, string>();

function computeNameKey(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLowerCase()
      // A letter followed by a digit starts a new token ("qwen2.5" = "qwen 2.5"); a digit followed by
      // a letter does not, so sizes and suffixes stay whole ("70b", "4o").
      .replace(/(\p{L})(?=\p{N})/gu, '$1 ')
      // Dots inside numbers are versions ("3.1"); every other separator, bracket or symbol splits.
      .replace(/(?<!\p{N})\.|\.(?!\p{N})/gu, ' ')
      .replace(/[^\p{L}\p{N}.]+/gu, ' ')
      .trim()
  );
}

/** A size token: "7b", "1.5t", "350m", and mixtures of experts "8x7b". */
const SIZE = /^(\d+(?:\.\d+)?)([kmbt])$/;
const EXPERTS = /^\d+x\d+(?:\.\d+)?[kmbt]$/;
const MAGNITUDE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

export const isSizeToken = (token: string): boolean => SIZE.test(token) || EXPERTS.test(token);

/** The parameter count a name states ("Llama 2-70B" -> 7e10); none for "8x7B" (its total is not 56B) or several sizes. */
export function sizeInName(name: string): number | undefined {
  const sizes = nameKey(name)
    .split(' ')
    .map((token) => SIZE.exec(token))
    .filter((m) => m !== null);
  if (sizes.length !== 1) return undefined;
  const [, number, unit] = sizes[0]!;
  return Number(number) * MAGNITUDE[unit!]!;
}

/** Words that name the kind of thing rather than the thing ("Moonshot AI" is Moonshot, "The Pile" is Pile). */
const GENERIC_WORDS: Partial<Record<EntityType, Set<string>>> = {
  [EntityType.ORGANIZATION]: new Set([
    'the',
    'ai',
    'inc',
    'ltd',
    'llc',
    'corp',
    'corporation',
    'co',
    'company',
    'gmbh',
    'group',
    'intelligence',
    'technologies',
  ]),
  [EntityType.DATASET]: new Set(['the', 'dataset', 'data', 'corpus']),
  // "LLaMA 系列", "Llama 3 family", "Claude series" name the family "LLaMA", "Llama 3", "Claude".
  [EntityType.SERIES]: new Set(['series', 'family', 'models', '系列', '系列模型']),
};

const withoutBrackets = (name: string) => name.replace(/\([^)]*\)|（[^）]*）|\[[^\]]*\]/g, ' ');

/** How two names compare, closest first, with the weight each level gives (see score.ts). */
export type NameLevel = 'exact' | 'compact' | 'stripped' | 'prefix' | 'family';

const STOP_WORDS = new Set(['of', 'the', 'for', 'and', 'at', 'de', 'in']);

/**
 * The keys a name is blocked under, one per level: exact (nameKey), compact (without spaces:
 * "Big Query" = "BigQuery"), stripped (bracketed asides and the kind's generic words dropped:
 * "GPT-3 175B (davinci)" -> "gpt3175b", "Moonshot AI" -> "moonshot"), family (sizes dropped too:
 * "Llama 2-7B" -> "llama2"). A looser level is only given when it differs from the closer one. A query
 * (`query`) also looks up an organization's leading words (prefix).
 */
export function nameKeys(name: string, kind: EntityType, query = false): Array<{ level: NameLevel; key: string }> {
  const cacheKey = `${kind}|${query}|${name}`;
  const cached = KEY_CACHE.get(cacheKey);
  if (cached) return cached;
  // Bounded: a bulk import meets each name a few times in a row, not millions of times over.
  if (KEY_CACHE.size >= 100_000) KEY_CACHE.clear();
  const keys = computeKeys(name, kind, query);
  KEY_CACHE.set(cacheKey, keys);
  return keys;
}
const KEY_CACHE = new Map<string, Array<{ level: NameLevel; key: string }>>();

function computeKeys(name: string, kind: EntityType, query: boolean): Array<{ level: NameLevel; key: string }> {
  const exact = nameKey(name);
  if (exact === '') return [];
  const compact = exact.replaceAll(' ', '');
  const generic = GENERIC_WORDS[kind];
  const strippedTokens = nameKey(withoutBrackets(name))
    .split(' ')
    .filter((token) => token !== '' && !generic?.has(token));
  const stripped = strippedTokens.join('');
  const family = strippedTokens.filter((token) => !isSizeToken(token)).join('');
  const keys: Array<{ level: NameLevel; key: string }> = [
    { level: 'exact', key: exact },
    { level: 'compact', key: compact },
  ];
  if (stripped !== '' && stripped !== compact) keys.push({ level: 'stripped', key: stripped });
  if (family !== '' && family !== stripped && family !== compact) keys.push({ level: 'family', key: family });
  // An organization named by the start of another's name ("Jacobs University" in "Jacobs University
  // Bremen"): looked up, not filed, so only whole names are found. Two words at least ("Google" in
  // "Google AI" is already a stripped match).
  if (query && kind === EntityType.ORGANIZATION)
    for (let n = strippedTokens.length - 1; n >= 2; n -= 1) {
      const head = strippedTokens.slice(0, n);
      if (!STOP_WORDS.has(head.at(-1)!)) keys.push({ level: 'prefix', key: head.join('') });
    }
  return keys;
}

/**
 * A short or generic alias: three characters or fewer ("GLM", "Yi"), or, for anything but an
 * organization, one word without a digit ("Otter", "Unicorn", "Spark", "Mistral"). Such an alias
 * alone never merges two things: a name match through it counts for (almost) nothing.
 */
export function isGenericAlias(alias: string, kind: EntityType): boolean {
  const key = nameKey(alias);
  if (key.replaceAll(' ', '').length <= 3) return true;
  return kind !== EntityType.ORGANIZATION && !key.includes(' ') && !/\d/.test(key);
}
