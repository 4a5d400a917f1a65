import { seededRandom } from '../domain/seeded-random.js';
import { RelationType } from '../domain/graph-model.js';
import type { Dataset } from '../seed/dataset.js';
import type { Citation } from '../seed/seed.schema.js';

/** One fact a reviewer checks against its quotes: a relationship or an attribute claim. */
export interface Fact {
  /** A relationship type, or CLAIM for an attribute claim. */
  stratum: RelationType | 'CLAIM';
  /** The fact in one line, e.g. "gpt-4 USES rlhf" or "gpt-4 parameters = 1800000000000". */
  statement: string;
  citations: Citation[];
}

export const CLAIM_STRATUM = 'CLAIM';

/** Every relationship and every attribute claim of the dataset, in file order. */
export function collectFacts(dataset: Dataset): Fact[] {
  const facts: Fact[] = [];
  for (const type of Object.values(RelationType)) {
    for (const rel of dataset.relationships[type]) {
      const kind = rel.kind === undefined ? '' : ` (${rel.kind})`;
      facts.push({ stratum: type, statement: `${rel.from} ${type}${kind} ${rel.to}`, citations: rel.citations });
    }
  }
  for (const model of dataset.entities.MODEL) {
    for (const claim of model.claims ?? []) {
      const confidence = claim.confidence === undefined ? '' : ` [confidence ${claim.confidence}]`;
      const { attribute, value, ...citation } = claim;
      facts.push({
        stratum: CLAIM_STRATUM,
        statement: `${model.id} ${attribute} = ${JSON.stringify(value)}${confidence}`,
        citations: [citation as Citation],
      });
    }
  }
  return facts;
}

/** The first k items of a seeded Fisher–Yates shuffle of a copy of the list. */
function pick<T>(list: T[], k: number, random: () => number): T[] {
  const copy = [...list];
  for (let i = 0; i < Math.min(k, copy.length); i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, k);
}

/**
 * A stratified sample: the size shared as evenly as possible between the strata (relationship types
 * and claims), a stratum smaller than its share giving the rest to the others. The same facts and
 * seed always give the same sample, in stratum order.
 */
export function stratifiedSample<F extends { stratum: string }>(facts: F[], size: number, seed: number): F[] {
  const strata = new Map<string, F[]>();
  for (const fact of facts) strata.set(fact.stratum, [...(strata.get(fact.stratum) ?? []), fact]);
  const quota = new Map<string, number>([...strata.keys()].map((key) => [key, 0]));
  let left = Math.min(size, facts.length);
  // Round-robin one at a time over strata that still have facts: even shares, small strata exhausted.
  while (left > 0) {
    for (const [key, list] of strata) {
      if (left === 0) break;
      const taken = quota.get(key) ?? 0;
      if (taken < list.length) {
        quota.set(key, taken + 1);
        left--;
      }
    }
  }
  const random = seededRandom(seed);
  return [...strata].flatMap(([key, list]) => pick(list, quota.get(key) ?? 0, random));
}

/** Sentences end at Chinese or Latin end marks and at line ends (headings, list items, table rows). */
const SENTENCE = /[^。！？!?\n]*(?:[。！？!?]+|\n|$)/g;

/**
 * The quote with the sentence(s) it stands in and `around` non-blank sentences either side, from
 * its document; null when the quote is not in it.
 */
export function quoteInContext(document: string, quote: string, around = 1): string | null {
  const at = document.indexOf(quote);
  if (at < 0) return null;
  const sentences = [...document.matchAll(SENTENCE)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0].trim() }))
    .filter((s) => s.text.length > 0);
  const first = sentences.findIndex((s) => s.end > at);
  let last = first;
  while (last + 1 < sentences.length && (sentences[last] as { end: number }).end < at + quote.length) last++;
  return sentences
    .slice(Math.max(0, first - around), last + around + 1)
    .map((s) => s.text)
    .join(' ');
}
