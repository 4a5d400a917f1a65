/**
 * Pass 2 of a streamed Hugging Face import: a chunk of records (in file order) as an import plan, with
 * every entity already decided by pass 1, so the chunk is planned without the rest of the file. The plan
 * has the planner's shape (plan-types.ts), so applyRows turns it into the shared write model's rows
 * exactly as it does a whole catalogue's.
 */
import { catalogueRelation, EntityType, RELATIONS, RelationType } from '../../domain/registry.js';
import { nameKey, nameKeys } from '../../resolve/names.js';
import type { Resolver } from '../../resolve/resolver.js';
import { sameValue } from '../plan-claims.js';
import type { ImportPlan, PlannedRelationship } from '../plan-types.js';
import type { CatalogueRecord } from '../records.js';
import { relationshipFor } from '../typing.js';
import { HF_FORMAT, type HfIndex } from './index-pass.js';

/** What a streamed import has already cited or counted across chunks. */
export interface StreamState {
  /** Existing entities cited once by the first row naming them (organizations, bases). */
  mentioned: Set<string>;
  organizationsMatched: Set<string>;
}

export const emptyPlan = (rowsRead = 0, recordsParsed = 0): ImportPlan => ({
  format: HF_FORMAT,
  rowsRead,
  recordsParsed,
  rows: [],
  matched: [],
  organizationsMatched: [],
  mentioned: [],
  toCreate: [],
  aliases: [],
  ambiguous: [],
  review: [],
  relationships: [],
  unresolved: [],
  claims: [],
  conflicts: [],
  results: [],
  resultsNotPlaced: [],
  skipped: [],
  warnings: [],
});

const MEMBER = catalogueRelation('member', EntityType.MODEL);

export function planChunk(records: CatalogueRecord[], index: HfIndex, resolver: Resolver, state: StreamState): ImportPlan {
  const plan = emptyPlan();
  const mention = (id: string, rowKey: string) => {
    if (state.mentioned.has(id) || index.described.has(id)) return;
    state.mentioned.add(id);
    plan.mentioned.push({ id, rowKey });
  };
  for (const record of records) {
    const entity = index.records.get(record.name.toLowerCase())!;
    const { rowKey } = record;
    const developers: string[] = [];
    for (const author of record.organizations) {
      const org = index.organizations.get(author)!;
      if (org.status === 'ambiguous') {
        plan.ambiguous.push({ rowKey, name: author, role: 'organization', candidates: org.candidates });
        continue;
      }
      if (org.status !== 'matched' && org.status !== 'new') continue;
      if (org.status === 'matched' && !state.organizationsMatched.has(org.id)) {
        state.organizationsMatched.add(org.id);
        plan.organizationsMatched.push(org.id);
        mention(org.id, rowKey);
      }
      if (org.status === 'new' && index.orgIntroducedBy.get(org.id) === rowKey) plan.toCreate.push(resolver.newEntities.get(org.id)!);
      developers.push(org.id);
    }
    const id = entity.id;
    const graphModel = index.graphModels.get(id);
    if (entity.match) {
      plan.matched.push({ rowKey, name: record.name, id, by: entity.match.by, evidence: entity.match.evidence });
      const held = new Set([graphModel?.name ?? '', ...(graphModel?.aliases ?? [])].map(nameKey));
      const fresh = [...new Set([record.name, ...record.aliases])].filter((n) => !held.has(nameKey(n)));
      if (fresh.length > 0) plan.aliases.push({ id, aliases: fresh });
    } else
      plan.toCreate.push({
        id,
        kind: EntityType.MODEL,
        name: record.name,
        aliases: [...new Set(record.aliases.filter((a) => a !== record.name))],
        rowKey,
      });
    const relationships = new Map<string, PlannedRelationship>();
    const relate = (r: PlannedRelationship) => {
      const key = `${r.type}|${r.to}`;
      if (!relationships.has(key)) relationships.set(key, r);
    };
    for (const to of developers) relate({ from: id, type: RelationType.DEVELOPED_BY, to, rowKey, basis: 'organization column' });
    for (const [attribute, value] of Object.entries(record.attributes)) {
      plan.claims.push({ entityId: id, kind: EntityType.MODEL, attribute, value, rowKey });
      const graphValue = entity.match ? (graphModel as unknown as Record<string, unknown> | undefined)?.[attribute] : undefined;
      if (graphValue !== undefined && graphValue !== null && !sameValue(graphValue as never, value))
        plan.conflicts.push({ entityId: id, attribute, graphValue: graphValue as never, catalogueValue: value, rowKey });
    }
    const family = MEMBER === undefined ? undefined : nameKeys(record.name, EntityType.MODEL).find((k) => k.level === 'family');
    const series = family === undefined ? undefined : resolver.familyNamed(family.key, RELATIONS[MEMBER!].to, developers);
    if (series !== undefined)
      relate({
        from: id,
        type: MEMBER!,
        to: series,
        rowKey,
        basis: `inferred from the name: "${record.name}" is a size of ${resolver.nameOf(series)} by the same developer`,
        inferred: true,
      });
    for (const dependency of record.dependencies) {
      const unresolved = (reason: string) =>
        plan.unresolved.push({ rowKey, name: dependency.name, relation: dependency.lineage ?? dependency.type ?? 'UNTYPED', reason });
      const key = dependency.name.toLowerCase();
      const own = index.records.get(key);
      const inGraph = own === undefined ? (index.graphNames.get(key) ?? []) : [];
      if (inGraph.length > 1) {
        plan.ambiguous.push({ rowKey, name: dependency.name, role: 'dependency', candidates: [...inGraph].sort() });
        continue;
      }
      const target = own?.id ?? inGraph[0];
      if (target === undefined) {
        unresolved('names no entity in the graph or the catalogue');
        continue;
      }
      if (target === id) {
        unresolved('names the row itself');
        continue;
      }
      if (own === undefined || own.match) mention(target, rowKey);
      const typed = relationshipFor(dependency, EntityType.MODEL, EntityType.MODEL);
      if ('reason' in typed) unresolved(typed.reason);
      else relate({ from: id, ...typed, to: target, rowKey });
    }
    plan.relationships.push(...relationships.values());
  }
  return plan;
}
