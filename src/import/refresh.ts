/**
 * Refresh: importing a newer snapshot of a catalogue the graph already holds. What the graph holds from
 * a catalogue is read from its claims: each entity's row (the citation's locator) and values in the
 * newest snapshot citing it. Against that, a plan's rows are added (no entity held), changed (values that
 * differ, by attribute), moved (the same entity under another row key, for catalogues whose keys are
 * stable) or gone (held, not in the snapshot). Applied (apply-import.ts): a gone row is marked withdrawn
 * in the new snapshot (a citation saying so, never a deletion), and every claim of an older snapshot whose
 * value the newest snapshot stating that attribute changed is superseded: kept, DEPRECATED, with the
 * newer snapshot's date as its reason (CatalogueRepository.supersedeOlder).
 */
import { type EntityType, KINDS, OfferingStatus, RELATIONS, RelationType } from '../domain/registry.js';
import type { HeldCitation, HeldEntity } from '../repositories/catalogue.repository.js';
import type { ImportPlan } from './plan-types.js';

export type { HeldCitation, HeldEntity };

/** How a withdrawal citation's note starts (refresh reads it back from the graph by it). */
export const WITHDRAWN_PREFIX = 'Withdrawn:';
export const withdrawnNote = (rowKey: string, snapshot: string): string =>
  `${WITHDRAWN_PREFIX} ${rowKey} is not in the snapshot of ${snapshot}`;
/** The status a withdrawn offering gets (a kind with a status that allows it). */
export const WITHDRAWN_STATUS = { attribute: 'status', value: OfferingStatus.WITHDRAWN } as const;

/** An entity's row in the newest snapshot citing it. */
export interface HeldRow {
  id: string;
  kind: EntityType;
  rowKey: string;
  snapshot: string;
  sourceId: string;
  values: Record<string, unknown>;
  withdrawn: boolean;
  /** Who makes or offers it (DEVELOPED_BY, OFFERED_BY), as the row's snapshot says. */
  makers: string[];
  /** What it depends on (SERVES, DERIVED_FROM, TRAINED_ON), as the row's snapshot says. */
  targets: string[];
}

/** Relationships whose targets a row's values include (what it serves or derives from), not who made it. */
export const DEPENDENCY_TYPES: RelationType[] = [
  RelationType.SERVES,
  ...(Object.keys(RELATIONS) as RelationType[]).filter((t) => RELATIONS[t].catalogue === 'dependency'),
];

/** Relationships naming who makes or offers a row's thing. */
export const MAKER_TYPES: RelationType[] = (Object.keys(RELATIONS) as RelationType[]).filter((t) => RELATIONS[t].catalogue === 'maker');

const newest = (citations: HeldCitation[]): HeldCitation =>
  citations.reduce((a, b) => (b.snapshot > a.snapshot || (b.snapshot === a.snapshot && b.sourceId > a.sourceId) ? b : a));

export function heldRows(entities: HeldEntity[]): HeldRow[] {
  return entities.flatMap((entity) => {
    if (entity.citations.length === 0) return [];
    const top = newest(entity.citations);
    const mine = entity.citations.filter((c) => c.sourceId === top.sourceId);
    const withdrawn = mine.some((c) => c.note?.startsWith(WITHDRAWN_PREFIX));
    const stated = mine.filter((c) => c.attribute !== null && !c.note?.startsWith(WITHDRAWN_PREFIX));
    const values = Object.fromEntries(stated.map((c) => [c.attribute!, JSON.parse(c.value ?? 'null') as unknown]));
    const linked = (types: RelationType[]) =>
      entity.links.filter((l) => types.includes(l.type) && l.sources.includes(top.sourceId)).map((l) => l.to);
    return [
      {
        id: entity.id,
        kind: entity.kind,
        rowKey: top.rowKey,
        snapshot: top.snapshot,
        sourceId: top.sourceId,
        values,
        withdrawn,
        makers: linked(MAKER_TYPES),
        targets: linked(DEPENDENCY_TYPES),
      },
    ];
  });
}

