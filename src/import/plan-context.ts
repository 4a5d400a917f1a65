/** What the planner's passes share: the plan being built, the resolver, and the records resolved so far. */
import type { EntityType } from '../domain/registry.js';
import type { Decisions } from '../resolve/decisions.js';
import type { ResolvableEntity } from '../resolve/entity.js';
import { nameKey } from '../resolve/names.js';
import { Resolver } from '../resolve/resolver.js';
import type { ImportPlan, PlannedRelationship } from './plan-types.js';
import type { CatalogueRecord, ParseResult } from './records.js';

/** At most this many aliases on an entity (the write rules' limit). */
const MAX_ALIASES = 40;

export class PlanContext {
  readonly plan: ImportPlan;
  readonly resolver: Resolver;
  /** Each record that got an entity, with the organizations it names (resolved) and its entity's kind. */
  readonly resolved: Array<{ record: CatalogueRecord; id: string; kind: EntityType; developers: string[] }> = [];
  /** Entity id -> the row describing it: two rows naming one entity are ambiguous. */
  readonly rowOf = new Map<string, string>();
  readonly values = new Map<string, ResolvableEntity['values']>();
  private readonly names = new Map<string, { name: string; aliases: string[] }>();
  private readonly relationshipKeys = new Set<string>();
  private readonly aliasesOf = new Map<string, string[]>();

  constructor(
    readonly parsed: ParseResult,
    existing: ResolvableEntity[],
    decisions: Decisions,
  ) {
    this.resolver = new Resolver(existing, decisions, parsed.format);
    for (const e of existing) {
      this.values.set(e.id, e.values);
      this.names.set(e.id, { name: e.name, aliases: e.aliases });
    }
    this.plan = {
      format: parsed.format,
      rowsRead: parsed.rowsRead,
      recordsParsed: parsed.records.length,
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
      skipped: [...parsed.skipped],
      warnings: [...parsed.warnings],
    };
  }

  relate(relationship: PlannedRelationship): void {
    const key = `${relationship.from}|${relationship.type}|${relationship.to}`;
    if (this.relationshipKeys.has(key)) return;
    this.relationshipKeys.add(key);
    this.plan.relationships.push(relationship);
  }

  /** An existing entity named by a row that does not describe it: cited by the first such row. */
  mention(id: string, rowKey: string): void {
    if (this.plan.mentioned.some((m) => m.id === id)) return;
    this.plan.mentioned.push({ id, rowKey });
  }

  /** The names a row gives an existing entity it matched, beyond those it has: kept as aliases. */
  addAliases(id: string, names: string[]): void {
    const created = this.resolver.newEntities.get(id);
    if (created !== undefined) {
      const fresh = names.filter((n) => n !== created.name && !created.aliases.includes(n));
      created.aliases.push(...fresh.slice(0, Math.max(0, MAX_ALIASES - created.aliases.length)));
      return;
    }
    const known = this.names.get(id);
    if (known === undefined) return;
    const have = new Set([known.name, ...known.aliases, ...(this.aliasesOf.get(id) ?? [])].map(nameKey));
    const fresh = names.filter((name) => !have.has(nameKey(name)));
    const room = MAX_ALIASES - known.aliases.length - (this.aliasesOf.get(id)?.length ?? 0);
    if (fresh.length > 0 && room > 0) this.aliasesOf.set(id, [...(this.aliasesOf.get(id) ?? []), ...fresh.slice(0, room)]);
  }

  finish(): ImportPlan {
    const plan = this.plan;
    plan.toCreate = [...this.resolver.newEntities.values()];
    plan.review = this.resolver.reviews;
    plan.aliases = [...this.aliasesOf].map(([id, aliases]) => ({ id, aliases }));
    // An entity a row of this catalogue describes is cited by that row.
    plan.mentioned = plan.mentioned.filter((m) => !this.rowOf.has(m.id));
    return plan;
  }
}
