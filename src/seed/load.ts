import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { SeedRepository } from '../repositories/seed.repository.js';
import { loadDatasetOrThrow } from './dataset.js';
import { toGraphRows } from './graph-rows.js';

/** The seed folder shipped with the service (same relative spot from src/ and dist/). */
export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

/**
 * Validates the whole seed folder first (bad data writes nothing), then applies constraints and
 * MERGEs everything; running it twice leaves the graph as it was.
 */
export async function seedDatabase(db: Database, options: { dir?: string; reset?: boolean } = {}): Promise<void> {
  const dataset = loadDatasetOrThrow(options.dir ?? DEFAULT_SEED_DIR);
  await applyMigrations(db);
  const repository = new SeedRepository(db);
  if (options.reset) await repository.reset();
  await repository.write(toGraphRows(dataset));
}
