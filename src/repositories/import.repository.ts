/**
 * Cypher of the catalogue importer: what the import resolves names against, and the bulk path that
 * writes a whole generated graph into an empty store (the benchmark's 100k-model scale).
 */
import type { Database } from '../db/database.js';
import { ENTITY_LABEL, EntityType, LABEL_OF, RelationType, SORT_NAME, SOURCE_LABEL } from '../domain/graph-model.js';
import type { CatalogueSource } from '../import/catalogues.js';
import { type ExistingEntity, KIND_OF_LABEL, shownValues } from '../import/existing.js';
import { edgeId, type GraphRows } from '../seed/graph-rows.js';
import { SeedRepository } from './seed.repository.js';

/** Rows per UNWIND statement (and per transaction): large enough that Bolt round trips stop mattering. */
export const BULK_BATCH = 10_000;
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
  CREATE (a)-[:${type} {id: row.id, kind: row.kind, citationSources: row.citationSources, citationQuotes: row.citationQuotes,
                       citationConfidences: row.citationConfidences, confidence: row.confidence}]->(b)`;

export class ImportRepository {
  constructor(private readonly db: Database) {}

  /** Ids, kinds, names, aliases and stated values of every entity a catalogue row could be, and the ids of every other entity (taken): one statement. */
  async existingEntities(): Promise<ExistingEntity[]> {
    const rows = await this.db.scope({ timeoutMs: 60_000 }).read(
      `MATCH (n:${ENTITY_LABEL})
       WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
       RETURN n.id AS id, label, n.name AS name, coalesce(n.aliases, []) AS aliases,
              n.releaseDate AS releaseDate, n.parameters AS parameters, n.openWeights AS openWeights`,
      { labels: Object.keys(KIND_OF_LABEL) },
    );
    return rows.map((row) => ({
      id: String(row.id),
      kind: row.label === null ? null : KIND_OF_LABEL[String(row.label)]!,
      name: String(row.name),
      aliases: row.label === null ? [] : ((row.aliases as string[]) ?? []),
      values: row.label === null ? {} : shownValues(row),
    }));
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
   * values recomputed), then the catalogue's own details on its Source node.
   */
  async apply(rows: GraphRows, source: CatalogueSource): Promise<void> {
    await new SeedRepository(this.db).write(rows);
    await this.db.scope({ timeoutMs: BATCH_TIMEOUT_MS }).write((tx) =>
      tx.run(`MATCH (s:${SOURCE_LABEL} {id: $id}) SET s.license = $license, s.version = $version, s.retrieved = $retrieved`, {
        ...source,
      }),
    );
  }

  /**
   * Writes a whole graph into an EMPTY store with CREATE (no MERGE look-ups, no citation clean-up):
   * the bulk path for generated graphs. Entities first, so relationships find both ends by the id
   * constraint's index. Calls progress after every batch.
   */
  async bulkCreate(rows: GraphRows, progress: (done: number, total: number) => void = () => {}): Promise<void> {
    const entityRows = Object.values(rows.entities).reduce((n, list) => n + list.length, 0);
    const relationshipRows = Object.values(rows.relationships).reduce((n, list) => n + list.length, 0);
    const total = rows.sources.length + entityRows + rows.citations.length + relationshipRows;
    let done = 0;
    const run = async (cypher: string, all: unknown[]) => {
      for (let i = 0; i < all.length; i += BULK_BATCH) {
        const batch = all.slice(i, i + BULK_BATCH);
        await this.db.scope({ timeoutMs: BATCH_TIMEOUT_MS }).write((tx) => tx.run(cypher, { rows: batch }));
        done += batch.length;
        progress(done, total);
      }
    };
    await run(`UNWIND $rows AS row CREATE (s:${SOURCE_LABEL}) SET s = row`, rows.sources);
    for (const type of Object.values(EntityType)) await run(createEntities(LABEL_OF[type]), rows.entities[type]);
    await run(
      `UNWIND $rows AS row
       MATCH (n:${ENTITY_LABEL} {id: row.entityId}) MATCH (s:${SOURCE_LABEL} {id: row.sourceId})
       CREATE (n)-[:CITES {ordinal: row.ordinal, quote: row.quote, confidence: row.confidence, attribute: row.attribute, value: row.value}]->(s)`,
      rows.citations,
    );
    for (const type of Object.values(RelationType)) await run(createRelationships(type), rows.relationships[type]);
  }
}
