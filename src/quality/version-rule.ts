import { type DayInterval, daysAfter } from '../domain/precision.js';
import { dateOf, ORDER_SLACK_DAYS, type RuleContext, span } from './context.js';
import { type ClaimFact, checkable, claimKey, type EntityFacts, type Finding, finding, QualityRule } from './facts.js';
import { versionInName } from './names.js';

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
