import { daysAfter, dateInterval, isIsoDate } from '../domain/precision.js';
import { dateOf, ORDER_SLACK_DAYS, type RuleContext, span } from './context.js';
import { checkable, claimKey, type Finding, finding, QualityRule, reference } from './facts.js';

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
  return ctx.input.lineage.flatMap((edge) => {
    const [child, parent] = [ctx.byId.get(edge.from), ctx.byId.get(edge.to)];
    const parentClaim = reference(parent, 'releaseDate', ctx.doubted);
    const parentDate = dateOf(parentClaim);
    if (child === undefined || parent === undefined || parentDate === null) return [];
    return checkable(child, 'releaseDate')
      .filter((claim) => !ctx.doubted.has(claimKey(claim)))
      .flatMap((claim) => {
        const date = dateOf(claim);
        const gap = date === null ? 0 : daysAfter(date, parentDate);
        if (gap <= ORDER_SLACK_DAYS) return [];
        return [
          finding(
            claim,
            QualityRule.BEFORE_PARENT,
            `released ${String(claim.value)}, ${span(gap)} before ${parent.name} (${String(parentClaim?.value)}), which it derives from.`,
          ),
        ];
      });
  });
}
