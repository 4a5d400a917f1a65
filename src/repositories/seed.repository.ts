import type { Database, Row } from '../db/database.js';
import { VERSION_LABEL } from '../db/data-version.js';
import { ENTITY_LABEL, EntityType, LABEL_OF, RelationType, SORT_NAME, SOURCE_LABEL } from '../domain/graph-model.js';
import type { CitationRow, EntityRow, GraphRows, RelationshipRow, SourceRow } from '../seed/graph-rows.js';

const BATCH = 1_000;

const chunks = <T>(rows: T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

// Labels and relationship types below come from the enums, never from data.
const upsertEntities = (label: string) => `
  UNWIND $rows AS row
  MERGE (n:${ENTITY_LABEL} {id: row.id})
  SET n:${label}, n.name = row.name, n.${SORT_NAME} = toLower(row.name), n.aliases = row.aliases, n.aliasText = row.aliasText,
      n.description = row.description, n += row.props`;

const upsertRelationships = (type: RelationType) => `
  UNWIND $rows AS row
  MATCH (a:${ENTITY_LABEL} {id: row.from})
  MATCH (b:${ENTITY_LABEL} {id: row.to})
  MERGE (a)-[r:${type}]->(b)
  SET r.id = row.id, r.kind = row.kind, r.citationSources = row.citationSources,
      r.citationQuotes = row.citationQuotes, r.citationConfidences = row.citationConfidences, r.confidence = row.confidence`;

/** Writes the dataset into Neo4j and reads it back; idempotent, in batches of UNWIND rows. */
export class SeedRepository {
  constructor(private readonly db: Database) {}

  async isEmpty(): Promise<boolean> {
    const [row] = await this.db.scope().read(`RETURN COUNT { (:${ENTITY_LABEL}) } AS n`);
    return row?.n === 0;
  }

  /** Removes every node and relationship but the data version (which only grows), in batches so a large graph does not need one huge transaction. */
  async reset(): Promise<void> {
    const scope = this.db.scope();
    for (;;) {
      const [row] = await scope.write((tx) =>
        tx.run(`MATCH (n) WHERE NOT n:${VERSION_LABEL} WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n`),
      );
      if (row?.n === 0) return;
    }
  }

  async write(rows: GraphRows): Promise<void> {
    const scope = this.db.scope({ timeoutMs: 120_000 });
    const run = async (cypher: string, all: unknown[]) => {
      for (const batch of chunks(all)) await scope.write((tx) => tx.run(cypher, { rows: batch }));
    };
    await run(
      `UNWIND $rows AS row MERGE (s:${SOURCE_LABEL} {id: row.id})
       SET s.title = row.title, s.file = row.file, s.url = row.url, s.author = row.author, s.date = row.date`,
      rows.sources,
    );
    for (const type of Object.values(EntityType)) await run(upsertEntities(LABEL_OF[type]), rows.entities[type]);
    const entityIds = Object.values(rows.entities).flatMap((list) => list.map((e) => e.id));
    // Citations are replaced per entity so a reload never duplicates them.
    await run(`UNWIND $rows AS id MATCH (:${ENTITY_LABEL} {id: id})-[c:CITES]->() DELETE c`, entityIds);
    await run(
      `UNWIND $rows AS row
       MATCH (n:${ENTITY_LABEL} {id: row.entityId}) MATCH (s:${SOURCE_LABEL} {id: row.sourceId})
       CREATE (n)-[:CITES {ordinal: row.ordinal, quote: row.quote, confidence: row.confidence, attribute: row.attribute, value: row.value}]->(s)`,
      rows.citations,
    );
    for (const type of Object.values(RelationType)) await run(upsertRelationships(type), rows.relationships[type]);
  }

  /** Everything the seed format holds, read back from the graph in a stable order. */
  async read(): Promise<GraphRows> {
    const scope = this.db.scope({ timeoutMs: 120_000 });
    const sources = (
      await scope.read(`MATCH (s:${SOURCE_LABEL}) RETURN s {.id, .title, .file, .url, .author, .date} AS row ORDER BY s.id`)
    ).map((r) => r.row as SourceRow);
    const entities = {} as Record<EntityType, EntityRow[]>;
    for (const type of Object.values(EntityType)) {
      entities[type] = (
        await scope.read(
          `MATCH (n:${LABEL_OF[type]})
         RETURN n {.id, .name, .aliases, .aliasText, .description} AS row,
                properties(n) AS props ORDER BY n.id`,
        )
      ).map(({ row, props }: Row) => {
        const { id, name, aliases, aliasText, description, [SORT_NAME]: sortName, ...rest } = props as Record<string, unknown>;
        return { ...(row as EntityRow), props: rest };
      });
    }
    const citations = (
      await scope.read(
        `MATCH (n:${ENTITY_LABEL})-[c:CITES]->(s:${SOURCE_LABEL})
       RETURN {entityId: n.id, sourceId: s.id, ordinal: c.ordinal, quote: c.quote, confidence: c.confidence,
               attribute: c.attribute, value: c.value} AS row
       ORDER BY n.id, c.ordinal`,
      )
    ).map((r) => r.row as CitationRow);
    const relationships = {} as Record<RelationType, RelationshipRow[]>;
    for (const type of Object.values(RelationType)) {
      relationships[type] = (
        await scope.read(
          `MATCH (a:${ENTITY_LABEL})-[r:${type}]->(b:${ENTITY_LABEL})
         RETURN {id: r.id, from: a.id, to: b.id, kind: r.kind, citationSources: r.citationSources, citationQuotes: r.citationQuotes,
                 citationConfidences: r.citationConfidences, confidence: r.confidence} AS row
         ORDER BY a.id, b.id`,
        )
      ).map((r) => r.row as RelationshipRow);
    }
    return { sources, entities, citations, relationships };
  }
}
