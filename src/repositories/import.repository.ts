/**
 * Cypher of the catalogue importer: what the import resolves names against, and the bulk path that
 * writes a whole generated graph into an empty store (the benchmark's 100k-model scale).
 */
import { z } from 'zod';
import type { DatabaseScopes } from '../db/database.js';
import { CITES, ENTITY_LABEL, EntityType, LABEL_OF, RelationType, relType, SORT_NAME, SOURCE_LABEL } from '../domain/graph-model.js';
import { edgeId, type GraphRows } from '../domain/graph-rows.js';
import { isStatement } from '../domain/registry.js';
import { readAllById } from './pages.js';
import { type OnBatch, SeedRepository } from './seed.repository.js';

/** Rows per UNWIND statement (and per transaction): large enough that Bolt round trips stop mattering. */
export const BULK_BATCH = 10_000;
/** Bulk batches in flight at once: two keep Neo4j busy while the driver packs the next batch. */
export const BULK_CONCURRENCY = 2;
/** Each batch's own deadline; a whole load may take minutes, a batch must not. */
const BATCH_TIMEOUT_MS = 300_000;

const createEntities = (label: string) => `
  UNWIND $rows AS row
  CREATE (n:${ENTITY_LABEL}:${label} {id: row.id, name: row.name, ${SORT_NAME}: toLower(row.name), aliases: row.aliases,
          aliasText: row.aliasText, description: row.description})
  SET n += row.props`;

const createRelationships = (type: RelationType) => `
  UNWIND $rows AS row
  MATCH (a:${ENTITY_LABEL} {id: row.from})
  MATCH (b:${ENTITY_LABEL} {id: row.to})
  CREATE (a)-[r:${type} {id: row.id, kind: row.kind, citationSources: row.citationSources, citationQuotes: row.citationQuotes,
                       citationNotes: row.citationNotes, citationConfidences: row.citationConfidences, confidence: row.confidence}]->(b)${
                         isStatement(type) ? '\n  SET r.key = row.key, r += row.props' : ''
                       }`;

/** The same properties as the seed repository's citations (null ones are simply not stored). */
const createCitations = `
  UNWIND $rows AS row
  MATCH (n:${ENTITY_LABEL} {id: row.entityId})
  MATCH (s:${SOURCE_LABEL} {id: row.sourceId})
  CREATE (n)-[:${CITES} {ordinal: row.ordinal, quote: row.quote, note: row.note, confidence: row.confidence,
                          attribute: row.attribute, value: row.value, rank: row.rank, reason: row.reason, hedged: row.hedged,
                          locator: row.locator}]->(s)`;

/** An entity as the importer resolves against it (import/existing.ts turns it into the resolution's terms). */
const existingEntityRow = z.object({
  id: z.string(),
  label: z.string().nullable(),
  name: z.string(),
  aliases: z.array(z.string()),
  props: z.record(z.string(), z.unknown()),
  developers: z.array(z.string()),
  sources: z.array(z.string()),
  /** `<catalogue Source id>|<locator>` of the catalogue rows that state its attributes (a stable row key, models.dev's path). */
  keys: z.array(z.string()),
  uncited: z.boolean(),
});
export type ExistingEntityRow = z.infer<typeof existingEntityRow>;

export class ImportRepository {
  constructor(private readonly db: DatabaseScopes) {}

  /**
   * Every entity as resolution sees it, in one statement: id, the first of `labels` it carries, names,
   * the entities `ownerTypes` lead to (its makers, an organization's parents), its properties, the
   * catalogue Sources citing it, and whether anything cites it (src/import/existing.ts reads them in
   * the resolution's terms).
   */
  async existingEntities(labels: string[], ownerTypes: RelationType[], onlyLabels?: string[]): Promise<ExistingEntityRow[]> {
    const rows = await this.db.scope({ timeoutMs: 120_000 }).read(
      `MATCH (n:${ENTITY_LABEL}) WHERE $only IS NULL OR any(l IN labels(n) WHERE l IN $only)
       RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, n.name AS name, coalesce(n.aliases, []) AS aliases,
              properties(n) AS props,
              [(n)-[:${ownerTypes.map(relType).join('|')}]->(o:${ENTITY_LABEL}) | o.id] AS developers,
              COLLECT { MATCH (n)-[:${relType(CITES)}]->(s:${SOURCE_LABEL}) WHERE s.id STARTS WITH 'catalogue-' RETURN DISTINCT s.id } AS sources,
              COLLECT { MATCH (n)-[c:${relType(CITES)}]->(s:${SOURCE_LABEL})
                        WHERE s.id STARTS WITH 'catalogue-' AND c.attribute IS NOT NULL AND c.locator IS NOT NULL
                        RETURN DISTINCT s.id + '|' + c.locator } AS keys,
              NOT EXISTS { (n)-[:${relType(CITES)}]->() } AS uncited`,
      { labels, only: onlyLabels ?? null },
    );
    return rows.map((row) => existingEntityRow.parse(row));
  }

