import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { SeedRepository } from '../../src/repositories/seed.repository.js';
import { seedDatabase } from '../../src/seed/load.js';
import type { Service } from '../../src/service.js';
import { startTestService } from './service.js';

/** Empties the run's Neo4j and loads the documents' graph again, which the other files pin counts of. */
export async function restoreSeedGraph(db: Database): Promise<void> {
  await new SeedRepository(db).reset();
  await seedDatabase(db);
}

/**
 * For a file that imports catalogues into the run's graph: a service started before its tests (with
 * a request deadline an import's reads fit in), and the documents' graph restored after them.
 */
export function importService(): { readonly service: Service; readonly db: Database } {
  let service: Service | undefined;
  beforeAll(async () => {
    service = await startTestService({ REQUEST_TIMEOUT_MS: '60000' });
  });
  afterAll(async () => {
    if (!service) return;
    await restoreSeedGraph(service.database);
    await service.stop();
  }, 300_000);
  return {
    get service() {
      return service!;
    },
    get db() {
      return service!.database;
    },
  };
}
