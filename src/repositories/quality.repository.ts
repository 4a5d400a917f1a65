import { z } from 'zod';
import { type DbScope, int } from '../db/database.js';
import { CITES, ENTITY_LABEL, EntityType, label, RelationType, relType, SOURCE_LABEL, TYPE_OF_LABEL } from '../domain/graph-model.js';
import { LIMITS, requireRange } from '../domain/limits.js';
import { readAllById } from './pages.js';

/**
 * Plausibility flags on claims: a claim (a CITES relationship with an attribute) failing a rule holds
 * the rules' names and reasons in two parallel lists, `qualityRules` and `qualityReasons`. They are
 * derived (src/quality/pass.ts writes them after every load and import), so the seed files do not hold them.
 */
const BATCH = 10_000;

const claimFact = z.object({
  ordinal: z.number(),
  attribute: z.string(),
  value: z.string(),
  confidence: z.number(),
  rank: z.string().nullable(),
  hedged: z.boolean().nullable(),
  sourceId: z.string(),
  quote: z.string().nullable(),
  sourceDate: z.string().nullable(),
  rules: z.array(z.string()).nullable(),
  reasons: z.array(z.string()).nullable(),
});
const entityFacts = z.object({
  id: z.string(),
  labels: z.array(z.string()),
  name: z.string(),
  developers: z.array(z.string()),
  claims: z.array(claimFact),
});
const lineageFact = z.object({ from: z.string(), to: z.string(), kind: z.string().nullable() });

export type StoredClaim = z.infer<typeof claimFact>;
export interface StoredEntity {
  id: string;
  type: EntityType;
  name: string;
  developers: string[];
  claims: StoredClaim[];
}
export interface FlagWrite {
  entityId: string;
  ordinal: number;
  /** null clears the claim's flags. */
  rules: string[] | null;
  reasons: string[] | null;
}

export interface QualityFilter {
  rule?: string;
  type?: EntityType;
  attribute?: string;
  entityId?: string;
}
export interface QualityIssueRow {
  entityId: string;
  entityName: string;
  entityType: EntityType;
  attribute: string;
  value: string;
  rule: string;
  reason: string;
  /** The value the attribute shows instead (JSON text), null when it shows none. */
  shownInstead: string | null;
  source: { id: string; title: string | null; url: string | null; file: string | null };
  /** Keyset of the row: entity id, claim ordinal, rule. */
  key: [string, number, string];
}

const issueRow = z.object({
  entityId: z.string(),
  entityName: z.string(),
  labels: z.array(z.string()),
  attribute: z.string(),
  value: z.string(),
  rule: z.string(),
  reason: z.string(),
  shown: z.unknown(),
  ordinal: z.number(),
  source: z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable(), file: z.string().nullable() }),
});

const typeOf = (labels: string[]): EntityType => TYPE_OF_LABEL[labels.find((l) => l in TYPE_OF_LABEL) ?? ''] ?? EntityType.MODEL;

/** Each flagged claim once per rule it fails, narrowed by the filter ($filter's absent keys are null). */
const ISSUES = `
  MATCH (n:${ENTITY_LABEL})-[c:${relType(CITES)}]->(s:${SOURCE_LABEL})
  WHERE c.qualityRules IS NOT NULL AND ($filter.entityId IS NULL OR n.id = $filter.entityId)
    AND ($filter.attribute IS NULL OR c.attribute = $filter.attribute)
    AND ($filter.label IS NULL OR $filter.label IN labels(n))
  UNWIND range(0, size(c.qualityRules) - 1) AS i
  WITH n, c, s, c.qualityRules[i] AS rule, c.qualityReasons[i] AS reason
  WHERE ($filter.rule IS NULL OR rule = $filter.rule)`;

export class QualityRepository {
  constructor(private readonly db: DbScope) {}

