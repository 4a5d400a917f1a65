/**
 * The import plan: what a catalogue snapshot would change in the graph, computed without writing.
 * Pass 1 resolves every record (and its organizations), pass 2 its dependencies, so a row may name a
 * base model listed further down. Relationships are typed here (see relationshipFor).
 */
import type { ExistingEntity } from './existing.js';
import {
  type CatalogueRecord,
  type Dependency,
  isStatedLineage,
  type ParseResult,
  type Problem,
  type RecordAttributes,
} from './records.js';
import type { Overrides, ResolvedKind } from './resolve/overrides.js';
import { type NewEntity, type Resolution, Resolver } from './resolve/resolver.js';

export type RelationshipType =
  | 'DERIVED_FROM'
  | 'DEVELOPED_BY'
  | 'TRAINED_ON'
  | 'POWERED_BY'
  | 'OFFERED_BY'
  // The technique pass (techniques/plan-pass.ts):
  | 'USES';

export interface PlannedRelationship {
  from: string;
  type: RelationshipType;
  /** Lineage kind of a DERIVED_FROM. */
  kind?: string;
  to: string;
  rowKey: string;
  /** Why it was typed so, for lineage the catalogue leaves untyped. */
  basis: string;
  /** The catalogue's sentence that states it (technique facts), and the confidence its rule gives. */
  quote?: string;
  confidence?: number;
}

export interface PlannedClaim {
  entityId: string;
  /** The entity's kind, whose rule the value must meet. */
  kind: ResolvedKind;
  attribute: keyof RecordAttributes;
  value: string | number | boolean;
  rowKey: string;
  quote?: string;
}

export interface Conflict {
  entityId: string;
  attribute: keyof RecordAttributes;
  graphValue: string | number | boolean;
  catalogueValue: string | number | boolean;
  rowKey: string;
}

export interface Ambiguity {
  rowKey: string;
  name: string;
  /** What the name was: the row's own entity, an organization, or a dependency. */
  role: 'record' | 'organization' | 'dependency';
  candidates: string[];
}

export interface Unresolved {
  rowKey: string;
  name: string;
  relation: string;
  reason: string;
}

export interface ImportPlan {
  format: string;
  rowsRead: number;
  recordsParsed: number;
  matched: Array<{ rowKey: string; name: string; id: string; by: 'name' | 'override' }>;
  /** Existing organizations the rows name (each once). */
  organizationsMatched: string[];
  /**
   * Existing entities a row names without describing them (organizations, training datasets), each
   * with the first row naming it: cited like the entities the import creates, so an import that
   * finds them already written (a resumed load) cites them as one that creates them.
   */
  mentioned: Array<{ id: string; rowKey: string }>;
  toCreate: NewEntity[];
  ambiguous: Ambiguity[];
  relationships: PlannedRelationship[];
  unresolved: Unresolved[];
  claims: PlannedClaim[];
  conflicts: Conflict[];
  skipped: Problem[];
  warnings: Problem[];
}

/** The relationship from a row's entity to the organizations its row names, by the entity's kind (datasets have none yet). */
const ORGANIZATION_RELATION: Partial<Record<ResolvedKind, RelationshipType>> = { MODEL: 'DEVELOPED_BY', PRODUCT: 'OFFERED_BY' };

/** Where a dependency may point, by its relation: datasets for TRAINED_ON, models otherwise, anything when untyped. */
const TARGET_KINDS: Record<Dependency['relation'], ResolvedKind[]> = {
  FINE_TUNE: ['MODEL'],
  ADAPTER: ['MODEL'],
  QUANTIZED: ['MODEL'],
  MERGE: ['MODEL'],
  BASE: ['MODEL'],
  TRAINED_ON: ['DATASET'],
  UNTYPED: ['MODEL', 'DATASET', 'PRODUCT'],
};

/**
 * The graph relationship a dependency becomes, or why it becomes none:
 * - a lineage kind the catalogue states (Hugging Face; Epoch's base model with finetune compute) is kept;
 * - Epoch's base model without finetune compute is lineage VARIANT: derived, manner not stated;
 * - an untyped dependency (Ecosystem Graphs) is typed by the kinds at both ends: model -> model lineage
 *   VARIANT, model -> dataset TRAINED_ON, product (an application) -> model POWERED_BY; other pairs are
 *   not imported.
 */
