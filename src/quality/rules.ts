/**
 * Plausibility rules: pure functions from the graph's claims to the claims that fail them, each with
 * the reason a reader is shown. They doubt a value; they never change or drop it (src/quality/pass.ts
 * marks the claim, and the attribute field stops showing it unless another claim is believed).
 */
import { type DayInterval, daysAfter, dateInterval, isIsoDate } from '../domain/precision.js';
import { EntityType, LineageKind } from '../domain/registry.js';
import {
  type ClaimFact,
  checkable,
  claimKey,
  type EntityFacts,
  type Finding,
  finding,
  formatCount,
  type QualityInput,
  QualityRule,
  reference,
} from './facts.js';
import { sizeInName, versionInName } from './names.js';

/** A count this many times away from the size in the name is doubted (SparseOPT-175B, pruned to half, is not). */
export const NAME_SIZE_FACTOR = 3;
/** A fine-tune, adapter or quantization keeps its parent's weights: this many times away is a unit slip or a wrong parent. */
export const PARENT_SIZE_FACTOR = 20;
/** Release dates differ by what they count (paper, weights, blog post): a month of slack before calling an order wrong. */
export const ORDER_SLACK_DAYS = 30;

const SAME_SIZE_LINEAGE = new Set<string>([LineageKind.FINE_TUNE, LineageKind.ADAPTER, LineageKind.QUANTIZED]);
const DATE_ATTRIBUTES = ['releaseDate', 'knowledgeCutoff'];

/** Facts the rules share: entities by id and the claims earlier rules already doubt. */
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

const dateOf = (claim: ClaimFact | undefined): DayInterval | null =>
  claim !== undefined && isIsoDate(claim.value) ? dateInterval(claim.value) : null;

