import type { DbScope, Row, WriteTx } from '../db/database.js';
import { ENTITY_LABEL, EntityType, LABEL_OF, RelationType, SORT_NAME, SOURCE_LABEL } from '../domain/graph-model.js';
import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import { CAPS } from '../domain/limits.js';
import { documentText } from '../curation/documents.js';
import type { CitationValues } from '../curation/input-rules.js';
import { edgeId, urlSourceId } from '../seed/graph-rows.js';
import { ProjectionCompiler, typeExpression } from './projection.cypher.js';
import { edgeMap, type GraphEdgeRow } from './graph.repository.js';

export interface EntityWrite {
  id: string;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
  /** Label-specific properties (country, category) to set; nulls are left untouched. */
  props: Record<string, unknown>;
  /** Model attributes given in this write, each recorded as a cited claim. */
  claims: Array<{ attribute: string; value: unknown }>;
  citation: CitationValues;
}

export interface ChangeRow {
  at: string;
  actor: string;
  action: string;
  entityId: string;
  otherId: string | null;
  details: string;
}

/** Writes by curators: each method is one transaction that validates against the graph, writes, and records the change. */
export class CurationRepository {
  constructor(private readonly db: DbScope) {}

  async upsertEntity(type: EntityType, write: EntityWrite, actor: string): Promise<void> {
    await this.db.write(async (tx) => {
      const [existing] = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN ${typeExpression('n')} AS type`, { id: write.id });
      if (existing && existing.type !== type) {
        throw new InvalidInputError(
          `input.id "${write.id}" already names a ${String(existing.type)}; ids are unique across all kinds.`,
          'input.id',
        );
      }
      const sourceId = await this.citedSource(tx, write.citation);
      const props = Object.fromEntries(Object.entries(write.props).filter(([, value]) => value !== null && value !== undefined));
      await tx.run(
        `MERGE (n:${ENTITY_LABEL} {id: $id})
         ON CREATE SET n.aliases = [], n.aliasText = ''
         SET n:${LABEL_OF[type]}, n.name = $name, n.${SORT_NAME} = toLower($name), n += $props,
             n.aliases = coalesce($aliases, n.aliases), n.aliasText = coalesce($aliasText, n.aliasText),
             n.description = coalesce($description, n.description)
         WITH n
         MATCH (s:${SOURCE_LABEL} {id: $sourceId})
         WITH n, s, COUNT { (n)-[:CITES]->() } AS next
         CREATE (n)-[:CITES {ordinal: next, quote: $quote, confidence: 1.0}]->(s)
         FOREACH (i IN range(0, size($claims) - 1) |
           CREATE (n)-[:CITES {ordinal: next + 1 + i, quote: $quote, confidence: 1.0, attribute: $claims[i].attribute, value: $claims[i].value}]->(s))`,
        {
          id: write.id,
          name: write.name,
          props,
          aliases: write.aliases ?? null,
          aliasText: write.aliases ? write.aliases.join(' | ') : null,
          description: write.description ?? null,
          sourceId,
          quote: write.citation.quote,
          claims: write.claims.map((c) => ({ attribute: c.attribute, value: JSON.stringify(c.value) })),
        },
      );
      await this.record(tx, { actor, action: `UPSERT_${type}`, entityId: write.id, otherId: null, details: write });
    });
  }

  async link(
    link: { fromId: string; toId: string; type: RelationType; kind: string | null; citation: CitationValues },
    endpoints: [EntityType, EntityType],
    actor: string,
  ): Promise<GraphEdgeRow> {
    return this.db.write(async (tx) => {
      const [ends] = await tx.run(
        `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $from}) OPTIONAL MATCH (b:${ENTITY_LABEL} {id: $to})
         RETURN ${typeExpression('a')} AS fromType, ${typeExpression('b')} AS toType`,
        { from: link.fromId, to: link.toId },
      );
      const actual = [ends?.fromType ?? null, ends?.toType ?? null];
      (['fromId', 'toId'] as const).forEach((field, i) => {
        const id = link[field];
        if (actual[i] === null) throw new InvalidInputError(`input.${field} "${id}" names no entity.`, `input.${field}`);
        if (actual[i] !== endpoints[i]) {
          throw new InvalidInputError(
            `input.${field} "${id}" is a ${String(actual[i])}, but ${link.type} needs a ${endpoints[i]} there.`,
            `input.${field}`,
          );
        }
      });
      if (link.type === RelationType.DERIVED_FROM) {
        const [cycle] = await tx.run(
          `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
           RETURN EXISTS { (b)-[:${RelationType.DERIVED_FROM}*1..${CAPS.cycleCheckDepth}]->(a) } AS cycle`,
          { from: link.fromId, to: link.toId },
        );
        if (cycle?.cycle) {
          throw new InvalidInputError(
            `input.toId "${link.toId}" already derives from "${link.fromId}"; this link would make a lineage cycle.`,
            'input.toId',
          );
        }
      }
      const sourceId = await this.citedSource(tx, link.citation);
      const [row] = await tx.run(
        `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
         MERGE (a)-[r:${link.type}]->(b)
         ON CREATE SET r.id = $edgeId, r.citationSources = [], r.citationQuotes = [], r.citationConfidences = []
         SET r.kind = coalesce($kind, r.kind)
         WITH r, any(i IN range(0, size(r.citationQuotes) - 1) WHERE r.citationSources[i] = $sourceId AND r.citationQuotes[i] = $quote) AS known
         SET r.citationSources = r.citationSources + CASE WHEN known THEN [] ELSE [$sourceId] END,
             r.citationQuotes = r.citationQuotes + CASE WHEN known THEN [] ELSE [$quote] END,
             r.citationConfidences = r.citationConfidences + CASE WHEN known THEN [] ELSE [1.0] END,
             r.confidence = 1.0
         RETURN ${edgeMap('r', new ProjectionCompiler(), true)} AS edge`,
        {
          from: link.fromId,
          to: link.toId,
          kind: link.kind,
          edgeId: edgeId(link.fromId, link.type, link.toId),
          sourceId,
          quote: link.citation.quote,
        },
      );
      await this.record(tx, { actor, action: `LINK_${link.type}`, entityId: link.fromId, otherId: link.toId, details: link });
      return row!.edge as GraphEdgeRow;
    });
  }

  async unlink(edge: { fromId: string; type: RelationType; toId: string }, actor: string): Promise<void> {
    await this.db.write(async (tx) => {
      const [row] = await tx.run(
        `MATCH (:${ENTITY_LABEL} {id: $from})-[r:${edge.type}]->(:${ENTITY_LABEL} {id: $to}) DELETE r RETURN count(*) AS deleted`,
        { from: edge.fromId, to: edge.toId },
      );
      if (row?.deleted === 0) throw new NotFoundError(`No ${edge.type} relationship from "${edge.fromId}" to "${edge.toId}".`);
      await this.record(tx, { actor, action: `UNLINK_${edge.type}`, entityId: edge.fromId, otherId: edge.toId, details: edge });
    });
  }

  async deleteEntity(id: string, actor: string): Promise<void> {
    await this.db.write(async (tx) => {
      const [row] = await tx.run(
        `MATCH (n:${ENTITY_LABEL} {id: $id})
         WITH n, COUNT { (n)--() } AS relationships, n {.*} AS snapshot
         DETACH DELETE n RETURN relationships, snapshot`,
        { id },
      );
      if (!row) throw new NotFoundError(`No entity has the id "${id}".`);
      await this.record(tx, { actor, action: 'DELETE', entityId: id, otherId: null, details: row });
    });
  }

  async history(entityId: string, first: number): Promise<ChangeRow[]> {
    const rows = await this.db.read(
      `CALL () {
         MATCH (c:Change {entityId: $id}) RETURN c
         UNION
         MATCH (c:Change {otherId: $id}) RETURN c
       }
       RETURN toString(c.at) AS at, c.actor AS actor, c.action AS action, c.entityId AS entityId, c.otherId AS otherId, c.details AS details
       ORDER BY c.at DESC LIMIT toInteger($first)`,
      { id: entityId, first },
    );
    return rows as unknown as ChangeRow[];
  }

  /** The Source a citation points to: an existing one (with the quote checked verbatim) or one per URL. */
  private async citedSource(tx: WriteTx, citation: CitationValues): Promise<string> {
    if (citation.url) {
      const id = urlSourceId(citation.url);
      const url = new URL(citation.url);
      await tx.run(`MERGE (s:${SOURCE_LABEL} {id: $id}) ON CREATE SET s.url = $url, s.title = $title`, {
        id,
        url: citation.url,
        title: `${url.hostname}${url.pathname}`,
      });
      return id;
    }
    const [source] = await tx.run(`MATCH (s:${SOURCE_LABEL} {id: $id}) RETURN s.file AS file`, { id: citation.sourceId });
    if (!source) throw new InvalidInputError(`input.citation.sourceId "${citation.sourceId}" names no source.`, 'input.citation.sourceId');
    const text = documentText(source.file as string | null);
    if (text !== null && !text.includes(citation.quote)) {
      throw new InvalidInputError(`input.citation.quote does not appear verbatim in ${citation.sourceId}.`, 'input.citation.quote');
    }
    return citation.sourceId as string;
  }

  private async record(
    tx: WriteTx,
    change: { actor: string; action: string; entityId: string; otherId: string | null; details: unknown },
  ): Promise<Row[]> {
    return tx.run(
      `CREATE (:Change {at: datetime(), actor: $actor, action: $action, entityId: $entityId, otherId: $otherId, details: $details})`,
      { ...change, details: JSON.stringify(change.details) },
    );
  }
}
