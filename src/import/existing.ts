/**
 * The entities an import resolves against, for a dry run without a database: seed/ as the graph an
 * empty database gets (with a database: ImportRepository.existingEntities).
 */
import type { ResolvableEntity } from '../resolve/entity.js';
import { readDataset } from '../seed/dataset.js';
import { toGraphRows } from '../seed/graph-rows.js';
import { resolvableEntities } from '../seed/resolvable.js';

export function existingFromSeed(dir: string): ResolvableEntity[] {
  return resolvableEntities(toGraphRows(readDataset(dir).dataset));
}
