import { z } from 'zod';
import type { DatabaseScopes } from '../db/database.js';
import { CITES, ENTITY_LABEL, GRAPH_META_LABEL, knownLabel, label, relType, SORT_NAME, SOURCE_LABEL } from '../domain/graph-model.js';
import {
  claimableOf,
  ENTITY_TYPES,
  type EntityType,
  isStatement,
  RELATION_TYPES,
  type RelationType,
  statementPropertiesOf,
} from '../domain/registry.js';
import { claimedValues } from '../domain/write-rules.js';
import { VERSION_LABEL } from '../db/data-version.js';
import type { CitationRow, EntityRow, GraphRows, RelationshipRow, SourceRow } from '../domain/graph-rows.js';

const BATCH = 1_000;
/** Node values set per statement: one small map per node, so larger batches than the upserts'. */
const VALUE_BATCH = 10_000;

/** The claimable values an entity's node shows (null removes one). */
export interface ValueWrite {
  id: string;
  type: EntityType;
  props: Record<string, unknown>;
}
/** The completion marker of a load, written last: a graph without it is incomplete and gets loaded again. */
const META_LABEL = knownLabel(GRAPH_META_LABEL);

/** Reports a load's progress after each batch (done of total). */
export type OnBatch = (done: number, total: number) => void | Promise<void>;

