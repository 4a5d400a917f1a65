/**
 * Each catalogue snapshot is one Source node: who publishes it, where, under which licence, when the
 * project took it and which exact bytes (a SHA-256 of the file, or of a folder's files in name order).
 * The id carries the hash, so two snapshots of one catalogue are two sources and neither rewrites the other.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE_SOURCE_PREFIX } from '../domain/catalogue-sources.js';
import { CATALOGUE_FORMATS, type Format, type Publisher } from './formats.js';

export interface CatalogueSource extends Publisher {
  id: string;
  /** sha256:<hex> of the snapshot's bytes. */
  version: string;
  /** The date of the data (ParseResult.snapshotDate): the Source's `date`, apart from `retrieved`. */
  snapshot?: string;
}

function snapshotHash(target: string): string {
  const hash = createHash('sha256');
  if (statSync(target).isDirectory()) {
    const files = readdirSync(target, { recursive: true, encoding: 'utf8' }).sort();
    for (const file of files) {
      const full = path.join(target, file);
      if (statSync(full).isFile()) hash.update(file).update('\0').update(readFileSync(full));
    }
  } else hashFile(hash, target);
  return hash.digest('hex');
}

/** A file's bytes into the hash a few megabytes at a time: a dump of millions of lines is never held whole. */
function hashFile(hash: Hash, file: string): void {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

export function catalogueSource(format: Format, snapshot: string, snapshotDate?: string): CatalogueSource {
  const hex = snapshotHash(snapshot);
  const { publisher } = CATALOGUE_FORMATS[format];
  // Data cannot be newer than the copy: a later date is a row's implausible value (2099), not the snapshot's.
  const dated = snapshotDate !== undefined && snapshotDate <= publisher.retrieved;
  return {
    id: `${CATALOGUE_SOURCE_PREFIX}${format}-${hex.slice(0, 12)}`,
    ...publisher,
    version: `sha256:${hex}`,
    ...(dated && { snapshot: snapshotDate }),
  };
}
