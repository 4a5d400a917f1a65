import { daysAfter, dateInterval, isIsoDate } from '../domain/precision.js';
import { dateOf, memo, ORDER_SLACK_DAYS, type RuleContext, span } from './context.js';
import { checkable, type Finding, finding, QualityRule, reference } from './facts.js';

const DATE_ATTRIBUTES = ['releaseDate', 'knowledgeCutoff'];

/** A date after the source that states it was written (or after today): nobody reports a release ahead of it. */
export function afterSourceDateRule(ctx: RuleContext): Finding[] {
  const today = dateInterval(ctx.input.today);
  return ctx.input.entities.flatMap((entity) =>
    DATE_ATTRIBUTES.flatMap((attribute) =>
      checkable(entity, attribute).flatMap((claim) => {
        const date = dateOf(claim);
        const sourceDate = claim.sourceDate !== null && isIsoDate(claim.sourceDate) ? dateInterval(claim.sourceDate) : null;
        const limit =
          sourceDate !== null && sourceDate.end < today.end
            ? { date: sourceDate, what: `the date of its source (${claim.sourceDate})` }
            : null;
        const bound = limit ?? { date: today, what: `today (${ctx.input.today})` };
        if (date === null || daysAfter(bound.date, date) <= 0) return [];
        return [finding(claim, QualityRule.AFTER_SOURCE_DATE, `${attribute} ${String(claim.value)} is after ${bound.what}.`)];
      }),
    ),
  );
}

/** A knowledge cut-off after the release: a model cannot be trained on what came after it. */
export function cutoffAfterReleaseRule(ctx: RuleContext): Finding[] {
  return ctx.input.entities.flatMap((entity) => {
    const release = reference(entity, 'releaseDate', ctx.doubted);
    const released = dateOf(release);
    if (released === null) return [];
    return checkable(entity, 'knowledgeCutoff').flatMap((claim) => {
      const cutoff = dateOf(claim);
      if (cutoff === null || daysAfter(released, cutoff) <= 0) return [];
      return [
        finding(
          claim,
          QualityRule.CUTOFF_AFTER_RELEASE,
          `knowledge cut-off ${String(claim.value)} is after the release (${String(release?.value)}).`,
        ),
      ];
    });
  });
}

/** A model dated well before a model it derives from (WizardLM 70B before Llama 2-70B). */
export function beforeParentRule(ctx: RuleContext): Finding[] {
  // A base with thousands of derivatives is looked up once (the doubted claims do not change within a rule).
  const released = memo((id: string) => {
    const parent = ctx.byId.get(id);
    const claim = reference(parent, 'releaseDate', ctx.doubted);
    const date = dateOf(claim);
    return parent === undefined || date === null ? null : { parent, claim: claim!, date };
  });
  const found: Finding[] = [];
  for (const edge of ctx.input.lineage) {
    const child = ctx.byId.get(edge.from);
    const base = released(edge.to);
    if (child === undefined || base === null) continue;
    for (const claim of checkable(child, 'releaseDate')) {
      if (ctx.isDoubted(claim)) continue;
      const date = dateOf(claim);
      const gap = date === null ? 0 : daysAfter(date, base.date);
      if (gap <= ORDER_SLACK_DAYS) continue;
      found.push(
        finding(
          claim,
          QualityRule.BEFORE_PARENT,
          `released ${String(claim.value)}, ${span(gap)} before ${base.parent.name} (${String(base.claim.value)}), which it derives from.`,
        ),
      );
    }
  }
  return found;
}
