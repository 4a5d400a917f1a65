/**
 * The import plan: what a catalogue snapshot would change in the graph, computed without writing.
 * Four passes over the records (plan-records.ts, plan-dependencies.ts, plan-families.ts, techniques/): each
 * record's entity with its organizations and claims; then its dependencies, now that every record has
 * its entity (a row may name a base model listed further down); then family membership; then the
 * techniques each row's text states (techniques/plan-pass.ts). Names are
 * resolved by the resolution stage (src/resolve).
 */
import type { Decisions } from '../resolve/decisions.js';
import type { ResolvableEntity } from '../resolve/entity.js';
import { PlanContext } from './plan-context.js';
import { planDependencies } from './plan-dependencies.js';
import { planFamilies } from './plan-families.js';
import type { ImportPlan } from './plan-types.js';
import { planRecords } from './plan-records.js';
import type { ParseResult } from './records.js';
import { planTechniques } from './techniques/plan-pass.js';

export type * from './plan-types.js';

export function planImport(parsed: ParseResult, existing: ResolvableEntity[], decisions: Decisions): ImportPlan {
  const context = new PlanContext(parsed, existing, decisions);
  planRecords(context);
  planDependencies(context);
  planFamilies(context);
  planTechniques(context);
  return context.finish();
}