export function relationshipFor(
  relation: Dependency['relation'],
  fromKind: ResolvedKind,
  toKind: ResolvedKind,
): { type: RelationshipType; kind?: string; basis: string } | { reason: string } {
  if (isStatedLineage(relation)) return { type: 'DERIVED_FROM', kind: relation, basis: `stated ${relation.toLowerCase()}` };
  if (relation === 'BASE')
    return { type: 'DERIVED_FROM', kind: 'VARIANT', basis: 'base model without finetune compute: derived, manner not stated' };
  if (relation === 'TRAINED_ON') return { type: 'TRAINED_ON', basis: 'training dataset column' };
  const pair = `${fromKind}->${toKind}`;
  if (pair === 'MODEL->MODEL') return { type: 'DERIVED_FROM', kind: 'VARIANT', basis: 'dependency model -> model' };
  if (pair === 'MODEL->DATASET') return { type: 'TRAINED_ON', basis: 'dependency model -> dataset' };
  if (pair === 'PRODUCT->MODEL') return { type: 'POWERED_BY', basis: 'dependency application -> model' };
  return { reason: `a ${fromKind.toLowerCase()} depending on a ${toKind.toLowerCase()} has no relationship type yet` };
}

/** Values that say the same thing: a month agrees with a day inside it; counts within 5 % agree. */
export function sameValue(a: string | number | boolean, b: string | number | boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') return a.startsWith(b) || b.startsWith(a);
  return a === b;
}

