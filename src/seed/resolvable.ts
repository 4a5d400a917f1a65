/** Graph rows as the resolution stage sees them (src/resolve): names, owners and shown values of every entity. */
import { claimableOf, ENTITY_TYPES, RELATION_TYPES, RELATIONS, RelationType } from '../domain/registry.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Decisions } from '../resolve/decisions.js';
import { undecidedNamesakes } from '../resolve/duplicates.js';
import type { ComparableValues, ResolvableEntity } from '../resolve/entity.js';
import type { Dataset, SeedProblem } from './dataset.js';
import { type GraphRows, toGraphRows } from './graph-rows.js';
import { CATALOGUE_SOURCE_PREFIX, formatOfSource } from '../domain/catalogue-sources.js';

/** Relationships that say who an entity belongs to: its makers, and an organization's parents. */
export const OWNER_RELATIONS = RELATION_TYPES.filter((type) => RELATIONS[type].catalogue === 'maker' || type === RelationType.PART_OF);

export function resolvableEntities(rows: GraphRows): ResolvableEntity[] {
  const keys = new Map<string, string[]>();
  for (const c of rows.citations)
    if (c.sourceId.startsWith(CATALOGUE_SOURCE_PREFIX) && c.attribute !== null && c.locator)
      keys.set(c.entityId, [...(keys.get(c.entityId) ?? []), `${formatOfSource(c.sourceId)}:${c.locator}`]);
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
      ...(keys.has(e.id) && { keys: [...new Set(keys.get(e.id))] }),
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

const DECISIONS_FILE_NAME = 'resolution.json';

/**
 * The resolution stage checks the seed as it checks an import: two entities of one kind under one name
 * key and one developer are one thing twice, unless the folder's resolution.json records them as distinct.
 */
export function namesakeProblems(dir: string): (dataset: Dataset) => SeedProblem[] {
  return (dataset) => {
    const file = path.join(dir, DECISIONS_FILE_NAME);
    const decisions = existsSync(file) ? Decisions.read(file) : new Decisions();
    return undecidedNamesakes(resolvableEntities(toGraphRows(dataset)), decisions).map(([a, b]) => ({
      file: DECISIONS_FILE_NAME,
      entry: `${a} ~ ${b}`,
      message: 'one name and one developer for two entities: merge them, or record a "distinct" decision',
    }));
  };
}
