/**
 * What a catalogue's words become in the graph, read from the registry (RelationSpec.catalogue):
 * the organizations of a row, its dependencies and its family.
 */
import {
  catalogueRelation,
  type EntityType,
  fromKinds,
  LineageKind,
  RELATION_TYPES,
  RELATIONS,
  type RelationType,
} from '../domain/registry.js';
import type { Dependency } from './records.js';

export interface Typed {
  type: RelationType;
  /** Lineage kind, where the relationship has one. */
  kind?: LineageKind;
  basis: string;
}

/** The relationship from an entity of this kind to the organizations its row names (DEVELOPED_BY, OFFERED_BY), if any. */
export const makerRelation = (kind: EntityType): RelationType | undefined => catalogueRelation('maker', kind);

/**
 * The kinds a dependency may name: the end of the relationship the catalogue states, or, untyped, the
 * end of any dependency relationship (a kind without one is then reported as such, not as unknown).
 */
export function targetKinds(dependency: Dependency): EntityType[] {
  if (dependency.type !== undefined) return [RELATIONS[dependency.type].to];
  return [...new Set(RELATION_TYPES.filter((t) => RELATIONS[t].catalogue === 'dependency').map((t) => RELATIONS[t].to))];
}

/**
 * The graph relationship a dependency becomes, or why it becomes none: the one the catalogue states,
 * with its lineage kind (VARIANT, "derived, manner not stated", when it states none); an untyped
 * dependency becomes the registry's dependency relationship between the kinds at both ends (model ->
 * model lineage VARIANT, model -> dataset TRAINED_ON, product -> model POWERED_BY); other pairs are
 * not imported.
 */
export function relationshipFor(dependency: Dependency, fromKind: EntityType, toKind: EntityType): Typed | { reason: string } {
  const type = dependency.type ?? catalogueRelation('dependency', fromKind, toKind);
  const fits = type !== undefined && fromKinds(type).includes(fromKind) && RELATIONS[type].to === toKind;
  if (!fits) return { reason: `a ${fromKind.toLowerCase()} depending on a ${toKind.toLowerCase()} has no relationship type yet` };
  const kind = RELATIONS[type].kind ? (dependency.lineage ?? LineageKind.VARIANT) : undefined;
  const basis = dependency.type === undefined ? `dependency ${fromKind.toLowerCase()} -> ${toKind.toLowerCase()}` : dependency.basis;
  return { type, ...(kind && { kind }), basis };
}
