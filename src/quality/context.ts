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

  models(): EntityFacts[] {
    return this.input.entities.filter((e) => e.type === EntityType.MODEL);
  }
}

export const dateOf = (claim: ClaimFact | undefined): DayInterval | null =>
  claim !== undefined && isIsoDate(claim.value) ? dateInterval(claim.value) : null;

export function span(days: number): string {
  if (days < 60) return `${Math.round(days)} days`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${Math.round(days / 365.25)} years`;
}