export interface ValueChange {
  attribute: string;
  from: unknown;
  to: unknown;
}

export interface RefreshDiff {
  /** This snapshot's date. */
  snapshot: string;
  /** What the graph held from the catalogue before: rows by snapshot date (withdrawn ones apart). */
  held: Record<string, number>;
  added: Array<{ rowKey: string; id: string; name: string }>;
  changed: Array<{ rowKey: string; id: string; values: ValueChange[] }>;
  moved: Array<{ id: string; from: string; to: string }>;
  gone: Array<{ rowKey: string; id: string; kind: EntityType; snapshot: string }>;
  unchanged: number;
  /** True when the graph holds a newer snapshot of the catalogue: nothing is superseded or withdrawn. */
  older: boolean;
}

const same = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return JSON.stringify(a) === JSON.stringify(b);
};

/** The values a plan states for one row's entity, by attribute, with its dependency targets as `dependsOn`. */
function plannedValues(plan: ImportPlan): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const of = (rowKey: string, id: string) => {
    const key = `${rowKey}|${id}`;
    if (!out.has(key)) out.set(key, {});
    return out.get(key)!;
  };
  // Only values the graph takes (a value outside the registry's rule is reported, never written).
  for (const claim of plan.claims)
    if (KINDS[claim.kind].properties[claim.attribute]?.value.safeParse(claim.value).success)
      of(claim.rowKey, claim.entityId)[claim.attribute] = claim.value;
  for (const rel of plan.relationships)
    if (DEPENDENCY_TYPES.includes(rel.type)) {
      const values = of(rel.rowKey, rel.from);
      values.dependsOn = [...((values.dependsOn as string[] | undefined) ?? []), rel.to];
    }
  return out;
}

/**
 * The diff of a plan against what the graph holds from its catalogue. `kinds` limits "gone" to the kinds
 * the snapshot's rows have (a default graph that takes only the models does not withdraw offerings).
 */
export function refreshDiff(plan: ImportPlan, held: HeldRow[], snapshot: string, stableKeys: boolean): RefreshDiff {
  const live = held.filter((h) => !h.withdrawn);
  const byId = new Map(live.map((h) => [h.id, h]));
  const planned = plannedValues(plan);
  const kinds = new Set(plan.rows.map((r) => r.kind));
  const seen = new Set(plan.rows.map((r) => r.id));
  const diff: RefreshDiff = { snapshot, held: {}, added: [], changed: [], moved: [], gone: [], unchanged: 0, older: false };
  for (const h of live) diff.held[h.snapshot] = (diff.held[h.snapshot] ?? 0) + 1;
  diff.older = live.some((h) => h.snapshot > snapshot);
  for (const row of plan.rows) {
    const before = byId.get(row.id);
    if (before === undefined) {
      diff.added.push({ rowKey: row.rowKey, id: row.id, name: row.name });
      continue;
    }
    if (stableKeys && before.rowKey !== row.rowKey) diff.moved.push({ id: row.id, from: before.rowKey, to: row.rowKey });
    const now = planned.get(`${row.rowKey}|${row.id}`) ?? {};
    const was: Record<string, unknown> = { ...before.values, ...(before.targets.length > 0 && { dependsOn: before.targets }) };
    const values = [...new Set([...Object.keys(was), ...Object.keys(now)])]
      .filter((attribute) => !same(was[attribute], now[attribute]))
      .sort()
      .map((attribute) => ({ attribute, from: was[attribute] ?? null, to: now[attribute] ?? null }));
    if (values.length > 0) diff.changed.push({ rowKey: row.rowKey, id: row.id, values });
    else if (!(stableKeys && before.rowKey !== row.rowKey)) diff.unchanged += 1;
  }
  for (const h of live)
    if (!seen.has(h.id) && kinds.has(h.kind) && h.snapshot < snapshot)
      diff.gone.push({ rowKey: h.rowKey, id: h.id, kind: h.kind, snapshot: h.snapshot });
  return diff;
}
