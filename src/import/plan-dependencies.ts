/**
 * Pass 2: dependencies, now that every record of the catalogue has its entity. A dependency names
 * its target by name only, so only a name or non-generic alias of one entity resolves it; a target
 * whose kind is named by identity (a training dataset) is created when no row describes it, any
 * other is reported unresolved, not invented.
 */
import { RELATIONS } from '../domain/registry.js';
import type { Resolution } from '../resolve/resolver.js';
import { NAMED_BY_IDENTITY } from '../resolve/score.js';
import type { PlanContext } from './plan-context.js';
import type { Dependency } from './records.js';
import { relationshipFor, targetKinds } from './typing.js';

type Resolved = PlanContext['resolved'][number];

export function planDependencies(context: PlanContext): void {
  const byRow = new Map(context.resolved.map((r) => [r.record.rowKey, r]));
  const byId = new Map(context.resolved.map((r) => [r.id, r]));
  for (const { record, id, kind } of context.resolved)
    for (const dependency of record.dependencies) planDependency(context, { record, id, kind }, dependency, byRow, byId);
}

function planDependency(
  context: PlanContext,
  { record, id, kind }: Pick<Resolved, 'record' | 'id' | 'kind'>,
  dependency: Dependency,
  byRow: Map<string, Resolved>,
  byId: Map<string, Resolved>,
): void {
  const { resolver, plan } = context;
  const unresolved = (reason: string) =>
    plan.unresolved.push({ rowKey: record.rowKey, name: dependency.name, relation: relationName(dependency), reason });
  const row = dependency.rowKey === undefined ? undefined : byRow.get(dependency.rowKey);
  let target: Resolution = row
    ? { status: resolver.newEntities.has(row.id) ? 'new' : 'matched', id: row.id, by: 'name', evidence: [] }
    : resolver.resolveReference(dependency.name, dependency.aliases, targetKinds(dependency));
  const end = dependency.type === undefined ? undefined : RELATIONS[dependency.type].to;
  if (target.status === 'unresolved' && end !== undefined && NAMED_BY_IDENTITY.has(end))
    target = resolver.create({
      kind: end,
      name: dependency.name,
      aliases: dependency.aliases,
      developers: [],
      values: {},
      rowKey: record.rowKey,
    });
  if (target.status === 'ambiguous') {
    plan.ambiguous.push({ rowKey: record.rowKey, name: dependency.name, role: 'dependency', candidates: target.candidates });
    return;
  }
  if (target.status === 'unresolved') return void unresolved('names no entity in the graph or the catalogue');
  if (target.id === id) return void unresolved('names the row itself');
  const apart = yearsApart(
    dependency.values?.releaseDate,
    context.values.get(target.id)?.releaseDate ?? byId.get(target.id)?.record.attributes.releaseDate,
  );
  if (apart !== undefined && apart >= 2) return void unresolved(`names ${target.id}, whose release is ${apart} years from the row's`);
  if (target.status === 'matched') context.mention(target.id, record.rowKey);
  const typed = relationshipFor(dependency, kind, resolver.kindOf(target.id)!);
  if ('reason' in typed) unresolved(typed.reason);
  else context.relate({ from: id, ...typed, to: target.id, rowKey: record.rowKey });
}

/** Years between two ISO dates of any precision, when both are given. */
function yearsApart(a: unknown, b: unknown): number | undefined {
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  return Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4)));
}

/** How the report names a dependency's relation: its lineage kind, its relationship type, or UNTYPED. */
const relationName = (dependency: Dependency): string => dependency.lineage ?? dependency.type ?? 'UNTYPED';
