/**
 * The catalogue formats, one entry each: how to read a snapshot, who publishes it (the snapshot's
 * Source), and which of its rows the default graph takes. Adding a format is one entry here and its
 * reader in formats/.
 */
import { readEcosystemGraphs } from './formats/ecosystem-graphs.js';
import { readEpochCsv } from './formats/epoch-csv.js';
import { readHfModelTree } from './formats/hf-model-tree.js';
import type { CatalogueRecord, ParseResult } from './records.js';

export interface Publisher {
  title: string;
  url: string;
  author: string;
  license: string;
  /** When the project took the snapshot (catalogues/<name>/README.md). */
  retrieved: string;
}

export interface CatalogueFormat {
  read: (path: string) => ParseResult;
  publisher: Publisher;
  /** The rows the default graph takes when the catalogue is one of DEFAULT_CATALOGUES (all rows when absent). */
  select?: (record: CatalogueRecord) => boolean;
}

export const CATALOGUE_FORMATS = {
  'epoch-csv': {
    read: readEpochCsv,
    publisher: {
      title: 'Epoch AI, Data on AI Models (all AI models table)',
      url: 'https://epoch.ai/data/ai-models',
      author: 'Epoch AI',
      license: 'CC BY 4.0',
      retrieved: '2026-11-29',
    },
    // Epoch's Domain cell lists one or more domains ("Language", "Multimodal, Language, Vision"):
    // a row is a language model when one of them is Language (1,041 rows of the 2,228).
    select: (record) => record.tags.some((domain) => domain.toLowerCase() === 'language'),
  },
  'ecosystem-graphs': {
    read: readEcosystemGraphs,
    publisher: {
      title: 'Stanford CRFM, Ecosystem Graphs (assets)',
      url: 'https://github.com/stanford-crfm/ecosystem-graphs',
      author: 'Stanford CRFM',
      license: 'Apache-2.0',
      retrieved: '2026-11-29',
    },
  },
  'hf-model-tree': {
    read: readHfModelTree,
    publisher: {
      title: 'Hugging Face model tree (model-card metadata)',
      url: 'https://huggingface.co/models',
      author: 'Hugging Face',
      license: 'per model card',
      retrieved: '2026-11-29',
    },
  },
} satisfies Record<string, CatalogueFormat>;

export type Format = keyof typeof CATALOGUE_FORMATS;
export const FORMATS = Object.keys(CATALOGUE_FORMATS) as Format[];
export const isFormat = (name: string): name is Format => Object.hasOwn(CATALOGUE_FORMATS, name);

/** A format's entry, typed as the table's shape (optional fields included). */
export const formatOf = (name: Format): CatalogueFormat => CATALOGUE_FORMATS[name];