function span(days: number): string {
  if (days < 60) return `${Math.round(days)} days`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${Math.round(days / 365.25)} years`;
}

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

/** A parameter count far from the size the model's name gives (Llama 2-7B with 70B). */
export function sizeInNameRule(ctx: RuleContext): Finding[] {
  return ctx.models().flatMap((model) => {
    const named = sizeInName(model.name);
    if (named === null) return [];
    return checkable(model, 'parameters').flatMap((claim) => {
      const count = claim.value as number;
      const factor = count < named.low ? named.low / count : count / named.high;
      return factor >= NAME_SIZE_FACTOR
        ? [
            finding(
              claim,
              QualityRule.SIZE_IN_NAME,
              `${formatCount(count)} parameters, ${Math.round(factor)}× ${count < named.low ? 'below' : 'above'} the ${named.text} in the name "${model.name}".`,
            ),
          ]
        : [];
    });
  });
}

/** A fine-tune (adapter, quantization) whose count is far from every parent's: a unit slip (Swallow at 70M from Llama 2-70B). */
export function sizeVsParentRule(ctx: RuleContext): Finding[] {
  const parentsOf = new Map<string, string[]>();
  for (const edge of ctx.input.lineage)
    if (edge.kind !== null && SAME_SIZE_LINEAGE.has(edge.kind)) parentsOf.set(edge.from, [...(parentsOf.get(edge.from) ?? []), edge.to]);
  return [...parentsOf].flatMap(([childId, parentIds]) => {
    const parents = parentIds
      .map((id) => ({ id, name: ctx.byId.get(id)?.name ?? id, claim: reference(ctx.byId.get(id), 'parameters', ctx.doubted) }))
      .filter((p): p is typeof p & { claim: ClaimFact } => p.claim !== undefined);
    const child = ctx.byId.get(childId);
    if (parents.length === 0 || child === undefined) return [];
    return checkable(child, 'parameters')
      .filter((claim) => !ctx.doubted.has(claimKey(claim)))
      .flatMap((claim) => {
        const ratios = parents.map((p) => ratio(claim.value as number, p.claim.value as number));
        if (ratios.some((r) => r < PARENT_SIZE_FACTOR)) return [];
        const parent = parents[0]!;
        return [
          finding(
            claim,
            QualityRule.SIZE_VS_PARENT,
            `${formatCount(claim.value as number)} parameters, ${Math.round(ratios[0]!)}× away from the ${formatCount(parent.claim.value as number)} of ${parent.name}, whose weights it is made from.`,
          ),
        ];
      });
  });
}

const ratio = (a: number, b: number): number => Math.max(a, b) / Math.min(a, b);

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

interface Versioned {
  model: EntityFacts;
  version: number;
}

/**
 * A later version of a developer's line dated well before the first release of an earlier one
 * (o3-mini dated 2024-01, eight months before the first o1). When several versions disagree with one,
 * that one is doubted (a single wrong date would otherwise doubt every later version).
 */
export function versionOrderRule(ctx: RuleContext): Finding[] {
  const lines = new Map<string, Versioned[]>();
  // "GPT-2 (AMPS)", "GPT2-Large+LHOPT": a study of another lab's model, not a release of a line.
  for (const model of ctx.models().filter((m) => !/[(+]/.test(m.name))) {
    const named = versionInName(model.name);
    if (named === null) continue;
    for (const developer of model.developers) {
      const key = `${developer}\u0000${named.line}`;
      lines.set(key, [...(lines.get(key) ?? []), { model, version: named.version }]);
    }
  }
  const found: Finding[] = [];
  for (const members of lines.values())
    for (const f of lineInversions(ctx, members)) if (!found.some((x) => claimKey(x) === claimKey(f))) found.push(f);
  return found;
}

function lineInversions(ctx: RuleContext, members: Versioned[]): Finding[] {
  const found: Finding[] = [];
  const doubted = (c: ClaimFact) => ctx.doubted.has(claimKey(c)) || found.some((f) => claimKey(f) === claimKey(c));
  for (;;) {
    const first = firstReleases(members, doubted);
    const pairs = inversions(first);
    if (pairs.length === 0) return found;
    const involvement = new Map<number, number>();
    for (const [later, earlier] of pairs) for (const v of [later, earlier]) involvement.set(v, (involvement.get(v) ?? 0) + 1);
    const [culprit] = [...involvement].sort(([va, na], [vb, nb]) => nb - na || vb - va)[0]!;
    const [later, earlier] = pairs.find(([l, e]) => l === culprit || e === culprit)!;
    const mine = first.get(culprit)!;
    const theirs = first.get(culprit === later ? earlier : later)!;
    const gap = Math.max(daysAfter(mine.date, theirs.date), daysAfter(theirs.date, mine.date));
    const [direction, version] = culprit === later ? ['before', 'an earlier'] : ['after', 'a later'];
    found.push(
      finding(
        mine.claim,
        QualityRule.VERSION_ORDER,
        `released ${String(mine.claim.value)}, ${span(gap)} ${direction} ${theirs.model.name} (${String(theirs.claim.value)}), ${version} version of the same line by the same developer.`,
      ),
    );
  }
}

type First = Map<number, { model: EntityFacts; claim: ClaimFact; date: DayInterval }>;

/** Each version's first release among its models' checkable dates. */
function firstReleases(members: Versioned[], doubted: (c: ClaimFact) => boolean): First {
  const first: First = new Map();
  for (const { model, version } of members)
    for (const claim of checkable(model, 'releaseDate').filter((c) => !doubted(c))) {
      const date = dateOf(claim);
      const held = first.get(version);
      if (date !== null && (held === undefined || date.start < held.date.start)) first.set(version, { model, claim, date });
    }
  return first;
}

/** Pairs [later version, earlier version] where the later one's first release ends well before the earlier one's begins. */
function inversions(first: First): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [later, a] of first)
    for (const [earlier, b] of first) if (later > earlier && daysAfter(a.date, b.date) > ORDER_SLACK_DAYS) out.push([later, earlier]);
  return out;
}

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
