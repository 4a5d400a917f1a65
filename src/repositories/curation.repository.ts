import { z } from 'zod';
import { type DbScope, int, type Row, type WriteTx } from '../db/database.js';
import {
  CHANGE_LABEL,
  CITES,
  ENTITY_LABEL,
  type EntityType,
  label,
  type RelationType,
  relType,
  SORT_NAME,
  SOURCE_LABEL,
} from '../domain/graph-model.js';
import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import { isAcyclic, preferredValue, requiredOnCreate } from '../domain/write-rules.js';
import { CAPS } from '../domain/limits.js';
import type { CitationValues } from '../domain/input-rules.js';
import { edgeId, urlSourceRow } from '../domain/graph-rows.js';
import { graphEdgeRow } from './decode.js';
import { ProjectionCompiler, typeExpression } from './projection.cypher.js';
import { edgeMap } from './graph.repository.js';
import type { GraphEdgeRow } from './rows.js';

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

const existingType = z.object({ type: z.string().nullable() });
const endsRow = z.object({ fromType: z.string().nullable(), toType: z.string().nullable() });
const flagRow = z.object({ flag: z.boolean() });
const countRow = z.object({ n: z.number() });
const changeRow = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityId: z.string(),
  otherId: z.string().nullable(),
  details: z.string(),
});
const heldCitation = z.object({
  ordinal: z.number(),
  sourceId: z.string(),
  quote: z.string().nullable(),
  attribute: z.string().nullable(),
  value: z.string().nullable(),
  confidence: z.number(),
  rank: z.string().nullable().default(null),
  hedged: z.boolean().nullable().default(null),
});
type HeldCitation = z.infer<typeof heldCitation>;
const heldRow = z.object({ held: z.array(heldCitation) });
const edgeRow = z.object({ edge: graphEdgeRow });

/** Writes by curators: each method is one transaction that validates against the graph, writes, and records the change. */
export class CurationRepository {
  /**
   * @param documentText the text of a source's document file, or null when the service does not hold
   *   it: a quote citing a held document must appear in it verbatim.
   */
  constructor(
    private readonly db: DbScope,
    private readonly documentText: (file: string | null) => string | null,
  ) {}

