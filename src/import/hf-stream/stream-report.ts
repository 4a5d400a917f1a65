/**
 * The report of a streamed import, in the importer's shape (report.ts's ImportReport), summed chunk by
 * chunk: every count is whole, each list holds its first LISTED items (`listed` says so).
 */
import type { NotWritten } from '../apply.js';
import type { Ambiguity, Conflict, ImportPlan, Matched, Unresolved } from '../plan-types.js';
import type { Applied, ImportReport } from '../report.js';
import { CappedList, type HfIndex, HF_FORMAT, LISTED } from './index-pass.js';

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};
const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

export class StreamTotals {
  readonly matched = new CappedList<Matched>();
  matchedByDecision = 0;
  organizationsMatched = 0;
  readonly toCreate: Record<string, number> = {};
  readonly ambiguous = new CappedList<Ambiguity>();
  readonly relationships: Record<string, number> = {};
  readonly claims: Record<string, number> = {};
  aliasesAdded = 0;
  readonly conflicts = new CappedList<Conflict>();
  readonly unresolved = new CappedList<Unresolved>();
  readonly unresolvedByReason: Record<string, number> = {};
  readonly notWritten = new CappedList<NotWritten>();
  readonly notWrittenByReason: Record<string, number> = {};

  add(plan: ImportPlan, notWritten: NotWritten[]): void {
    for (const m of plan.matched) {
      this.matched.push(m);
      if (m.by === 'decision') this.matchedByDecision += 1;
    }
    this.organizationsMatched += plan.organizationsMatched.length;
    for (const e of plan.toCreate) bump(this.toCreate, e.kind);
    for (const a of plan.ambiguous) this.ambiguous.push(a);
    for (const r of plan.relationships) bump(this.relationships, r.kind ? `${r.type} ${r.kind}` : r.type);
    for (const c of plan.claims) bump(this.claims, c.attribute);
    this.aliasesAdded += plan.aliases.reduce((n, a) => n + a.aliases.length, 0);
    for (const c of plan.conflicts) this.conflicts.push(c);
    for (const u of plan.unresolved) {
      this.unresolved.push(u);
      bump(this.unresolvedByReason, u.reason);
    }
    for (const n of notWritten) {
      this.notWritten.push(n);
      bump(this.notWrittenByReason, n.reason);
    }
  }
}

export interface StreamedReport extends ImportReport {
  /** Lists hold at most this many items; the counts beside them are whole. */
  listed: number;
  /** How the rows were written (src/bulk-load's choice) and why. */
  writtenBy: { path: string; reason: string };
  /** Wall seconds of each step. */
  phases: Array<{ phase: string; s: number }>;
}

export function streamReport(
  index: HfIndex,
  totals: StreamTotals,
  meta: { path: string; elapsedMs: number; applied: Applied; writtenBy: StreamedReport['writtenBy']; phases: StreamedReport['phases'] },
): StreamedReport {
  const { applied } = meta;
  const ambiguous = [...index.ambiguous.items, ...totals.ambiguous.items].slice(0, LISTED);
  return {
    format: HF_FORMAT,
    path: meta.path,
    applied: true,
    source: applied.source,
    superseded: applied.superseded,
    notWritten: { count: totals.notWritten.count, byReason: sorted(totals.notWrittenByReason), items: totals.notWritten.items },
    counts: { before: applied.before, after: applied.after },
    quality: {
      flaggedFromThisSource: applied.quality.bySource[applied.source] ?? 0,
      flaggedInGraph: applied.quality.flagged,
      byRule: applied.quality.byRule,
      accepted: applied.quality.accepted,
    },
    elapsedMs: meta.elapsedMs,
    rows: { read: index.rowsRead, parsed: index.parsed, skipped: index.skipped.count },
    entities: {
      matched: totals.matched.count,
      matchedByDecision: totals.matchedByDecision,
      organizationsMatched: totals.organizationsMatched,
      toCreate: sorted(totals.toCreate),
      ambiguous: index.ambiguous.count + totals.ambiguous.count,
    },
    relationships: sorted(totals.relationships),
    claims: sorted(totals.claims),
    matches: totals.matched.items,
    aliasesAdded: totals.aliasesAdded,
    conflicts: totals.conflicts.items,
    ambiguous,
    review: [],
    unresolved: { count: totals.unresolved.count, byReason: sorted(totals.unresolvedByReason), items: totals.unresolved.items },
    results: { planned: 0, selfReported: 0, withSourceUrl: 0, benchmarks: 0, notPlaced: { count: 0, byReason: {}, items: [] } },
    skipped: index.skipped.items,
    warnings: index.warnings,
    listed: LISTED,
    writtenBy: meta.writtenBy,
    phases: meta.phases,
  };
}
