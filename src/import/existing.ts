/**
 * The entities an import resolves against: from the database (ImportRepository.existingEntities, read
 * here in the resolution's terms), or, for a dry run without one, seed/ as the graph an empty database gets.
 */
import type { DatabaseScopes } from '../db/database.js';
import { LABEL_OF, TYPE_OF_LABEL } from '../domain/graph-model.js';
import { claimableOf, type EntityType } from '../domain/registry.js';
import { ImportRepository } from '../repositories/import.repository.js';
import type { ResolvableEntity } from '../resolve/entity.js';
import { readDataset } from '../seed/dataset.js';
import { toGraphRows } from '../seed/graph-rows.js';
import { formatOfSource } from '../domain/catalogue-sources.js';
import { OWNER_RELATIONS, resolvableEntities, shownValues } from '../seed/resolvable.js';

export function existingFromSeed(dir: string): ResolvableEntity[] {
  return resolvableEntities(toGraphRows(readDataset(dir).dataset));
}

/** Every entity of the database (or of these kinds), as resolution sees it: kind, names, owners, shown values, the catalogue formats citing it. */
export async function existingFromDatabase(db: DatabaseScopes, onlyKinds?: EntityType[]): Promise<ResolvableEntity[]> {
  const only = onlyKinds?.map((kind) => LABEL_OF[kind]);
  const rows = await new ImportRepository(db).existingEntities(Object.keys(TYPE_OF_LABEL), OWNER_RELATIONS, only);
  return rows.flatMap((row) => {
    const kind = row.label === null ? undefined : TYPE_OF_LABEL[row.label];
    if (kind === undefined) return [];
    return [
      {
        id: row.id,
        kind,
        name: row.name,
        aliases: row.aliases,
        developers: row.developers,
        values: shownValues(row.props, claimableOf(kind)),
        formats: [...new Set(row.sources.map(formatOfSource))],
        keys: [...new Set(row.keys.map((key) => `${formatOfSource(key.slice(0, key.indexOf('|')))}:${key.slice(key.indexOf('|') + 1)}`))],
        ...(row.uncited && { uncited: true }),
      },
    ];
  });
}
