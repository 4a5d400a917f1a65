/**
 * Pass 2: dependencies, now that every record of the catalogue has its entity. A dependency names
 * its target by name only, so only a name or non-generic alias of one entity resolves it; a target
 * whose kind is named by identity (a training dataset) is created when no row describes it, any
 * other is reported unresolved, not invented.
 */
import { type EntityType, RELATIONS } from '../domain/registry.js';
import { NAMED_BY_IDENTITY } from '../resolve/score.js';
import type { PlanContext } from './plan-context.js';
import type { CatalogueRecord, Dependency } from './records.js';
import { relationshipFor, targetKinds } from './typing.js';

export function planDependencies(context: PlanContext): void {
  for (const { record, id, kind } of context.resolved)
    for (const dependency of record.dependencies) planDependency(context, record, id, kind, dependency);
}

function planDependency(context: PlanContext, record: CatalogueRecord, id: string, kind: EntityType, dependency: Dependency): void {
  const { resolver, plan } = context;
  const unresolved = (reason: string) =>
    plan.unresolved.push({ rowKey: record.rowKey, name: dependency.name, relation: relationName(dependency), reason });
  let target = resolver.resolveReference(dependency.name, dependency.aliases, targetKinds(dependency));
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
  if (target.status === 'matched') context.mention(target.id, record.rowKey);
  const typed = relationshipFor(dependency, kind, resolver.kindOf(target.id)!);
  if ('reason' in typed) unresolved(typed.reason);
  else context.relate({ from: id, ...typed, to: target.id, rowKey: record.rowKey });
}

/** How the report names a dependency's relation: its lineage kind, its relationship type, or UNTYPED. */
const relationName = (dependency: Dependency): string => dependency.lineage ?? dependency.type ?? 'UNTYPED';
