/** The import report: one JSON object (--json) or text for a person, from the same summary. */
import type { QualitySummary } from '../quality/pass.js';
import type { NotWritten } from './apply.js';
import type { ImportPlan } from './plan.js';

const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};

export interface ImportReport {
  format: string;
  path: string;
  applied: boolean;
  elapsedMs: number;
  /** With --apply: the snapshot's Source, planned facts not written and why, node/relationship counts around the write. */
  source?: string;
  notWritten?: { count: number; byReason: Record<string, number>; items: NotWritten[] };
  counts?: { before: Counts; after: Counts };
  /** With --apply: values the plausibility rules doubt after the write (src/quality), this snapshot's and the graph's. */
  quality?: { flaggedFromThisSource: number; flaggedInGraph: number; byRule: Record<string, number>; accepted: number };
  rows: { read: number; parsed: number; skipped: number };
  entities: {
    matched: number;
    matchedByDecision: number;
    organizationsMatched: number;
    toCreate: Record<string, number>;
    ambiguous: number;
  };
  relationships: Record<string, number>;
  claims: Record<string, number>;
  /** Each match with what it rests on. */
  matches: ImportPlan['matched'];
  aliasesAdded: number;
  conflicts: ImportPlan['conflicts'];
  ambiguous: ImportPlan['ambiguous'];
  review: ImportPlan['review'];
  unresolved: { count: number; byReason: Record<string, number>; items: ImportPlan['unresolved'] };
  skipped: ImportPlan['skipped'];
  warnings: ImportPlan['warnings'];
}

export type Counts = { nodes: Record<string, number>; relationships: Record<string, number> };

export interface Applied {
  source: string;
  notWritten: NotWritten[];
  before: Counts;
  after: Counts;
  quality: QualitySummary;
}

export function summarise(plan: ImportPlan, path: string, elapsedMs: number, applied?: Applied): ImportReport {
  return {
    format: plan.format,
    path,
    applied: applied !== undefined,
    ...(applied && {
      source: applied.source,
      notWritten: {
        count: applied.notWritten.length,
        byReason: countBy(applied.notWritten, (n) => n.reason),
        items: applied.notWritten,
      },
      counts: { before: applied.before, after: applied.after },
      quality: {
        flaggedFromThisSource: applied.quality.bySource[applied.source] ?? 0,
        flaggedInGraph: applied.quality.flagged,
        byRule: applied.quality.byRule,
        accepted: applied.quality.accepted,
      },
    }),
    elapsedMs,
    rows: { read: plan.rowsRead, parsed: plan.recordsParsed, skipped: plan.skipped.length },
    entities: {
      matched: plan.matched.length,
      matchedByDecision: plan.matched.filter((m) => m.by === 'decision').length,
      organizationsMatched: plan.organizationsMatched.length,
      toCreate: countBy(plan.toCreate, (e) => e.kind),
      ambiguous: plan.ambiguous.length,
    },
    relationships: countBy(plan.relationships, (r) => (r.kind ? `${r.type} ${r.kind}` : r.type)),
    claims: countBy(plan.claims, (c) => c.attribute),
    matches: plan.matched,
    aliasesAdded: plan.aliases.reduce((n, a) => n + a.aliases.length, 0),
    conflicts: plan.conflicts,
    ambiguous: plan.ambiguous,
    review: plan.review,
    unresolved: { count: plan.unresolved.length, byReason: countBy(plan.unresolved, (u) => u.reason), items: plan.unresolved },
    skipped: plan.skipped,
    warnings: plan.warnings,
  };
}

const lines = (title: string, counts: Record<string, number>) =>
  Object.keys(counts).length === 0 ? [`${title}: none`] : [`${title}:`, ...Object.entries(counts).map(([k, n]) => `  ${k}: ${n}`)];

const countLines = (title: string, before: Record<string, number>, after: Record<string, number>) => [
  `${title}:`,
  ...Object.keys(after).map((k) => `  ${k}: ${before[k] ?? 0} -> ${after[k]}`),
];

export function renderText(report: ImportReport): string {
  const out = [
    report.applied
      ? `Import of ${report.format} ${report.path} applied as source ${report.source} (${(report.elapsedMs / 1000).toFixed(1)} s)`
      : `Import plan for ${report.format} ${report.path} (dry run: nothing written; ${(report.elapsedMs / 1000).toFixed(1)} s)`,
    `Rows: ${report.rows.read} read, ${report.rows.parsed} parsed, ${report.rows.skipped} skipped`,
    `Entities: ${report.entities.matched} rows matched existing entities (${report.entities.matchedByDecision} through decisions), ` +
      `${report.entities.organizationsMatched} existing organizations named, ${report.entities.ambiguous} names ambiguous`,
    ...lines('To create', report.entities.toCreate),
    ...lines('Relationships to create', report.relationships),
    ...lines('Claims to add', report.claims),
    `Conflicts with values the graph holds: ${report.conflicts.length}`,
    ...report.conflicts.map((c) => `  ${c.entityId}.${c.attribute}: graph ${c.graphValue}, catalogue ${c.catalogueValue} (${c.rowKey})`),
    ...report.matches.map((m) => `  ${m.rowKey} "${m.name}" = ${m.id} (${m.by}: ${m.evidence.join('; ')})`),
    `Aliases added to matched entities: ${report.aliasesAdded}`,
    `Ambiguous names (not merged; record a decision in seed/resolution.json): ${report.ambiguous.length}`,
    ...report.ambiguous.map((a) => `  ${a.rowKey}: ${a.role} "${a.name}" could be ${a.candidates.join(', ')}`),
    `Review queue (each row became its own entity; record "same" or "distinct" in seed/resolution.json): ${report.review.length}`,
    ...report.review.map((r) => `  ${r.rowKey}: "${r.name}" (${r.id}) ~ ${r.candidate}, score ${r.weight}: ${r.evidence.join('; ')}`),
    `Unresolved dependencies (not invented): ${report.unresolved.count}`,
    ...Object.entries(report.unresolved.byReason).map(([reason, n]) => `  ${n} ${reason}`),
    ...report.unresolved.items.map((u) => `  ${u.rowKey}: ${u.relation} "${u.name}": ${u.reason}`),
    `Skipped rows: ${report.skipped.length}`,
    ...report.skipped.map((s) => `  ${s.rowKey} (${s.kind}): ${s.reason}`),
    `Warnings: ${report.warnings.length}`,
    ...report.warnings.map((w) => `  ${w.rowKey} (${w.kind}): ${w.reason}`),
    ...(report.notWritten
      ? [
          `Planned but not written: ${report.notWritten.count}`,
          ...Object.entries(report.notWritten.byReason).map(([reason, n]) => `  ${n} ${reason}`),
        ]
      : []),
    ...(report.quality
      ? [
          `Implausible values (kept as claims, not shown as facts; the dataQuality query lists them): ${report.quality.flaggedFromThisSource} from this snapshot, ${report.quality.flaggedInGraph} in the graph, ${report.quality.accepted} accepted by a curator`,
          ...Object.entries(report.quality.byRule).map(([rule, n]) => `  ${rule}: ${n}`),
        ]
      : []),
    ...(report.counts
      ? [
          ...countLines('Nodes (before -> after)', report.counts.before.nodes, report.counts.after.nodes),
          ...countLines('Relationships (before -> after)', report.counts.before.relationships, report.counts.after.relationships),
        ]
      : []),
  ];
  return `${out.join('\n')}\n`;
}