const chunks = <T>(rows: T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

// Labels and relationship types below come from the registry's helpers, never from data. Aliases the
// node has beyond the row's (a catalogue's names for it) are kept: a load removes nothing.
const upsertEntities = (type: EntityType) => `
  UNWIND $rows AS row
  MERGE (n:${ENTITY_LABEL} {id: row.id})
  WITH n, row, row.aliases + [a IN coalesce(n.aliases, []) WHERE NOT a IN row.aliases AND a <> row.name] AS aliases
  SET n:${label(type)}, n.name = row.name, n.${SORT_NAME} = toLower(row.name), n.aliases = aliases,
      n.aliasText = reduce(text = '', a IN aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + a),
      n.description = row.description, n += row.props`;

/**
 * A held citation keeps its rank: curation may have re-ranked it (see CurationRepository).
 * A citation the entity does not hold yet is appended after the ones it has ($offsets: the next
 * free ordinal of entities that had citations before this load); one it holds keeps its place.
 */
const appendCitations = `
  UNWIND $rows AS row
  MATCH (n:${ENTITY_LABEL} {id: row.entityId}) MATCH (s:${SOURCE_LABEL} {id: row.sourceId})
  WITH n, s, row, head(COLLECT { MATCH (n)-[c:${relType(CITES)}]->(s)
    WHERE coalesce(c.quote, '') = coalesce(row.quote, '') AND coalesce(c.note, '') = coalesce(row.note, '')
      AND coalesce(c.attribute, '') = coalesce(row.attribute, '')
      AND coalesce(c.value, '') = coalesce(row.value, '') RETURN c }) AS known
  FOREACH (_ IN CASE WHEN known IS NULL THEN [1] ELSE [] END |
    CREATE (n)-[:${relType(CITES)} {ordinal: row.ordinal + coalesce($offsets[row.entityId], 0), quote: row.quote,
      note: row.note, confidence: row.confidence, attribute: row.attribute, value: row.value,
      rank: row.rank, reason: row.reason, hedged: row.hedged, locator: row.locator}]->(s))
  FOREACH (_ IN CASE WHEN known IS NULL THEN [] ELSE [1] END |
    SET known.confidence = row.confidence, known.reason = row.reason, known.hedged = row.hedged)`;

/**
 * Relationship citations are parallel lists; the ones the relationship lacks (by source, quote and
 * note) are appended. Notes are padded first: relationships written before notes existed lack them.
 */
const upsertRelationships = (type: RelationType) => `
  UNWIND $rows AS row
  MATCH (a:${ENTITY_LABEL} {id: row.from})
  MATCH (b:${ENTITY_LABEL} {id: row.to})
  MERGE (a)-[r:${relType(type)}${isStatement(type) ? ' {key: row.key}' : ''}]->(b)
  ON CREATE SET r.citationSources = [], r.citationQuotes = [], r.citationNotes = [], r.citationConfidences = []
  SET r.citationNotes = [j IN range(0, size(r.citationSources) - 1) | coalesce(r.citationNotes[j], '')]
  WITH r, row, [i IN range(0, size(row.citationSources) - 1)
    WHERE NOT any(j IN range(0, size(r.citationSources) - 1)
      WHERE r.citationSources[j] = row.citationSources[i] AND r.citationQuotes[j] = row.citationQuotes[i]
        AND r.citationNotes[j] = row.citationNotes[i])] AS fresh
  SET r.id = row.id, r.kind = row.kind,
      r.citationNotes = r.citationNotes + [i IN fresh | row.citationNotes[i]],
      r.citationSources = r.citationSources + [i IN fresh | row.citationSources[i]],
      r.citationQuotes = r.citationQuotes + [i IN fresh | row.citationQuotes[i]],
      r.citationConfidences = r.citationConfidences + [i IN fresh | row.citationConfidences[i]]
  SET r.confidence = reduce(top = 0.0, c IN r.citationConfidences | CASE WHEN c > top THEN c ELSE top END)${
    isStatement(type) ? '\n  SET r += row.props' : ''
  }`;

/** A statement relationship's key and properties, for reading it back (nothing for the others). */
const statementProjection = (type: RelationType, r: string): string =>
  isStatement(type)
    ? `, key: ${r}.key, props: ${r} {${statementPropertiesOf(type)
        .map(([name]) => `.${name}`)
        .join(', ')}}`
    : '';

// Decoders for what the driver returns: a row of another shape fails loudly here, not later.
const nullableString = z.string().nullable();
const sourceRow = z.object({
  id: z.string(),
  title: nullableString,
  file: nullableString,
  url: nullableString,
  author: nullableString,
  date: nullableString,
  license: nullableString.default(null),
  version: nullableString.default(null),
  retrieved: nullableString.default(null),
});
const entityProps = z
  .object({ id: z.string(), name: z.string(), aliases: z.array(z.string()).default([]), description: z.string().nullable().default(null) })
  .catchall(z.unknown());
const citationRow = z.object({
  entityId: z.string(),
  sourceId: z.string(),
  ordinal: z.number().int(),
  quote: nullableString,
  note: nullableString,
  confidence: z.number(),
  attribute: nullableString,
  value: nullableString,
  rank: nullableString,
  reason: nullableString,
  hedged: z.boolean().nullable(),
  flags: z.array(z.object({ rule: z.string(), reason: z.string() })),
  locator: nullableString,
});
const relationshipRow = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  kind: nullableString,
  citationSources: z.array(z.string()),
  citationQuotes: z.array(z.string()),
  citationNotes: z.array(z.string()),
  citationConfidences: z.array(z.number()),
  confidence: z.number(),
  key: z.string().optional(),
  props: z.record(z.string(), z.unknown()).optional(),
});
const claimRow = z.object({
  id: z.string(),
  attribute: z.string(),
  value: z.string(),
  confidence: z.number(),
  rank: z.string().nullable(),
  hedged: z.boolean().nullable(),
  flags: z.array(z.string()).nullable(),
});
const count = z.object({ n: z.number() });
const offsetRow = z.object({ id: z.string(), next: z.number() });

/** Writes the dataset into Neo4j and reads it back; idempotent, in batches of UNWIND rows. */
export class SeedRepository {
  constructor(private readonly db: DatabaseScopes) {}

  async isEmpty(): Promise<boolean> {
    const rows = await this.db.scope().read(`RETURN COUNT { (:${ENTITY_LABEL}) } AS n`);
    return count.parse(rows[0]).n === 0;
  }

  /** True once a load ran to its end (its marker is the last thing it writes). */
  async isSeeded(): Promise<boolean> {
    const [row] = await this.db.scope().read(`RETURN COUNT { (:${META_LABEL} {id: 'seed'}) } AS n`);
    return row?.n === 1;
  }

  /** The default catalogues a load cut short had finished (each marked as it finished). */
  async finishedCatalogues(): Promise<string[]> {
    const [row] = await this.db
      .scope()
      .read(`OPTIONAL MATCH (m:${META_LABEL} {id: 'seed-steps'}) RETURN coalesce(m.finished, []) AS finished`);
    return (row?.finished as string[] | undefined) ?? [];
  }

