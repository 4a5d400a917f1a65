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
      const members = lines.get(key);
      if (members) members.push({ model, version: named.version });
      else lines.set(key, [{ model, version: named.version }]);
    }
  }
  // A prolific hub author's line holds thousands of models: keyed sets, never a scan of what was found.
  const found = new Map<string, Finding>();
  for (const members of lines.values())
    for (const f of lineInversions(ctx, members)) if (!found.has(claimKey(f))) found.set(claimKey(f), f);
  return [...found.values()];
}

/** A dated claim of one version's model; `member` is the model's place in the line (the order versions are met in). */
interface Dated {
  model: EntityFacts;
  member: number;
  claim: ClaimFact;
  date: DayInterval;
}

/**
 * One version's dated claims, earliest first (ties in the line's order). Only a version's first release
 * is ever doubted, so the doubted claims are a prefix: `next` skips it, and the first release, its
 * support and the version's place are read from there without a scan of the line.
 */
class VersionDates {
  next = 0;
  /** The smallest member index from each position on: where the version is first met among what is left. */
  private readonly firstMember: number[];
  private readonly oneClaimEach: boolean;

  constructor(private readonly dated: Dated[]) {
    this.firstMember = new Array<number>(dated.length);
    for (let i = dated.length - 1, least = Number.POSITIVE_INFINITY; i >= 0; i--)
      this.firstMember[i] = least = Math.min(least, dated[i]!.member);
    this.oneClaimEach = new Set(dated.map((d) => d.model.id)).size === dated.length;
  }

  get first(): Dated | undefined {
    return this.dated[this.next];
  }

  get place(): number {
    return this.firstMember[this.next]!;
  }

  /** Models of the version with a date within the slack of its first release (at least 1). */
  support(): number {
    const limit = this.first!.date.end + ORDER_SLACK_DAYS;
    // The dates are sorted by start: the first one past the limit ends the window.
    let [low, high] = [this.next, this.dated.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.dated[middle]!.date.start <= limit) low = middle + 1;
      else high = middle;
    }
    const window = this.dated.slice(this.next, low);
    return Math.max(1, this.oneClaimEach ? window.length : new Set(window.map((d) => d.model.id)).size);
  }
}

function lineInversions(ctx: RuleContext, members: Versioned[]): Finding[] {
  const byVersion = new Map<number, Dated[]>();
  members.forEach(({ model, version }, member) => {
    for (const claim of checkable(model, 'releaseDate')) {
      const date = dateOf(claim);
      if (date === null || ctx.isDoubted(claim)) continue;
      const list = byVersion.get(version) ?? [];
      list.push({ model, member, claim, date });
      byVersion.set(version, list);
    }
  });
  const versions = new Map(
    [...byVersion].map(([version, dated]) => [version, new VersionDates(dated.sort((a, b) => a.date.start - b.date.start))]),
  );
  const found: Finding[] = [];
  for (;;) {
    const first = new Map(
      [...versions]
        .filter(([, dates]) => dates.first !== undefined)
        .sort((a, b) => a[1].place - b[1].place)
        .map(([version, dates]) => [version, dates.first!]),
    );
    const pairs = inversions(first);
    if (pairs.length === 0) return found;
    // The version in the most inversions, per model of its own whose date agrees with its first release:
    // two later versions each dated by one stray row do not outvote an earlier version several rows date.
    const involvement = new Map<number, number>();
    for (const [later, earlier] of pairs) for (const v of [later, earlier]) involvement.set(v, (involvement.get(v) ?? 0) + 1);
    const blame = new Map([...involvement].map(([version, n]) => [version, n / versions.get(version)!.support()]));
    const [culprit] = [...involvement].sort((a, b) => blame.get(b[0])! - blame.get(a[0])! || b[0] - a[0])[0]!;
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
    versions.get(culprit)!.next += 1;
  }
}

/** Pairs [later version, earlier version] where the later one's first release ends well before the earlier one's begins. */
function inversions(first: Map<number, Dated>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [later, a] of first)
    for (const [earlier, b] of first) if (later > earlier && daysAfter(a.date, b.date) > ORDER_SLACK_DAYS) out.push([later, earlier]);
  return out;
}
