import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { ReleaseRepository } from '../repositories/release.repository.js';
import { SeedRepository } from '../repositories/seed.repository.js';
import { fromTables } from './tables.js';
import { CHECKSUMS, MANIFEST, type ReleaseManifest } from './manifest.js';

/** Checks every file a release lists in SHA256SUMS; throws naming the first that differs or is missing. */
export function verifyRelease(dir: string): ReleaseManifest {
  const sums = path.join(dir, CHECKSUMS);
  if (!existsSync(sums)) throw new Error(`${dir} is not a release: it has no ${CHECKSUMS}.`);
  for (const line of readFileSync(sums, 'utf8').split('\n').filter(Boolean)) {
    const [hash, file] = [line.slice(0, 64), line.slice(66)];
    const full = path.join(dir, file);
    if (!existsSync(full)) throw new Error(`${file} is listed in ${CHECKSUMS} but missing from ${dir}.`);
    if (createHash('sha256').update(readFileSync(full)).digest('hex') !== hash)
      throw new Error(`${file} does not match its checksum in ${CHECKSUMS}.`);
  }
  return JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as ReleaseManifest;
}

/**
 * Loads a release into an EMPTY database through the seed write path, then marks the graph as loaded
 * from it (the API's `dataVersion` names it). The checksums are verified first; nothing is written
 * when one fails.
 */
export async function loadRelease(db: Database, dir: string): Promise<ReleaseManifest> {
  const manifest = verifyRelease(dir);
  const seed = new SeedRepository(db);
  if (!(await seed.isEmpty())) throw new Error('The database is not empty: a release loads into an empty one.');
  const rows = fromTables((file) => {
    const full = path.join(dir, file);
    return existsSync(full) ? readFileSync(full, 'utf8') : null;
  });
  await applyMigrations(db);
  await seed.write(rows);
  await new ReleaseRepository(db).markReleaseLoaded(rows.sources, manifest);
  return manifest;
}