  async upsertEntity(type: EntityType, write: EntityWrite, actor: string): Promise<void> {
    await this.db.write(async (tx) => {
      const [found] = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN ${typeExpression('n')} AS type`, { id: write.id });
      const existing = found === undefined ? undefined : existingType.parse(found);
      if (existing && existing.type !== type) {
        throw new InvalidInputError(
          `input.id "${write.id}" already names a ${String(existing.type)}; ids are unique across all kinds.`,
          'input.id',
        );
      }
      // A new entity must be as complete as a seed entry, so an export of the graph always reloads.
      if (!existing) {
        const given: Record<string, unknown> = { description: write.description, ...write.props };
        const missing = requiredOnCreate(type).find((field) => given[field] === undefined || given[field] === null);
        if (missing) throw new InvalidInputError(`input.${missing} is required when creating a ${type}.`, `input.${missing}`);
      }
      const sourceId = await this.citedSource(tx, write.citation);
      const props = Object.fromEntries(Object.entries(write.props).filter(([, value]) => value !== null && value !== undefined));
      await tx.run(
        `MERGE (n:${ENTITY_LABEL} {id: $id})
         ON CREATE SET n.aliases = [], n.aliasText = ''
         SET n:${label(type)}, n.name = $name, n.${SORT_NAME} = toLower($name), n += $props,
             n.aliases = coalesce($aliases, n.aliases), n.aliasText = coalesce($aliasText, n.aliasText),
             n.description = coalesce($description, n.description)`,
        {
          id: write.id,
          name: write.name,
          props,
          aliases: write.aliases ?? null,
          aliasText: write.aliases ? write.aliases.join(' | ') : null,
          description: write.description ?? null,
        },
      );
      const [citing] = await tx.run(
        `MATCH (n:${ENTITY_LABEL} {id: $id})
         RETURN COLLECT { MATCH (n)-[c:${relType(CITES)}]->(s:${SOURCE_LABEL})
                          RETURN {ordinal: c.ordinal, sourceId: s.id, quote: c.quote, attribute: c.attribute, value: c.value, confidence: c.confidence,
                                  rank: c.rank, hedged: c.hedged} } AS held`,
        { id: write.id },
      );
      const held = heldRow.parse(citing).held;
      const claims = write.claims.map((c) => ({ attribute: c.attribute, value: JSON.stringify(c.value) }));
      const same = (c: HeldCitation, attribute: string | null, value: string | null) =>
        c.sourceId === sourceId && c.quote === write.citation.quote && c.attribute === attribute && c.value === value;
      // A citation the entity already holds is not written twice (as the seed loader does). Claims go
      // before the ones held: the newest claim is listed first, and on equal confidence the first
      // listed is the value the node shows (preferredValue), on reload too.
      const fresh = claims.filter((claim) => !held.some((c) => same(c, claim.attribute, claim.value)));
      const ordinals = held.map((c) => c.ordinal);
      const first = Math.min(0, ...ordinals);
      const rows = [
        ...(held.some((c) => same(c, null, null)) ? [] : [{ ordinal: Math.max(-1, ...ordinals) + 1, attribute: null, value: null }]),
        ...fresh.map((claim, i) => ({ ordinal: first - fresh.length + i, ...claim })),
      ];
      if (rows.length > 0) {
        await tx.run(
          `MATCH (n:${ENTITY_LABEL} {id: $id}) MATCH (s:${SOURCE_LABEL} {id: $sourceId})
           UNWIND $rows AS row
           CREATE (n)-[:${relType(CITES)} {ordinal: row.ordinal, quote: $quote, confidence: 1.0, attribute: row.attribute, value: row.value}]->(s)`,
          { id: write.id, sourceId, quote: write.citation.quote, rows: rows.map((r) => ({ ...r, ordinal: int(r.ordinal) })) },
        );
      }
      // A curated value that competes with held ones is the curator's choice: it becomes PREFERRED and
      // the others of its attribute NORMAL (deprecated ones stay so), so every competing claim has a rank.
      const competing = [...new Set(fresh.map((c) => c.attribute))].filter((attribute) =>
        held.some((c) => c.attribute === attribute && !fresh.some((f) => f.attribute === attribute && f.value === c.value)),
      );
      if (competing.length > 0) {
        const preferred = rows.filter((r) => r.attribute !== null && competing.includes(r.attribute)).map((r) => r.ordinal);
        await tx.run(
          `MATCH (n:${ENTITY_LABEL} {id: $id})-[c:${relType(CITES)}]->() WHERE c.attribute IN $competing
           SET c.rank = CASE WHEN c.ordinal IN $preferred THEN 'PREFERRED' WHEN c.rank = 'DEPRECATED' THEN c.rank ELSE 'NORMAL' END`,
          { id: write.id, competing, preferred: preferred.map(int) },
        );
      }
      const rankOf = (c: { attribute: string | null; ordinal: number; rank?: string | null }) =>
        c.attribute === null || !competing.includes(c.attribute)
          ? (c.rank ?? null)
          : rows.some((r) => r.ordinal === c.ordinal && r.attribute === c.attribute)
            ? 'PREFERRED'
            : c.rank === 'DEPRECATED'
              ? 'DEPRECATED'
              : 'NORMAL';
      // Claimed attributes show what the normaliser picks from all their claims, as after a reload;
      // a new claim is normally that one already (the node was set to it above).
      const all = [...held, ...rows.filter((r) => r.attribute !== null).map((r) => ({ ...r, confidence: 1 }))]
        .map((c) => ({ ...c, rank: rankOf(c) }))
        .sort((a, b) => a.ordinal - b.ordinal);
      const values = Object.fromEntries(
        write.claims.map(({ attribute }) => [
          attribute,
          preferredValue(
            all.filter((c) => c.attribute === attribute).map((c) => ({ ...c, value: JSON.parse(c.value as string) as unknown })),
          ),
        ]),
      );
      if (write.claims.some(({ attribute, value }) => JSON.stringify(values[attribute]) !== JSON.stringify(value)))
        await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) SET n += $values`, { id: write.id, values });
      await this.record(tx, { actor, action: `UPSERT_${type}`, entityId: write.id, otherId: null, details: write });
    });
  }

  async link(
    link: { fromId: string; toId: string; type: RelationType; kind: string | null; citation: CitationValues },
    endpoints: [EntityType[], EntityType[]],
    actor: string,
  ): Promise<GraphEdgeRow> {
    return this.db.write(async (tx) => {
      const [endsFound] = await tx.run(
        `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $from}) OPTIONAL MATCH (b:${ENTITY_LABEL} {id: $to})
         RETURN ${typeExpression('a')} AS fromType, ${typeExpression('b')} AS toType`,
        { from: link.fromId, to: link.toId },
      );
      const ends = endsRow.parse(endsFound);
      const actual = [ends.fromType, ends.toType];
      (['fromId', 'toId'] as const).forEach((field, i) => {
        const id = link[field];
        if (actual[i] === null) throw new InvalidInputError(`input.${field} "${id}" names no entity.`, `input.${field}`);
        if (!endpoints[i]!.includes(actual[i] as EntityType)) {
          throw new InvalidInputError(
            `input.${field} "${id}" is a ${String(actual[i])}, but ${link.type} needs a ${endpoints[i]!.join(' or ')} there.`,
            `input.${field}`,
          );
        }
      });
      if (isAcyclic(link.type)) {
        const [cycle] = await tx.run(
          `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
           RETURN EXISTS { (b)-[:${relType(link.type)}*1..${CAPS.cycleCheckDepth}]->(a) } AS flag`,
          { from: link.fromId, to: link.toId },
        );
        if (flagRow.parse(cycle).flag) {
          throw new InvalidInputError(
            `input.toId "${link.toId}" already leads to "${link.fromId}" through ${link.type}; this link would make a cycle.`,
            'input.toId',
          );
        }
      }
      const sourceId = await this.citedSource(tx, link.citation);
      const [row] = await tx.run(
        `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
         MERGE (a)-[r:${relType(link.type)}]->(b)
         ON CREATE SET r.id = $edgeId, r.citationSources = [], r.citationQuotes = [], r.citationConfidences = []
         SET r.kind = coalesce($kind, r.kind)
         WITH r, any(i IN range(0, size(r.citationQuotes) - 1) WHERE r.citationSources[i] = $sourceId AND r.citationQuotes[i] = $quote) AS known
         // Curated citations carry a quote and no note; the notes list stays as long as the others.
         SET r.citationNotes = [j IN range(0, size(r.citationSources) - 1) | coalesce(r.citationNotes[j], '')]
               + CASE WHEN known THEN [] ELSE [''] END
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
      return edgeRow.parse(row).edge;
    });
  }

  async unlink(edge: { fromId: string; type: RelationType; toId: string; key?: string | null }, actor: string): Promise<void> {
    await this.db.write(async (tx) => {
      const [row] = await tx.run(
        `MATCH (:${ENTITY_LABEL} {id: $from})-[r:${relType(edge.type)}]->(:${ENTITY_LABEL} {id: $to}) WHERE $key IS NULL OR r.key = $key
         DELETE r RETURN count(*) AS n`,
        { from: edge.fromId, to: edge.toId, key: edge.key ?? null },
      );
      if (countRow.parse(row).n === 0) throw new NotFoundError(`No ${edge.type} relationship from "${edge.fromId}" to "${edge.toId}".`);
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
         MATCH (c:${CHANGE_LABEL} {entityId: $id}) RETURN c
         UNION
         MATCH (c:${CHANGE_LABEL} {otherId: $id}) RETURN c
       }
       RETURN toString(c.at) AS at, c.actor AS actor, c.action AS action, c.entityId AS entityId, c.otherId AS otherId, c.details AS details
       ORDER BY c.at DESC LIMIT toInteger($first)`,
      { id: entityId, first },
    );
    return rows.map((row) => changeRow.parse(row));
  }

  /** The Source a citation points to: an existing one (with the quote checked verbatim) or one per URL. */
  private async citedSource(tx: WriteTx, citation: CitationValues): Promise<string> {
    if (citation.url) {
      // The same Source row the seed loader makes for this URL, so an export reloads to the same node.
      const source = urlSourceRow(citation.url);
      await tx.run(
        `MERGE (s:${SOURCE_LABEL} {id: $source.id})
         ON CREATE SET s.url = $source.url, s.title = $source.title, s.file = null, s.author = null, s.date = null`,
        { source },
      );
      return source.id;
    }
    const [found] = await tx.run(`MATCH (s:${SOURCE_LABEL} {id: $id}) RETURN s.file AS file`, { id: citation.sourceId });
    const source = found === undefined ? undefined : z.object({ file: z.string().nullable() }).parse(found);
    if (!source) throw new InvalidInputError(`input.citation.sourceId "${citation.sourceId}" names no source.`, 'input.citation.sourceId');
    const text = this.documentText(source.file);
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
      `CREATE (:${CHANGE_LABEL} {at: datetime(), actor: $actor, action: $action, entityId: $entityId, otherId: $otherId, details: $details})`,
      { ...change, details: JSON.stringify(change.details) },
    );
  }
}