  /** Marks one default catalogue finished, so a resumed load does not plan it again against what later ones wrote. */
  async markCatalogueFinished(name: string): Promise<void> {
    await this.db.scope().write((tx) =>
      tx.run(
        `MERGE (m:${META_LABEL} {id: 'seed-steps'})
         SET m.finished = CASE WHEN $name IN coalesce(m.finished, []) THEN m.finished ELSE coalesce(m.finished, []) + $name END`,
        { name },
      ),
    );
  }

  /** `catalogues`: the default catalogues the load took besides the documents (DEFAULT_CATALOGUES). */
  async markSeeded(seedHash: string, catalogues: string[] = []): Promise<void> {
    await this.db.scope().write((tx) =>
      tx.run(`MERGE (m:${META_LABEL} {id: 'seed'}) SET m.seededAt = datetime(), m.seedHash = $seedHash, m.catalogues = $catalogues`, {
        seedHash,
        catalogues,
      }),
    );
  }

  /** Removes every node and relationship but the data version (which only grows), in batches so a large graph does not need one huge transaction. */
  async reset(): Promise<void> {
    const scope = this.db.scope();
    for (;;) {
      const rows = await scope.write((tx) =>
        tx.run(`MATCH (n) WHERE NOT n:${VERSION_LABEL} WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n`),
      );
      if (count.parse(rows[0]).n === 0) return;
    }
  }

  /**
   * Merges the rows into the graph. Nothing already there is removed: a citation the graph holds is
   * kept (its confidence updated), a new one is appended, so loading a partial dataset over a
   * curated graph loses no curated fact. Claimable node values are then recomputed from all the
   * claims the entity holds, with the same rule as a fresh load (preferredValue). `onBatch` hears
   * of every committed batch, for progress and for the interrupted-load tests.
   */
  async write(rows: GraphRows, onBatch: OnBatch = () => {}): Promise<void> {
    // A deadline per batch, not one for the whole write: a large import's batches add up past any one deadline.
    const scope = () => this.db.scope({ timeoutMs: 120_000 });
    const entityLists = Object.values(rows.entities);
    const sizes = [rows.sources, ...entityLists, rows.citations, ...Object.values(rows.relationships)];
    const total = sizes.reduce((sum, list) => sum + Math.ceil(list.length / BATCH), 0);
    let done = 0;
    const run = async (cypher: string, all: unknown[], params: Record<string, unknown> = {}) => {
      for (const batch of chunks(all)) {
        await scope().write((tx) => tx.run(cypher, { ...params, rows: batch }));
        done += 1;
        await onBatch(done, total);
      }
    };
    await run(
      `UNWIND $rows AS row MERGE (s:${SOURCE_LABEL} {id: row.id})
       SET s.title = row.title, s.file = row.file, s.url = row.url, s.author = row.author, s.date = row.date,
           s.license = coalesce(row.license, s.license), s.version = coalesce(row.version, s.version),
           s.retrieved = coalesce(row.retrieved, s.retrieved)`,
      rows.sources,
    );
    for (const type of ENTITY_TYPES) await run(upsertEntities(type), rows.entities[type]);

    const cited = [...new Set(rows.citations.map((c) => c.entityId))];
    const offsets: Record<string, number> = {};
    for (const batch of chunks(cited)) {
      const found = await scope().read(
        `UNWIND $ids AS id MATCH (:${ENTITY_LABEL} {id: id})-[c:${relType(CITES)}]->() RETURN id, max(c.ordinal) + 1 AS next`,
        { ids: batch },
      );
      for (const row of found.map((r) => offsetRow.parse(r))) offsets[row.id] = row.next;
    }
    await run(appendCitations, rows.citations, { offsets });
    if (Object.keys(offsets).length > 0) await this.recomputeClaimedValues(Object.keys(offsets));

    for (const type of RELATION_TYPES) await run(upsertRelationships(type), rows.relationships[type]);
  }

