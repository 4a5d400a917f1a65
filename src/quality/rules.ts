/**
 * Plausibility rules: pure functions from the graph's claims to the claims that fail them, each with
 * the reason a reader is shown. They doubt a value; they never change or drop it (src/quality/pass.ts
 * marks the claim, and the attribute field stops showing it unless another claim is believed).
 */
import { RuleContext } from './context.js';
import { afterSourceDateRule, beforeParentRule, cutoffAfterReleaseRule } from './date-rules.js';
import type { Finding, QualityInput } from './facts.js';
import { hedgedWordsRule } from './hedge-rule.js';
import { sizeInNameRule, sizeVsParentRule } from './size-rules.js';
import { versionOrderRule } from './version-rule.js';

/** The rules in the order they run: a later rule compares with values the earlier ones left believed. */
export const RULES: Array<(ctx: RuleContext) => Finding[]> = [
  hedgedWordsRule,
  sizeInNameRule,
  sizeVsParentRule,
  afterSourceDateRule,
  versionOrderRule,
  beforeParentRule,
  cutoffAfterReleaseRule,
];

export function checkPlausibility(input: QualityInput): Finding[] {
  const ctx = new RuleContext(input);
  for (const rule of RULES) ctx.add(rule(ctx));
  return ctx.findings;
}
