/**
 * Each catalogue snapshot is one Source node: who publishes it, where, under which licence, when the
 * project took it and which exact bytes (a SHA-256 of the file, or of a folder's files in name order).
 * The id carries the hash, so two snapshots of one catalogue are two sources and neither rewrites the other.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Format } from './records.js';

export interface CatalogueSource {
  id: string;
  title: string;
  url: string;
  author: string;
  license: string;
  /** When the project took the snapshot (catalogues/<name>/README.md). */
  retrieved: string;
  /** sha256:<hex> of the snapshot's bytes. */
  version: string;
}

const PUBLISHERS: Record<Format, Omit<CatalogueSource, 'id' | 'version'>> = {
  'epoch-csv': {
    title: 'Epoch AI, Data on AI Models (all AI models table)',
    url: 'https://epoch.ai/data/ai-models',
    author: 'Epoch AI',
    license: 'CC BY 4.0',
    retrieved: '2026-11-29',
  },
  'ecosystem-graphs': {
    title: 'Stanford CRFM, Ecosystem Graphs (assets)',
    url: 'https://github.com/stanford-crfm/ecosystem-graphs',
    author: 'Stanford CRFM',
    license: 'Apache-2.0',
    retrieved: '2026-11-29',
  },
  'hf-model-tree': {
    title: 'Hugging Face model tree (model-card metadata)',
    url: 'https://huggingface.co/models',
    author: 'Hugging Face',
    license: 'per model card',
    retrieved: '2026-11-29',
  },
};

function snapshotHash(target: string): string {
  const hash = createHash('sha256');
  if (statSync(target).isDirectory()) {
    const files = readdirSync(target, { recursive: true, encoding: 'utf8' }).sort();
    for (const file of files) {
      const full = path.join(target, file);
      if (statSync(full).isFile()) hash.update(file).update('\0').update(readFileSync(full));
    }
  } else hash.update(readFileSync(target));
  return hash.digest('hex');
}

export function catalogueSource(format: Format, snapshot: string): CatalogueSource {
  const hex = snapshotHash(snapshot);
  return { id: `catalogue-${format}-${hex.slice(0, 12)}`, ...PUBLISHERS[format], version: `sha256:${hex}` };
}