  /** Every entity id (a streamed import's new ids must differ from all of them). */
  async entityIds(): Promise<string[]> {
    const rows = await readAllById(
      this.db.scope({ timeoutMs: 120_000 }),
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id > $after RETURN n.id AS id ORDER BY n.id LIMIT $limit`,
      (r) => ({ id: String(r.id) }),
    );
    return rows.map((r) => r.id);
  }

  /**
   * Every model's names (name and aliases, where a Hugging Face repo id is kept), aliases and shown release
   * date, a page at a time: what a streamed import resolves repo ids against.
   */
  async modelNames(): Promise<Array<{ id: string; name: string; aliases: string[]; releaseDate: string | null }>> {
    return readAllById(
      this.db.scope({ timeoutMs: 120_000 }),
      `MATCH (n:${LABEL_OF[EntityType.MODEL]}) WHERE n.id > $after
       RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.releaseDate AS releaseDate ORDER BY n.id LIMIT $limit`,
      (r) => ({
        id: String(r.id),
        name: String(r.name),
        aliases: r.aliases as string[],
        releaseDate: r.releaseDate === null ? null : String(r.releaseDate),
      }),
    );
  }

  /** Appends names to entities' aliases (those they lack), keeping the search text in step. */
  async addAliases(additions: Array<{ id: string; aliases: string[] }>): Promise<void> {
    for (let i = 0; i < additions.length; i += BULK_BATCH)
      await this.db.scope({ timeoutMs: BATCH_TIMEOUT_MS }).write((tx) =>
        tx.run(
          `UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id})
           WITH n, [a IN row.aliases WHERE a <> n.name AND NOT a IN coalesce(n.aliases, [])] AS fresh WHERE size(fresh) > 0
           SET n.aliases = coalesce(n.aliases, []) + fresh
           SET n.aliasText = reduce(text = '', a IN n.aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + a)`,
          { rows: additions.slice(i, i + BULK_BATCH) },
        ),
      );
  }

  /** The lineage kind of each of these model pairs the graph already links, by edge id (a catalogue never retypes them). */
  async lineageKinds(pairs: Array<{ from: string; to: string }>): Promise<Map<string, string | null>> {
    const kinds = new Map<string, string | null>();
    for (let i = 0; i < pairs.length; i += BULK_BATCH) {
      const rows = await this.db.scope({ timeoutMs: BATCH_TIMEOUT_MS }).read(
        `UNWIND $pairs AS p
         MATCH (:${ENTITY_LABEL} {id: p.from})-[r:${RelationType.DERIVED_FROM}]->(:${ENTITY_LABEL} {id: p.to})
         RETURN p.from AS from, p.to AS to, r.kind AS kind`,
        { pairs: pairs.slice(i, i + BULK_BATCH) },
      );
      for (const row of rows)
        kinds.set(edgeId(String(row.from), RelationType.DERIVED_FROM, String(row.to)), (row.kind as string | null) ?? null);
    }
    return kinds;
  }

  /**
   * Writes an import through the shared write model (entities merged, citations appended, claimed
   * values recomputed; the catalogue's details are its Source row), with the names it adds to matched
   * entities first.
   */
  async apply(rows: GraphRows, aliases: Array<{ id: string; aliases: string[] }>, onBatch?: OnBatch): Promise<void> {
    // Before the citations: a load cut short after them must find a matched entity under the row's name.
    await this.addAliases(aliases);
    await new SeedRepository(this.db).write(rows, onBatch);
  }

  /**
   * Writes a whole graph into an EMPTY store with CREATE (no MERGE look-ups, no citation clean-up):
   * the bulk path for generated graphs. Phase by phase (sources, entities label by label, citations,
   * relationships type by type), so every relationship finds both ends through the id constraints'
   * indexes. Nodes and citations are written `concurrency` batches at a time (while Neo4j writes one
   * batch, the driver packs the next, and a second core writes another): new nodes share nothing, and
   * citation batches end at an entity's last citation, so two of them never lock the same entity
   * (their Source ends are dense nodes, which Neo4j does not lock exclusively). Typed relationships
   * meet on hubs (organizations, techniques), so they are written one batch at a time, which is how
   * Neo4j advises to avoid deadlocks. Calls progress after every batch; returns each phase's rows
   * and wall milliseconds.
   */
  async bulkCreate(
    rows: GraphRows,
    progress: (done: number, total: number) => void = () => {},
    options: { batch?: number; concurrency?: number } = {},
  ): Promise<Array<{ phase: string; rows: number; ms: number }>> {
    const batchSize = options.batch ?? BULK_BATCH;
    const concurrency = Math.max(1, options.concurrency ?? BULK_CONCURRENCY);
    const entityRows = Object.values(rows.entities).reduce((n, list) => n + list.length, 0);
    const relationshipRows = Object.values(rows.relationships).reduce((n, list) => n + list.length, 0);
    const total = rows.sources.length + entityRows + rows.citations.length + relationshipRows;
    const phases: Array<{ phase: string; rows: number; ms: number }> = [];
    let done = 0;
    const run = async <T>(phase: string, cypher: string, all: T[], parallel: number, groupOf?: (row: T) => string) => {
      if (all.length === 0) return;
      const started = Date.now();
      let next = 0;
      const worker = async () => {
        while (next < all.length) {
          let end = Math.min(all.length, next + batchSize);
          // A batch ends with the last row of its group, so concurrent batches never share a group.
          if (groupOf !== undefined) while (end < all.length && groupOf(all[end]!) === groupOf(all[end - 1]!)) end += 1;
          const batch = all.slice(next, end);
          next = end;
          await this.db.scope({ timeoutMs: BATCH_TIMEOUT_MS, background: true }).write((tx) => tx.run(cypher, { rows: batch }));
          done += batch.length;
          progress(done, total);
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      phases.push({ phase, rows: all.length, ms: Date.now() - started });
    };
    await run('sources', `UNWIND $rows AS row CREATE (s:${SOURCE_LABEL}) SET s = row`, rows.sources, concurrency);
    for (const type of Object.values(EntityType))
      await run(LABEL_OF[type], createEntities(LABEL_OF[type]), rows.entities[type], concurrency);
    await run(CITES, createCitations, rows.citations, concurrency, (row) => row.entityId);
    for (const type of Object.values(RelationType)) await run(type, createRelationships(type), rows.relationships[type], 1);
    return phases;
  }
}
