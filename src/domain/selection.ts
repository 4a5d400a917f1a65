import type { EntityType } from './graph-model.js';

/**
 * What a request wants of an entity beyond its own properties: provenance and relationship
 * fields, nested. The GraphQL layer derives it from the query; repositories compile it into one
 * Cypher projection, so a nested query costs one round trip.
 */
export interface EntitySelection {
  /** Node properties the request reads (id is always included). */
  fields: Set<string>;
  sources: boolean;
  claims: boolean;
  /** Claims of attributes the node shows no value for (hedged or implausible ones). */
  withheld: boolean;
  /** The stored graph measures (`influence`). */
  influence: boolean;
  relations: Map<string, RelationSelection>;
}

export interface RelationSelection {
  target: Selection;
  /** For lineage links: whether the relationship's citations are wanted. */
  citations: boolean;
}

/** Per concrete kind, since a field typed as the Entity interface may hold any of them. */
export type Selection = Partial<Record<EntityType, EntitySelection>>;

export const emptyEntitySelection = (): EntitySelection => ({
  fields: new Set(['id']),
  sources: false,
  claims: false,
  withheld: false,
  influence: false,
  relations: new Map(),
});

/** One selection asking for everything either asks for (e.g. lineage's `model` and `via`). */
export function mergeSelections(a: Selection, b: Selection): Selection {
  const out: Selection = { ...a };
  for (const [type, right] of Object.entries(b) as Array<[EntityType, EntitySelection]>) {
    const left = out[type];
    out[type] = left
      ? {
          fields: new Set([...left.fields, ...right.fields]),
          sources: left.sources || right.sources,
          claims: left.claims || right.claims,
          withheld: left.withheld || right.withheld,
          influence: left.influence || right.influence,
          relations: new Map([...left.relations, ...right.relations]),
        }
      : right;
  }
  return out;
}
