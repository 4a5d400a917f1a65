/**
 * The entities an import resolves against: ids, names, aliases and the values the documents state.
 * Read from the database (ImportRepository.existingEntities) or, for a dry run without one, from seed/.
 */
import type { Database } from '../db/database.js';
import { EntityType, LABEL_OF } from '../domain/graph-model.js';
import { ImportRepository } from '../repositories/import.repository.js';
import { readDataset } from '../seed/dataset.js';
import { toGraphRows } from '../seed/graph-rows.js';
import type { RecordAttributes } from './records.js';
import type { ResolvedKind } from './resolve/overrides.js';

export interface ExistingEntity {
  id: string;
  /** null for kinds a catalogue never resolves to (series, products, techniques…): the id is taken, the names match nothing. */
  kind: ResolvedKind | null;
  name: string;
  aliases: string[];
  /** Values the graph already holds (cited by documents), compared with the catalogue's. */
  values: RecordAttributes;
}

/** Node labels a catalogue record can resolve to, and its kind: techniques and limitations are never imported. */
export const KIND_OF_LABEL: Record<string, ResolvedKind> = {
  [LABEL_OF[EntityType.MODEL]]: 'MODEL',
  [LABEL_OF[EntityType.ORGANIZATION]]: 'ORGANIZATION',
  [LABEL_OF[EntityType.DATASET]]: 'DATASET',
  [LABEL_OF[EntityType.PRODUCT]]: 'PRODUCT',
};

/** The database's entities, as a catalogue row could meet them. */
export async function existingFromDatabase(db: Database): Promise<ExistingEntity[]> {
  const rows = await new ImportRepository(db).existingEntities(Object.keys(KIND_OF_LABEL));
  return rows.map((row) => ({
    id: row.id,
    kind: row.label === null ? null : KIND_OF_LABEL[row.label]!,
    name: row.name,
    aliases: row.label === null ? [] : row.aliases,
    values: row.label === null ? {} : shownValues(row),
  }));
}

/** The seed folder as the graph an empty database gets: values are what the nodes show (toGraphRows). */
export function existingFromSeed(dir: string): ExistingEntity[] {
  const rows = toGraphRows(readDataset(dir).dataset);
  const kindOf = (type: EntityType): ResolvedKind | null => KIND_OF_LABEL[LABEL_OF[type]] ?? null;
  const others = (Object.keys(rows.entities) as EntityType[]).filter(
    (type) => type !== EntityType.MODEL && type !== EntityType.ORGANIZATION,
  );
  return [
    ...others.flatMap((type) =>
      rows.entities[type].map((e) => {
        const kind = kindOf(type);
        return { id: e.id, kind, name: e.name, aliases: kind === null ? [] : e.aliases, values: kind === null ? {} : shownValues(e.props) };
      }),
    ),
    ...rows.entities.ORGANIZATION.map((o) => ({ id: o.id, kind: 'ORGANIZATION' as const, name: o.name, aliases: o.aliases, values: {} })),
    ...rows.entities.MODEL.map((m) => ({
      id: m.id,
      kind: 'MODEL' as const,
      name: m.name,
      aliases: m.aliases,
      values: shownValues(m.props),
    })),
  ];
}

/** The attributes a catalogue can contradict, from a node's properties (null means not stated). */
export function shownValues(props: Record<string, unknown>): RecordAttributes {
  const values: RecordAttributes = {};
  if (props.releaseDate != null) values.releaseDate = String(props.releaseDate);
  if (props.parameters != null) values.parameters = Number(props.parameters);
  if (props.openWeights != null) values.openWeights = Boolean(props.openWeights);
  return values;
}