export function planImport(parsed: ParseResult, existing: ExistingEntity[], overrides: Overrides): ImportPlan {
  const resolver = new Resolver(existing, overrides, parsed.format);
  const valuesOf = new Map(existing.map((e) => [e.id, e.values]));
  const plan: ImportPlan = {
    format: parsed.format,
    rowsRead: parsed.rowsRead,
    recordsParsed: parsed.records.length,
    matched: [],
    organizationsMatched: [],
    mentioned: [],
    toCreate: [],
    ambiguous: [],
    relationships: [],
    unresolved: [],
    claims: [],
    conflicts: [],
    skipped: [...parsed.skipped],
    warnings: [...parsed.warnings],
  };
  const relationshipKeys = new Set<string>();
  const relate = (r: PlannedRelationship) => {
    const key = `${r.from}|${r.type}|${r.to}`;
    if (relationshipKeys.has(key)) return;
    relationshipKeys.add(key);
    plan.relationships.push(r);
  };

  // Pass 1: every record's own entity, its organizations and its claims.
  const resolved: Array<{ record: CatalogueRecord; id: string }> = [];
  const rowOf = new Map<string, string>();
  for (const record of parsed.records) {
    const resolution = resolver.resolveRecord(record.name, record.aliases, record.kind, record.rowKey);
    if (resolution.status === 'ambiguous') {
      plan.ambiguous.push({ rowKey: record.rowKey, name: record.name, role: 'record', candidates: resolution.candidates });
      continue;
    }
    if (resolution.status !== 'matched' && resolution.status !== 'new') continue;
    // Two rows of one snapshot naming one entity are ambiguous, whether it exists yet or this import
    // creates it: so a second apply, which finds it in the graph, decides as the first did.
    const earlier = rowOf.get(resolution.id);
    if (earlier !== undefined) {
      plan.ambiguous.push({ rowKey: record.rowKey, name: record.name, role: 'record', candidates: [`${resolution.id} (also ${earlier})`] });
      continue;
    }
    rowOf.set(resolution.id, record.rowKey);
    if (resolution.status === 'matched')
      plan.matched.push({ rowKey: record.rowKey, name: record.name, id: resolution.id, by: resolution.by });
    resolved.push({ record, id: resolution.id });

    const kind = resolver.kindOf.get(resolution.id)!;
    if (resolution.status === 'new' && kind === 'PRODUCT')
      resolver.newEntities.get(resolution.id)!.props = { productKind: record.productKind ?? null, url: record.url ?? null };
    for (const organization of record.organizations) {
      const byOrganization = ORGANIZATION_RELATION[kind];
      if (byOrganization === undefined) {
        plan.unresolved.push({
          rowKey: record.rowKey,
          name: organization,
          relation: 'ORGANIZATION',
          reason: `a ${kind.toLowerCase()}'s organization has no relationship type yet`,
        });
        continue;
      }
      const org = resolver.resolveOrganization(organization, record.rowKey);
      if (org.status === 'ambiguous')
        plan.ambiguous.push({ rowKey: record.rowKey, name: organization, role: 'organization', candidates: org.candidates });
      else if (org.status === 'matched' || org.status === 'new') {
        if (org.status === 'matched' && !plan.organizationsMatched.includes(org.id)) {
          plan.organizationsMatched.push(org.id);
          plan.mentioned.push({ id: org.id, rowKey: record.rowKey });
        }
        relate({ from: resolution.id, type: byOrganization, to: org.id, rowKey: record.rowKey, basis: 'organization column' });
      }
    }
    addClaims(plan, record, resolution.id, kind, valuesOf.get(resolution.id));
  }

  // Pass 2: dependencies, now that every record of the catalogue has its entity.
  const mentionedIds = new Set(plan.mentioned.map((m) => m.id));
  for (const { record, id } of resolved) {
    for (const dependency of record.dependencies) {
      let target: Resolution = resolver.resolveReference(dependency.name, TARGET_KINDS[dependency.relation]);
      // A training dataset the catalogue names is a dataset even when no row describes it.
      if (target.status === 'unresolved' && dependency.relation === 'TRAINED_ON')
        target = resolver.create(dependency.name, [], 'DATASET', record.rowKey);
      if (target.status === 'ambiguous') {
        plan.ambiguous.push({ rowKey: record.rowKey, name: dependency.name, role: 'dependency', candidates: target.candidates });
        continue;
      }
      if (target.status === 'unresolved') {
        plan.unresolved.push({
          rowKey: record.rowKey,
          name: dependency.name,
          relation: dependency.relation,
          reason: 'names no entity in the graph or the catalogue',
        });
        continue;
      }
      if (target.id === id) {
        plan.unresolved.push({
          rowKey: record.rowKey,
          name: dependency.name,
          relation: dependency.relation,
          reason: 'names the row itself',
        });
        continue;
      }
      if (target.status === 'matched' && dependency.relation === 'TRAINED_ON' && !mentionedIds.has(target.id)) {
        mentionedIds.add(target.id);
        plan.mentioned.push({ id: target.id, rowKey: record.rowKey });
      }
      const typed = relationshipFor(dependency.relation, resolver.kindOf.get(id)!, resolver.kindOf.get(target.id)!);
      if ('reason' in typed)
        plan.unresolved.push({ rowKey: record.rowKey, name: dependency.name, relation: dependency.relation, reason: typed.reason });
      else relate({ from: id, ...typed, to: target.id, rowKey: record.rowKey });
    }
  }
  plan.toCreate = [...resolver.newEntities.values()];
  // An entity a row of this catalogue describes is cited by that row.
  plan.mentioned = plan.mentioned.filter((m) => !rowOf.has(m.id));
  return plan;
}

function addClaims(
  plan: ImportPlan,
  record: CatalogueRecord,
  entityId: string,
  kind: ResolvedKind,
  graphValues: RecordAttributes | undefined,
): void {
  for (const [attribute, value] of Object.entries(record.attributes) as Array<[keyof RecordAttributes, string | number | boolean]>) {
    if (value === undefined) continue;
    const quote = record.quotes.find((q) => q.attribute === attribute)?.text;
    plan.claims.push({ entityId, kind, attribute, value, rowKey: record.rowKey, ...(quote ? { quote } : {}) });
    const graphValue = graphValues?.[attribute];
    if (graphValue !== undefined && !sameValue(graphValue, value))
      plan.conflicts.push({ entityId, attribute, graphValue, catalogueValue: value, rowKey: record.rowKey });
  }
}
