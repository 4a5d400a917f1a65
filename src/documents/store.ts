import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENTS_DIR } from '../seed/dataset.js';
import { DEFAULT_SEED_DIR } from '../seed/load.js';
import type { SourceEntry } from '../seed/seed.schema.js';

const cache = new Map<string, string | null>();
/** File names the service may read: no separators, no dot files. */
export const DOCUMENT_FILE = /^[\w][\w.-]*\.txt$/;

/** The text of a source document shipped in seed/documents, or null for sources we do not hold. */
export function documentText(file: string | null | undefined): string | null {
  if (!file || !DOCUMENT_FILE.test(file)) return null;
  if (!cache.has(file)) {
    const full = path.join(DEFAULT_SEED_DIR, DOCUMENTS_DIR, file);
    cache.set(file, existsSync(full) ? readFileSync(full, 'utf8') : null);
  }
  return cache.get(file) ?? null;
}

/** A source that is a document (catalogue snapshots have a URL instead of a file). */
export type DocumentSource = SourceEntry & { file: string };

let sources: DocumentSource[] | undefined;

/** The document sources of seed/sources.json whose files the service holds, in file order. */
export function documentSources(): DocumentSource[] {
  sources ??= (JSON.parse(readFileSync(path.join(DEFAULT_SEED_DIR, 'sources.json'), 'utf8')) as SourceEntry[])
    .filter((source): source is DocumentSource => source.file !== undefined && documentText(source.file) !== null)
    .sort((a, b) => a.file.localeCompare(b.file));
  return sources;
}