  /** Every entity with claims: its kind, name, developers and claims with their sources' dates and present flags. */
  async entities(): Promise<StoredEntity[]> {
    return readAllById(
      this.db,
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id > $after AND EXISTS { (n)-[c:${relType(CITES)}]->() WHERE c.attribute IS NOT NULL }
       WITH n ORDER BY n.id LIMIT $limit
       RETURN n.id AS id, labels(n) AS labels, n.name AS name,
              [(n)-[:${relType(RelationType.DEVELOPED_BY)}]->(o) | o.id] AS developers,
              COLLECT { MATCH (n)-[c:${relType(CITES)}]->(s:${SOURCE_LABEL}) WHERE c.attribute IS NOT NULL
                        WITH c, s ORDER BY c.ordinal
                        RETURN {ordinal: c.ordinal, attribute: c.attribute, value: c.value, confidence: c.confidence, rank: c.rank,
                                hedged: c.hedged, sourceId: s.id, quote: c.quote, sourceDate: s.date, rules: c.qualityRules, reasons: c.qualityReasons} } AS claims
       ORDER BY id`,
      (raw) => {
        const row = entityFacts.parse(raw);
        return { id: row.id, type: typeOf(row.labels), name: row.name, developers: row.developers, claims: row.claims };
      },
    );
  }

  async lineage(): Promise<Array<z.infer<typeof lineageFact>>> {
    const model = label(EntityType.MODEL);
    const rows = await this.db.read(
      `MATCH (a:${model})-[r:${relType(RelationType.DERIVED_FROM)}]->(b:${model}) RETURN a.id AS from, b.id AS to, r.kind AS kind ORDER BY from, to`,
    );
    return rows.map((r) => lineageFact.parse(r));
  }

  /** Sets (or clears) the flags of the given claims, in batches. */
  async writeFlags(rows: FlagWrite[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH).map((r) => ({ ...r, ordinal: int(r.ordinal) }));
      await this.db.write((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MATCH (:${ENTITY_LABEL} {id: row.entityId})-[c:${relType(CITES)}]->() WHERE c.ordinal = row.ordinal AND c.attribute IS NOT NULL
           SET c.qualityRules = row.rules, c.qualityReasons = row.reasons`,
          { rows: batch },
        ),
      );
    }
  }

  /** A page of flagged values in (entity id, claim, rule) order, after the keyset `after`. */
  async list(
    filter: QualityFilter,
    first: number,
    after?: [string, number, string],
  ): Promise<{ rows: QualityIssueRow[]; hasNextPage: boolean }> {
    const limit = requireRange('first', first, LIMITS.first);
    const rows = await this.db.read(
      `${ISSUES}
         AND ($after IS NULL OR n.id > $after[0] OR (n.id = $after[0] AND (c.ordinal > $after[1] OR (c.ordinal = $after[1] AND rule > $after[2]))))
       RETURN n.id AS entityId, n.name AS entityName, labels(n) AS labels, c.attribute AS attribute, c.value AS value, rule, reason,
              n[c.attribute] AS shown, c.ordinal AS ordinal, s {.id, .title, .url, .file} AS source
       ORDER BY entityId, ordinal, rule LIMIT $limit`,
      { filter: this.params(filter), after: after ?? null, limit: int(limit + 1) },
    );
    const parsed = rows.map((raw) => issueRow.parse(raw));
    return {
      hasNextPage: parsed.length > limit,
      rows: parsed.slice(0, limit).map((r) => ({
        entityId: r.entityId,
        entityName: r.entityName,
        entityType: typeOf(r.labels),
        attribute: r.attribute,
        value: r.value,
        rule: r.rule,
        reason: r.reason,
        shownInstead: r.shown === null || r.shown === undefined ? null : JSON.stringify(r.shown),
        source: r.source,
        key: [r.entityId, r.ordinal, r.rule],
      })),
    };
  }

  /** How many flagged values match the filter, by rule. */
  async countByRule(filter: QualityFilter): Promise<Array<{ rule: string; count: number }>> {
    const rows = await this.db.read(`${ISSUES} RETURN rule, count(*) AS count ORDER BY rule`, { filter: this.params(filter) });
    return rows.map((r) => z.object({ rule: z.string(), count: z.number() }).parse(r));
  }

  private params(filter: QualityFilter) {
    return {
      rule: filter.rule ?? null,
      attribute: filter.attribute ?? null,
      entityId: filter.entityId ?? null,
      label: filter.type === undefined ? null : label(filter.type),
    };
  }
}
