import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENTS_DIR } from '../seed/dataset.js';
import { DEFAULT_SEED_DIR } from '../seed/load.js';

const cache = new Map<string, string | null>();

/** The text of a source document shipped in seed/documents, or null for sources we do not hold. */
export function documentText(file: string | null | undefined): string | null {
  if (!file || !/^[\w.-]+\.txt$/.test(file)) return null;
  if (!cache.has(file)) {
    const full = path.join(DEFAULT_SEED_DIR, DOCUMENTS_DIR, file);
    cache.set(file, existsSync(full) ? readFileSync(full, 'utf8') : null);
  }
  return cache.get(file) ?? null;
}
