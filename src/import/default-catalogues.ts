/**
 * The catalogues an empty database is loaded with besides the documents (DEFAULT_CATALOGUES), each a
 * vendored snapshot and the rows of it the default graph takes. They go through the importer's write
 * path (planImport + applyImport): ranked claims, so a catalogue value never replaces a document's.
 */
import { fileURLToPath } from 'node:url';
import type { CatalogueName } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { OnBatch } from '../repositories/seed.repository.js';
import { applyImport } from './apply-import.js';
import type { ImportPlan } from './plan.js';
import { READERS } from './read.js';
import type { CatalogueRecord, Format, ParseResult } from './records.js';
import type { Applied } from './report.js';
import { Overrides } from './resolve/overrides.js';

export interface DefaultCatalogue {
  /** What the progress line and the log call it. */
  title: string;
  format: Format;
  /** Vendored snapshot, resolved from the module (the same relative spot from src/ and dist/). */
  snapshot: string;
  /** Which rows of the snapshot the default graph takes. */
  select: (record: CatalogueRecord) => boolean;
}

export const OVERRIDES_FILE = fileURLToPath(new URL('../../seed/import-overrides.json', import.meta.url));

export const DEFAULT_CATALOGUES: Record<CatalogueName, DefaultCatalogue> = {
  epoch: {
    title: 'Epoch AI’s language models',
    format: 'epoch-csv',
    snapshot: fileURLToPath(new URL('../../catalogues/epoch-ai/all_ai_models.csv', import.meta.url)),
    // Epoch's Domain cell lists one or more domains ("Language", "Multimodal, Language, Vision"):
    // a row is a language model when one of them is Language (1,041 rows of the 2,228).
    select: (record) => record.tags.some((domain) => domain.toLowerCase() === 'language'),
  },
};

/** The rows the selection keeps; the rows it leaves out are not problems, so they are not reported as skipped. */
export function selectRecords(parsed: ParseResult, select: DefaultCatalogue['select']): ParseResult {
  return { ...parsed, records: parsed.records.filter(select) };
}

/** Plans and writes one default catalogue against the graph as it is (idempotent: a resumed load decides as a clean one). */
export async function loadDefaultCatalogue(
  db: Database,
  name: CatalogueName,
  onBatch?: OnBatch,
): Promise<Applied & { plan: ImportPlan; selected: number }> {
  const catalogue = DEFAULT_CATALOGUES[name];
  const parsed = selectRecords(READERS[catalogue.format](catalogue.snapshot), catalogue.select);
  const applied = await applyImport(db, catalogue.format, catalogue.snapshot, parsed, Overrides.read(OVERRIDES_FILE), onBatch);
  return { ...applied, selected: parsed.records.length };
}
