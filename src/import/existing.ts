/**
 * The entities an import resolves against: ids, names, aliases and the values the documents state.
 * Read from the database (ImportRepository.existingEntities) or, for a dry run without one, from seed/.
 */
import { EntityType, LABEL_OF } from '../domain/graph-model.js';
import { readDataset } from '../seed/dataset.js';
import { toGraphRows } from '../seed/graph-rows.js';
import type { RecordAttributes } from './records.js';
import type { ResolvedKind } from './resolve/overrides.js';

export interface ExistingEntity {
  id: string;
  /** Null for a kind no catalogue row can be (a technique, a limitation): its id is taken, its names never match. */
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

/** The seed folder as the graph an empty database gets: values are what the nodes show (toGraphRows). */
export function existingFromSeed(dir: string): ExistingEntity[] {
  const rows = toGraphRows(readDataset(dir).dataset);
  const plain = (kind: ResolvedKind) => (e: { id: string; name: string; aliases: string[] }) => ({
    id: e.id,
    kind,
    name: e.name,
    aliases: e.aliases,
    values: {},
  });
  return [
    ...rows.entities.ORGANIZATION.map(plain('ORGANIZATION')),
    ...rows.entities.DATASET.map(plain('DATASET')),
    ...rows.entities.PRODUCT.map((p) => ({ ...plain('PRODUCT')(p), values: shownValues(p.props) })),
    ...[...rows.entities.TECHNIQUE, ...rows.entities.LIMITATION].map((e) => ({
      id: e.id,
      kind: null,
      name: e.name,
      aliases: [],
      values: {},
    })),
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
