import { type Finding, finding, QualityRule } from './facts.js';
import type { RuleContext } from './context.js';

/**
 * Words with which a source hedges its own value: a leak, a rumour, a guess ("the parameter count was
 * leaked to CNBC", "[Speculative]", "I assume the same as Qwen 14B", 猜测). A calculation from a paper's
 * architecture ("approximately", "assuming tied embeddings") is not a hedge.
 */
const HEDGE =
  /\b(?:leak(?:ed|s)?|rumou?r(?:ed|s)?|reportedly|speculat\w*|unconfirmed|unverified|unsure|guess(?:ed|es|ing)?|I assume)\b|猜测|据传|传言|据说|泄露/i;

/** A value whose own citation hedges it, where the claim is not marked hedged (a catalogue's note says "leaked"). */
export function hedgedWordsRule(ctx: RuleContext): Finding[] {
  return ctx.input.entities.flatMap((entity) =>
    entity.claims
      .filter((claim) => claim.rank !== 'DEPRECATED' && !claim.hedged && claim.quote !== null)
      .flatMap((claim) => {
        const match = HEDGE.exec(claim.quote as string);
        return match === null
          ? []
          : [finding(claim, QualityRule.HEDGED_WORDS, `its source hedges it: "${excerpt(claim.quote as string, match.index)}".`)];
      }),
  );
}

/** Up to 60 characters of `text` around `at`, on one line. */
function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 30);
  const piece = text
    .slice(start, start + 60)
    .replace(/\s+/g, ' ')
    .trim();
  return `${start > 0 ? '…' : ''}${piece}${start + 60 < text.length ? '…' : ''}`;
}