  /**
   * Entities that held citations before the load (or gained a merged one's) may now hold claims from
   * both: their node values follow all of them (and the plausibility flags the quality pass wrote on them).
   */
  async recomputeClaimedValues(ids: string[]): Promise<void> {
    for (const type of ENTITY_TYPES) {
      const attributes = claimableOf(type);
      // Every cited id, not only the rows' entities: an import cites entities it does not rewrite.
      const entities = ids;
      if (attributes.length === 0 || entities.length === 0) continue;
      for (const batch of chunks(entities)) {
        // A deadline per batch: thousands of entities (a refresh superseding a catalogue's values) take many.
        const scope = this.db.scope({ timeoutMs: 120_000 });
        const claims = (
          await scope.read(
            `UNWIND $ids AS id MATCH (:${label(type)} {id: id})-[c:${relType(CITES)}]->() WHERE c.attribute IS NOT NULL
             RETURN id, c.attribute AS attribute, c.value AS value, c.confidence AS confidence, c.rank AS rank, c.hedged AS hedged,
                    c.qualityRules AS flags
             ORDER BY id, c.ordinal`,
            { ids: batch },
          )
        ).map((r) => claimRow.parse(r));
        const byId = new Map(batch.map((id) => [id, [] as Array<Omit<(typeof claims)[number], 'value'> & { value: unknown }>]));
        for (const c of claims) byId.get(c.id)?.push({ ...c, value: JSON.parse(c.value) as unknown });
        await this.writeClaimedValues(batch.map((id) => ({ id, type, props: claimedValues(type, byId.get(id)!) })));
      }
    }
  }

  /** Sets the claimable values entities' nodes show (null removes one), per kind through the kind's id constraint. */
  async writeClaimedValues(rows: ValueWrite[]): Promise<void> {
    for (const type of new Set(rows.map((r) => r.type))) {
      const ofType = rows.filter((r) => r.type === type);
      for (let i = 0; i < ofType.length; i += VALUE_BATCH)
        await this.db.scope({ timeoutMs: 120_000 }).write((tx) =>
          tx.run(`UNWIND $rows AS row MATCH (n:${label(type)} {id: row.id}) SET n += row.props`, {
            rows: ofType.slice(i, i + VALUE_BATCH).map(({ id, props }) => ({ id, props })),
          }),
        );
    }
  }

  /** Everything the seed format holds, read back from the graph in a stable order. */
  async read(): Promise<GraphRows> {
    const scope = this.db.scope({ timeoutMs: 120_000 });
    const sources: SourceRow[] = (
      await scope.read(
        `MATCH (s:${SOURCE_LABEL}) RETURN s {.id, .title, .file, .url, .author, .date, .license, .version, .retrieved} AS row ORDER BY s.id`,
      )
    ).map((r) => sourceRow.parse(r.row));
    const entities = {} as Record<EntityType, EntityRow[]>;
    for (const type of ENTITY_TYPES) {
      entities[type] = (await scope.read(`MATCH (n:${label(type)}) RETURN properties(n) AS props ORDER BY n.id`)).map((r) => {
        const { id, name, aliases, aliasText: _aliasText, description, [SORT_NAME]: _sortName, ...rest } = entityProps.parse(r.props);
        return { id, name, aliases, aliasText: aliases.join(' | '), description, props: rest };
      });
    }
    const citations: CitationRow[] = (
      await scope.read(
        `MATCH (n:${ENTITY_LABEL})-[c:${relType(CITES)}]->(s:${SOURCE_LABEL})
       RETURN {entityId: n.id, sourceId: s.id, ordinal: c.ordinal, quote: c.quote, note: c.note, confidence: c.confidence,
               attribute: c.attribute, value: c.value, rank: c.rank, reason: c.reason, hedged: c.hedged, locator: c.locator,
               flags: [i IN range(0, size(coalesce(c.qualityRules, [])) - 1) | {rule: c.qualityRules[i], reason: c.qualityReasons[i]}]} AS row
       ORDER BY n.id, c.ordinal`,
      )
    ).map((r) => citationRow.parse(r.row));
    const relationships = {} as Record<RelationType, RelationshipRow[]>;
    for (const type of RELATION_TYPES) {
      relationships[type] = (
        await scope.read(
          `MATCH (a:${ENTITY_LABEL})-[r:${relType(type)}]->(b:${ENTITY_LABEL})
         RETURN {id: r.id, from: a.id, to: b.id, kind: r.kind, citationSources: r.citationSources, citationQuotes: r.citationQuotes,
                 citationNotes: [j IN range(0, size(r.citationSources) - 1) | coalesce(r.citationNotes[j], '')],
                 citationConfidences: r.citationConfidences, confidence: r.confidence${statementProjection(type, 'r')}} AS row
         ORDER BY a.id, b.id, r.key`,
        )
      ).map((r) => relationshipRow.parse(r.row));
    }
    return { sources, entities, citations, relationships };
  }
}
