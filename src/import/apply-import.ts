/** --apply: plan against the database, write the plan through the shared write model, count around it. */
import type { Database } from '../db/database.js';
import { RelationType } from '../domain/registry.js';
import { ImportRepository } from '../repositories/import.repository.js';
import type { OnBatch } from '../repositories/seed.repository.js';
import { StatsRepository } from '../repositories/stats.repository.js';
import { runQualityPass } from '../quality/pass.js';
import type { Decisions } from '../resolve/decisions.js';
import { applyRows } from './apply.js';
import { catalogueSource } from './catalogues.js';
import { existingFromDatabase } from './existing.js';
import type { Format } from './formats.js';
import { type ImportPlan, planImport } from './plan.js';
import type { ParseResult } from './records.js';
import type { Applied, Counts } from './report.js';

async function counts(db: Database): Promise<Counts> {
  const { nodes, relationships } = await new StatsRepository(db.scope()).counts();
  const record = (list: Array<{ label: string; count: number }>) => Object.fromEntries(list.map((c) => [c.label, Number(c.count)]));
  return { nodes: record(nodes), relationships: record(relationships) };
}

export async function applyImport(
  db: Database,
  format: Format,
  snapshot: string,
  parsed: ParseResult,
  decisions: Decisions,
  onBatch?: OnBatch,
): Promise<Applied & { plan: ImportPlan }> {
  const repository = new ImportRepository(db);
  const plan = planImport(parsed, await existingFromDatabase(db), decisions);
  const source = catalogueSource(format, snapshot);
  const lineage = plan.relationships.filter((r) => r.type === RelationType.DERIVED_FROM).map(({ from, to }) => ({ from, to }));
  const { rows, notWritten, aliases } = applyRows(plan, source, await repository.lineageKinds(lineage));
  const before = await counts(db);
  await repository.apply(rows, aliases, onBatch);
  const { findings: _, ...quality } = await runQualityPass(db);
  return { plan, source: source.id, notWritten, before, after: await counts(db), quality };
}
