import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { type OnBatch, SeedRepository } from '../repositories/seed.repository.js';
import { loadDatasetOrThrow } from './dataset.js';
import { toGraphRows } from './graph-rows.js';

/** The seed folder shipped with the service (same relative spot from src/ and dist/). */
export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

export interface SeedOptions {
  dir?: string;
  reset?: boolean;
  onBatch?: OnBatch;
}

/**
 * Validates the whole seed folder first (bad data writes nothing), then applies constraints and
 * MERGEs everything, and marks the graph complete last: a load cut short leaves no marker, so the
 * next start loads again (MERGE makes that a resume). Running it twice leaves the graph as it was.
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<void> {
  const dataset = loadDatasetOrThrow(options.dir ?? DEFAULT_SEED_DIR);
  await applyMigrations(db);
  const repository = new SeedRepository(db);
  if (options.reset) await repository.reset();
  await repository.write(toGraphRows(dataset), options.onBatch);
  await repository.markSeeded(createHash('sha256').update(JSON.stringify(dataset)).digest('hex').slice(0, 16));
}
