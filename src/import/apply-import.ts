/** --apply: plan against the database, write the plan through the shared write model, count around it. */
import type { Database } from '../db/database.js';
import { RelationType } from '../domain/registry.js';
import { runQualityPass } from '../quality/pass.js';
import { CatalogueRepository } from '../repositories/catalogue.repository.js';
import { ImportRepository } from '../repositories/import.repository.js';
import type { OnBatch } from '../repositories/seed.repository.js';
import { StatsRepository } from '../repositories/stats.repository.js';
import type { Decisions } from '../resolve/decisions.js';
import { applyRows } from './apply.js';
import { catalogueSource } from './catalogues.js';
import { existingFromDatabase } from './existing.js';
import type { Format } from './formats.js';
import { type ImportPlan, planImport } from './plan.js';
import type { ParseResult } from './records.js';
import { DEPENDENCY_TYPES, type HeldRow, heldRows, MAKER_TYPES, type RefreshDiff, refreshDiff, WITHDRAWN_PREFIX } from './refresh.js';
import type { Applied, Counts } from './report.js';

export async function graphCounts(db: Database): Promise<Counts> {
  const { nodes, relationships } = await new StatsRepository(db.scope()).counts();
  const record = (list: Array<{ label: string; count: number }>) => Object.fromEntries(list.map((c) => [c.label, Number(c.count)]));
  return { nodes: record(nodes), relationships: record(relationships) };
}

/** What the graph holds from this format's snapshots (empty for a catalogue it has never imported). */
export async function holdings(db: Database, format: Format): Promise<HeldRow[]> {
  return heldRows(await new CatalogueRepository(db).holdings(format, WITHDRAWN_PREFIX, [...DEPENDENCY_TYPES, ...MAKER_TYPES]));
}

/** The snapshots of a catalogue the graph holds, by Source id. */
export const heldSnapshots = (db: Database, format: Format): Promise<string[]> => new CatalogueRepository(db).snapshots(format);

/** The plan of a snapshot against the database, and its diff against what the graph holds from the catalogue. */
export async function planAgainstDatabase(
  db: Database,
  format: Format,
  snapshot: string,
  parsed: ParseResult,
  decisions: Decisions,
): Promise<{ plan: ImportPlan; refresh: RefreshDiff }> {
  const held = await holdings(db, format);
  const plan = planImport(parsed, await existingFromDatabase(db), decisions, held);
  const date = parsed.snapshotDate ?? catalogueSource(format, snapshot).retrieved;
  return { plan, refresh: refreshDiff(plan, held, date, parsed.stableKeys === true) };
}

export async function applyImport(
  db: Database,
  format: Format,
  snapshot: string,
  parsed: ParseResult,
  decisions: Decisions,
  onBatch?: OnBatch,
): Promise<Applied & { plan: ImportPlan; refresh: RefreshDiff }> {
  const repository = new ImportRepository(db);
  const { plan, refresh } = await planAgainstDatabase(db, format, snapshot, parsed, decisions);
  const source = catalogueSource(format, snapshot, parsed.snapshotDate);
  const lineage = plan.relationships.filter((r) => r.type === RelationType.DERIVED_FROM).map(({ from, to }) => ({ from, to }));
  // Rows gone since an older snapshot are withdrawn in this one; an older snapshot withdraws nothing.
  const withdrawals = refresh.older ? [] : refresh.gone;
  const { rows, notWritten, aliases } = applyRows(plan, source, await repository.lineageKinds(lineage), withdrawals);
  const before = await graphCounts(db);
  await repository.apply(rows, aliases, onBatch);
  const superseded = await new CatalogueRepository(db).supersedeOlder(format);
  const { findings: _, ...quality } = await runQualityPass(db);
  return { plan, refresh, source: source.id, notWritten, before, after: await graphCounts(db), quality, superseded };
}
