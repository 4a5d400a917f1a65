/**
 * Pass 5 (a refresh of a catalogue with stable keys): a row that moved. A new row and a row the graph
 * holds that this snapshot lacks, of one kind, with the same makers and the same dependency targets (one
 * provider's offering of one model, "Qwen3-235B-A22B-Thinking-2507" now under "…-TEE"), are one thing
 * under a new key when neither has another such partner: the new row is the held entity, so it stays one
 * node. A pair the evidence does not single out stays a new row and a gone one.
 */
import type { PlanContext } from './plan-context.js';
import { DEPENDENCY_TYPES, type HeldRow } from './refresh.js';

const signature = (kind: string, makers: string[], targets: string[]): string =>
  `${kind}|${[...new Set(makers)].sort().join(',')}|${[...new Set(targets)].sort().join(',')}`;

export function planMoves(context: PlanContext, held: HeldRow[]): void {
  if (context.parsed.stableKeys !== true || held.length === 0) return;
  const keys = new Set(context.resolved.map((r) => r.record.rowKey));
  const ids = new Set(context.resolved.map((r) => r.id));
  const group = <T>(items: Array<[string, T]>) => {
    const out = new Map<string, T[]>();
    for (const [key, item] of items) out.set(key, [...(out.get(key) ?? []), item]);
    return out;
  };
  const gone = group(
    held
      .filter((h) => !h.withdrawn && h.targets.length > 0 && !ids.has(h.id) && !keys.has(h.rowKey))
      .map((h) => [signature(h.kind, h.makers, h.targets), h] as [string, HeldRow]),
  );
  const targetsOf = (id: string) =>
    context.plan.relationships.filter((r) => r.from === id && DEPENDENCY_TYPES.includes(r.type)).map((r) => r.to);
  const fresh = group(
    context.resolved
      .filter((r) => context.resolver.newEntities.has(r.id) && targetsOf(r.id).length > 0)
      .map((r) => [signature(r.kind, r.developers, targetsOf(r.id)), r] as [string, (typeof context.resolved)[number]]),
  );
  for (const [key, [row, ...others]] of fresh) {
    const [before, ...rivals] = gone.get(key) ?? [];
    if (row === undefined || before === undefined || others.length > 0 || rivals.length > 0) continue;
    context.merge(row.id, before.id, `moved from ${before.rowKey}: the same maker and ${targetsOf(row.id).join(', ')}`);
  }
}
