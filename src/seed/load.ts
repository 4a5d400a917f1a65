import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { CatalogueName } from '../config/config.js';
import type { Database } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { freeId, idOf, isValidId } from '../domain/ids.js';
import { DEFAULT_CATALOGUES, loadDefaultCatalogue } from '../import/default-catalogues.js';
import { runQualityPass } from '../quality/pass.js';
import { ResolutionRepository } from '../repositories/resolution.repository.js';
import { SeedRepository } from '../repositories/seed.repository.js';
import { loadDatasetOrThrow } from './dataset.js';
import { toGraphRows } from './graph-rows.js';
import { namesakeProblems } from './resolvable.js';

/** The seed folder shipped with the service (same relative spot from src/ and dist/). */
export const DEFAULT_SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

/** Where a load is: its step (the documents, then each catalogue), and the batches of that step. */
export interface LoadProgress {
  what: string;
  step: number;
  steps: number;
  done: number;
  total: number;
}

export interface SeedOptions {
  dir?: string;
  reset?: boolean;
  /** Catalogues loaded after the documents, before the completion marker (the default graph). */
  catalogues?: CatalogueName[];
  onProgress?: (progress: LoadProgress) => void | Promise<void>;
  /** Hears each catalogue's import result (for the log). */
  onCatalogue?: (name: CatalogueName, result: Awaited<ReturnType<typeof loadDefaultCatalogue>>) => void;
}

/**
 * Validates the whole seed folder first (bad data writes nothing), then applies constraints and
 * MERGEs everything, then imports the catalogues asked for, and marks the graph complete last: a
 * load cut short leaves no marker, so the next start loads again (MERGE and the importer's
 * idempotence make that a resume). Running it twice leaves the graph as it was.
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<void> {
  const dir = options.dir ?? DEFAULT_SEED_DIR;
  const dataset = loadDatasetOrThrow(dir, namesakeProblems(dir));
  const catalogues = options.catalogues ?? [];
  const steps = 1 + catalogues.length;
  await applyMigrations(db);
  const repository = new SeedRepository(db);
  if (options.reset) await repository.reset();
  else await migrateEntityIds(db);
  await repository.write(toGraphRows(dataset), async (done, total) => {
    await options.onProgress?.({ what: 'the documents', step: 1, steps, done, total });
  });
  for (const [index, name] of catalogues.entries()) {
    const what = DEFAULT_CATALOGUES[name].title;
    const result = await loadDefaultCatalogue(db, name, (done, total) =>
      options.onProgress?.({ what, step: index + 2, steps, done, total }),
    );
    options.onCatalogue?.(name, result);
  }
  // The documents alone get the plausibility rules too; each catalogue's import ran them after its write.
  if (catalogues.length === 0) await runQualityPass(db);
  const hash = createHash('sha256').update(JSON.stringify(dataset)).update(JSON.stringify(catalogues)).digest('hex').slice(0, 16);
  await repository.markSeeded(hash, catalogues);
}

/**
 * Entities whose ids an earlier importer wrote outside the id rule ("tülu-v2-mix") get the id the rule
 * gives now ("tulu-v2-mix"), with a redirect from the old one, so an export reloads and a resumed load
 * finds them. Ids that follow the rule never change.
 */
export async function migrateEntityIds(db: Database, log?: { info: (message: string) => void }): Promise<void> {
  const repository = new ResolutionRepository(db);
  const ids = await repository.ids();
  const taken = new Set(ids);
  const renames = ids
    .filter((id) => !isValidId(id))
    .map((from) => {
      const to = freeId(idOf(from), (id) => taken.has(id));
      taken.add(to);
      return { from, to };
    });
  await repository.renameIds(renames);
  if (renames.length > 0)
    log?.info(`renamed ${renames.length} ids to the id rule (${renames.map((r) => `${r.from} -> ${r.to}`).join(', ')})`);
}
