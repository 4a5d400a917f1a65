/**
 * The catalogues an empty database is loaded with besides the documents (DEFAULT_CATALOGUES), each a
 * vendored snapshot of a format in the format table (formats.ts), whose `select` says which rows the
 * default graph takes. They go through the importer's write path (planImport + applyImport): ranked
 * claims, so a catalogue value never replaces a document's.
 */
import { fileURLToPath } from 'node:url';
import type { CatalogueName } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { OnBatch } from '../repositories/seed.repository.js';
import { Decisions } from '../resolve/decisions.js';
import { applyImport } from './apply-import.js';
import { type Format, formatOf } from './formats.js';
import type { ImportPlan } from './plan.js';
import type { CatalogueRecord, ParseResult } from './records.js';
import type { Applied } from './report.js';

export interface DefaultCatalogue {
  /** What the progress line and the log call it. */
  title: string;
  format: Format;
  /** Vendored snapshot, resolved from the module (the same relative spot from src/ and dist/). */
  snapshot: string;
}

export const DEFAULT_CATALOGUES: Record<CatalogueName, DefaultCatalogue> = {
  epoch: {
    title: 'Epoch AI’s language models',
    format: 'epoch-csv',
    snapshot: fileURLToPath(new URL('../../catalogues/epoch-ai/all_ai_models.csv', import.meta.url)),
  },
};

/**
 * The rows the selection keeps, and the organization records (what the catalogue says of an
 * organization) of the organizations those rows name. The rows it leaves out are not problems, so
 * they are not reported as skipped.
 */
export function selectRecords(parsed: ParseResult, select: ((record: CatalogueRecord) => boolean) | undefined): ParseResult {
  if (select === undefined) return parsed;
  const records = parsed.records.filter(select);
  const named = new Set(records.flatMap((r) => r.organizations));
  return { ...parsed, records, organizations: parsed.organizations?.filter((o) => named.has(o.name)) };
}

/** Reads a default catalogue's snapshot and keeps the rows the default graph takes. */
export function readDefaultCatalogue(name: CatalogueName): ParseResult {
  const { format, snapshot } = DEFAULT_CATALOGUES[name];
  const { read, select } = formatOf(format);
  return selectRecords(read(snapshot), select);
}

/** Plans and writes one default catalogue against the graph as it is (idempotent: a resumed load decides as a clean one). */
export async function loadDefaultCatalogue(
  db: Database,
  name: CatalogueName,
  onBatch?: OnBatch,
): Promise<Applied & { plan: ImportPlan; selected: number }> {
  const catalogue = DEFAULT_CATALOGUES[name];
  const parsed = readDefaultCatalogue(name);
  const applied = await applyImport(db, catalogue.format, catalogue.snapshot, parsed, Decisions.read(), onBatch);
  return { ...applied, selected: parsed.records.length };
}
