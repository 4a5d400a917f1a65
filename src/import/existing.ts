/**
 * The entities an import resolves against: ids, names, aliases and the values the documents state.
 * Read from the database (ImportRepository.existingEntities) or, for a dry run without one, from seed/.
 */
import { EntityType } from '../domain/graph-model.js';
import { readDataset } from '../seed/dataset.js';
import type { RecordAttributes } from './records.js';
import type { ResolvedKind } from './resolve/overrides.js';

export interface ExistingEntity {
  id: string;
  kind: ResolvedKind;
  name: string;
  aliases: string[];
  /** Values the graph already holds (cited by documents), compared with the catalogue's. */
  values: RecordAttributes;
}

/** Graph kinds a catalogue record can be: techniques and limitations are never imported. */
export const IMPORTABLE_KIND: Partial<Record<string, ResolvedKind>> = {
  [EntityType.MODEL]: 'MODEL',
  [EntityType.ORGANIZATION]: 'ORGANIZATION',
  Model: 'MODEL',
  Organization: 'ORGANIZATION',
  Dataset: 'DATASET',
  Application: 'APPLICATION',
};

export function existingFromSeed(dir: string): ExistingEntity[] {
  const { dataset } = readDataset(dir);
  const organizations = dataset.entities.ORGANIZATION.map((o) => ({
    id: o.id,
    kind: 'ORGANIZATION' as const,
    name: o.name,
    aliases: o.aliases,
    values: {},
  }));
  const models = dataset.entities.MODEL.map((m) => {
    const values: RecordAttributes = {};
    // The first claim per attribute is what the node shows on ties; enough to spot a disagreement.
    for (const claim of m.claims) {
      if (claim.attribute === 'releaseDate' && values.releaseDate === undefined) values.releaseDate = String(claim.value);
      if (claim.attribute === 'parameters' && values.parameters === undefined) values.parameters = Number(claim.value);
      if (claim.attribute === 'openWeights' && values.openWeights === undefined) values.openWeights = Boolean(claim.value);
    }
    return { id: m.id, kind: 'MODEL' as const, name: m.name, aliases: m.aliases, values };
  });
  return [...organizations, ...models];
}
