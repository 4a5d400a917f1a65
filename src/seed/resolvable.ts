/** Graph rows as the resolution stage sees them (src/resolve): names, owners and shown values of every entity. */
import { claimableOf, ENTITY_TYPES, RELATION_TYPES, RELATIONS, RelationType } from '../domain/registry.js';
import type { ComparableValues, ResolvableEntity } from '../resolve/entity.js';
import type { GraphRows } from './graph-rows.js';

/** Relationships that say who an entity belongs to: its makers, and an organization's parents. */
export const OWNER_RELATIONS = RELATION_TYPES.filter((type) => RELATIONS[type].catalogue === 'maker' || type === RelationType.PART_OF);

export function resolvableEntities(rows: GraphRows): ResolvableEntity[] {
  const owners = new Map<string, string[]>();
  for (const type of OWNER_RELATIONS) for (const r of rows.relationships[type]) owners.set(r.from, [...(owners.get(r.from) ?? []), r.to]);
  return ENTITY_TYPES.flatMap((kind) =>
    rows.entities[kind].map((e) => ({
      id: e.id,
      kind,
      name: e.name,
      aliases: e.aliases,
      developers: owners.get(e.id) ?? [],
      values: shownValues(e.props, claimableOf(kind)),
      formats: [],
    })),
  );
}

/** The values a catalogue can contradict, from a node's properties (null means not stated). */
export function shownValues(props: Record<string, unknown>, attributes: string[]): ComparableValues {
  const values: ComparableValues = {};
  for (const attribute of attributes) {
    const value = props[attribute];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[attribute] = value;
  }
  return values;
}
