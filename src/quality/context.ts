/** What every plausibility rule reads: the input, and helpers for dates at their stated precision. */
import { type DayInterval, dateInterval, isIsoDate } from '../domain/precision.js';
import { EntityType } from '../domain/registry.js';
import { type ClaimFact, claimKey, type EntityFacts, type Finding, type QualityInput } from './facts.js';

/** Release dates differ by what they count (paper, weights, blog post): a month of slack before calling an order wrong. */
export const ORDER_SLACK_DAYS = 30;

/** The rules' shared state: entities by id, and the claims earlier rules already doubt (later rules compare with the rest). */
export class RuleContext {
  readonly byId: Map<string, EntityFacts>;
  readonly doubted = new Set<string>();
  readonly findings: Finding[] = [];

  constructor(readonly input: QualityInput) {
    this.byId = new Map(input.entities.map((e) => [e.id, e]));
  }

  add(found: Finding[]): void {
    for (const f of found) {
      this.findings.push(f);
      this.doubted.add(claimKey(f));
    }
  }

  /** Whether an earlier rule doubts the claim (no key is built while none does). */
  isDoubted(claim: ClaimFact): boolean {
    return this.doubted.size > 0 && this.doubted.has(claimKey(claim));
  }

  models(): EntityFacts[] {
    return this.input.entities.filter((e) => e.type === EntityType.MODEL);
  }
}

/** Intervals by date text: a hub-scale graph holds millions of dated claims but only thousands of distinct dates. */
const intervals = new Map<string, DayInterval | null>();
const INTERVALS_HELD = 100_000;

/** The claim's date as an interval (shared: never changed by a caller), null when it is no ISO date. */
export function dateOf(claim: ClaimFact | undefined): DayInterval | null {
  const value = claim?.value;
  if (typeof value !== 'string') return null;
  let interval = intervals.get(value);
  if (interval === undefined) {
    interval = isIsoDate(value) ? dateInterval(value) : null;
    if (intervals.size < INTERVALS_HELD) intervals.set(value, interval);
  }
  return interval;
}

/** `compute` once per key within one rule (what a rule reads does not change while it runs). */
export function memo<V>(compute: (key: string) => V): (key: string) => V {
  const held = new Map<string, V>();
  return (key) => {
    if (held.has(key)) return held.get(key) as V;
    const value = compute(key);
    held.set(key, value);
    return value;
  };
}

export function span(days: number): string {
  if (days < 60) return `${Math.round(days)} days`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${Math.round(days / 365.25)} years`;
}
