/**
 * Merges of entities resolution found to be one (`npm run resolve -- --apply`), and their undoing.
 * A merge keeps one node: the other's names become its aliases, every relationship and citation of the
 * other moves to it (citations it already holds are not doubled), a Redirect node sends the old id
 * to the kept one (as Wikidata's redirects do), and a MERGE change records the other node as it was
 * and what the merge added, so `--undo` restores both.
 */
import { z } from 'zod';
import type { DatabaseScopes, WriteTx } from '../db/database.js';
import { CHANGE_LABEL, CITES, ENTITY_LABEL, knownLabel, REDIRECT_LABEL, relType, SOURCE_LABEL } from '../domain/graph-model.js';
import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import { isStatement, RELATION_TYPES, RELATIONS, type RelationType } from '../domain/registry.js';
import { edgeId } from '../domain/graph-rows.js';
import { SeedRepository } from './seed.repository.js';

const MAX_ALIASES = 40;

interface RelationshipSnapshot {
  type: RelationType;
  out: boolean;
  other: string;
  props: Record<string, unknown>;
}
interface CitationSnapshot {
  source: string;
  props: Record<string, unknown>;
}
/** What a merge recorded: the merged node as it was, and what it added to the kept one. */
interface MergeRecord {
  labels: string[];
  props: Record<string, unknown>;
  relationships: RelationshipSnapshot[];
  citations: CitationSnapshot[];
  /** Relationships the kept node gained (by edge id), and citation entries appended to ones it had. */
  created: string[];
  appended: Array<{ id: string; sources: string[]; quotes: string[]; notes: string[] }>;
  /** Ordinals of the citations the kept node gained. */
  citationOrdinals: number[];
  aliases: string[];
  /** Redirects to the merged id that now point at the kept one. */
  redirected: string[];
  reason: string;
  evidence: string[];
}

const snapshotRow = z.object({
  keepLabels: z.array(z.string()),
  labels: z.array(z.string()),
  props: z.record(z.string(), z.unknown()),
  keepName: z.string(),
  keepAliases: z.array(z.string()),
  relationships: z.array(z.object({ type: z.string(), out: z.boolean(), other: z.string(), props: z.record(z.string(), z.unknown()) })),
  citations: z.array(z.object({ source: z.string(), props: z.record(z.string(), z.unknown()) })),
  keepCitations: z.array(z.record(z.string(), z.unknown())),
});

const citationKey = (c: Record<string, unknown>) =>
  JSON.stringify([c.source ?? null, c.quote ?? null, c.note ?? null, c.attribute ?? null, c.value ?? null]);
const symmetric = (type: RelationType) => RELATIONS[type].bothField !== undefined;

export class ResolutionRepository {
  constructor(private readonly db: DatabaseScopes) {}

  /** Merges `drop` into `keep` (one kind) in one transaction; returns what moved. */
  async merge(keep: string, drop: string, why: { reason: string; evidence: string[] }, actor = 'resolve'): Promise<MergeRecord> {
    if (keep === drop) throw new InvalidInputError(`Cannot merge ${keep} into itself.`, 'keep');
    const record = await this.db.scope({ timeoutMs: 120_000 }).write(async (tx) => {
      const [found] = await tx.run(
        `MATCH (k:${ENTITY_LABEL} {id: $keep}) MATCH (d:${ENTITY_LABEL} {id: $drop})
         RETURN labels(k) AS keepLabels, labels(d) AS labels, properties(d) AS props, k.name AS keepName,
                coalesce(k.aliases, []) AS keepAliases,
                [(d)-[r]->(o:${ENTITY_LABEL}) WHERE type(r) IN $types | {type: type(r), out: true, other: o.id, props: properties(r)}] +
                [(d)<-[r]-(o:${ENTITY_LABEL}) WHERE type(r) IN $types | {type: type(r), out: false, other: o.id, props: properties(r)}]
                  AS relationships,
                [(d)-[c:${relType(CITES)}]->(s:${SOURCE_LABEL}) | {source: s.id, props: properties(c)}] AS citations,
                [(k)-[c:${relType(CITES)}]->(s:${SOURCE_LABEL}) | c {.*, source: s.id}] AS keepCitations`,
        { keep, drop, types: RELATION_TYPES },
      );
      if (found === undefined) throw new NotFoundError(`${keep} or ${drop} is not an entity of the graph.`);
      const row = snapshotRow.parse(found);
      if ([...row.labels].sort().join() !== [...row.keepLabels].sort().join())
        throw new InvalidInputError(
          `${drop} (${row.labels.join(', ')}) and ${keep} (${row.keepLabels.join(', ')}) are not of one kind.`,
          'drop',
        );
      const out: MergeRecord = {
        labels: row.labels,
        props: row.props,
        relationships: row.relationships as RelationshipSnapshot[],
        citations: row.citations,
        created: [],
        appended: [],
        citationOrdinals: [],
        aliases: [],
        redirected: [],
        ...why,
      };
      for (const rel of out.relationships) if (rel.other !== keep) await this.moveRelationship(tx, keep, rel, out);
      await this.moveCitations(tx, keep, row.citations, row.keepCitations, out);
      const names = [String(row.props.name), ...((row.props.aliases as string[] | undefined) ?? [])];
      const have = new Set([row.keepName, ...row.keepAliases]);
      out.aliases = names.filter((n) => !have.has(n)).slice(0, Math.max(0, MAX_ALIASES - row.keepAliases.length));
      const [redirected] = await tx.run(
        `MATCH (k:${ENTITY_LABEL} {id: $keep})
         SET k.aliases = coalesce(k.aliases, []) + $aliases
         SET k.aliasText = reduce(text = '', a IN k.aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + a)
         WITH k
         OPTIONAL MATCH (r:${REDIRECT_LABEL} {to: $drop}) SET r.to = $keep
         WITH collect(r.id) AS redirected
         MERGE (x:${REDIRECT_LABEL} {id: $drop}) SET x.to = $keep, x.at = datetime()
         RETURN redirected`,
        { keep, drop, aliases: out.aliases },
      );
      out.redirected = (redirected?.redirected as string[]) ?? [];
      await tx.run(`MATCH (d:${ENTITY_LABEL} {id: $drop}) DETACH DELETE d`, { drop });
      await tx.run(
        `CREATE (:${CHANGE_LABEL} {at: datetime(), actor: $actor, action: 'MERGE', entityId: $keep, otherId: $drop, details: $details})`,
        { actor, keep, drop, details: JSON.stringify(out) },
      );
      return out;
    });
    await new SeedRepository(this.db).recomputeClaimedValues([keep]);
    return record;
  }

  /** Undoes the last merge of `drop`: the node comes back as it was, and the kept one loses what the merge gave it. */
  async undo(drop: string, actor = 'resolve'): Promise<{ keep: string }> {
    const keep = await this.db.scope({ timeoutMs: 120_000 }).write(async (tx) => {
      const [change] = await tx.run(
        `MATCH (c:${CHANGE_LABEL} {action: 'MERGE', otherId: $drop}) RETURN c.entityId AS keep, c.details AS details ORDER BY c.at DESC LIMIT 1`,
        { drop },
      );
      if (change === undefined) throw new NotFoundError(`No merge of ${drop} is recorded.`);
      const [exists] = await tx.run(`RETURN COUNT { (:${ENTITY_LABEL} {id: $drop}) } AS n`, { drop });
      if (Number(exists?.n) > 0) throw new InvalidInputError(`${drop} exists again: its merge was undone already.`, 'drop');
      const keep = String(change.keep);
      const record = JSON.parse(String(change.details)) as MergeRecord;
      const labels = record.labels.map(knownLabel).join(':');
      await tx.run(`CREATE (d:${labels}) SET d = $props`, { props: record.props });
      for (const rel of record.relationships) {
        const [a, b] = rel.out ? ['d', 'o'] : ['o', 'd'];
        await tx.run(
          `MATCH (d:${ENTITY_LABEL} {id: $drop}) MATCH (o:${ENTITY_LABEL} {id: $other}) CREATE (${a})-[r:${relType(rel.type)}]->(${b}) SET r = $props`,
          { drop, other: rel.other, props: rel.props },
        );
      }
      await tx.run(
        `UNWIND $citations AS c MATCH (d:${ENTITY_LABEL} {id: $drop}) MATCH (s:${SOURCE_LABEL} {id: c.source})
         CREATE (d)-[x:${relType(CITES)}]->(s) SET x = c.props`,
        { drop, citations: record.citations },
      );
      await this.takeBack(tx, keep, record);
      await tx.run(
        `MATCH (x:${REDIRECT_LABEL} {id: $drop}) DELETE x
         WITH 1 AS one UNWIND $redirected AS id MATCH (r:${REDIRECT_LABEL} {id: id}) SET r.to = $drop`,
        { drop, redirected: record.redirected },
      );
      await tx.run(
        `CREATE (:${CHANGE_LABEL} {at: datetime(), actor: $actor, action: 'UNMERGE', entityId: $keep, otherId: $drop, details: '{}'})`,
        { actor, keep, drop },
      );
      return keep;
    });
    await new SeedRepository(this.db).recomputeClaimedValues([keep, drop]);
    return { keep };
  }

  /**
   * Renames entities whose ids break the id rule (written before it), each to its new id, leaving a
   * redirect from the old one. Relationship ids (`from:TYPE:to`) follow.
   */
  async renameIds(renames: Array<{ from: string; to: string }>): Promise<void> {
    if (renames.length === 0) return;
    await this.db.scope({ timeoutMs: 120_000 }).write(async (tx) => {
      await tx.run(
        `UNWIND $renames AS r MATCH (n:${ENTITY_LABEL} {id: r.from}) SET n.id = r.to
         MERGE (x:${REDIRECT_LABEL} {id: r.from}) SET x.to = r.to, x.at = datetime()`,
        { renames },
      );
      for (const type of RELATION_TYPES)
        await tx.run(
          `UNWIND $ids AS id MATCH (a:${ENTITY_LABEL} {id: id})-[r:${relType(type)}]-(b:${ENTITY_LABEL})
           WITH DISTINCT r, startNode(r) AS s, endNode(r) AS e
           SET r.id = s.id + ':${type}:' + e.id + CASE WHEN r.key IS NULL THEN '' ELSE ':' + r.key END`,
          { ids: renames.map((r) => r.to) },
        );
    });
  }

  /** The ids of entities and the redirects of old ones, for the id migration. */
  async ids(): Promise<string[]> {
    const rows = await this.db.scope({ timeoutMs: 60_000 }).read(`MATCH (n:${ENTITY_LABEL}) RETURN n.id AS id`);
    return rows.map((r) => String(r.id));
  }

  private async moveRelationship(tx: WriteTx, keep: string, rel: RelationshipSnapshot, out: MergeRecord): Promise<void> {
    const type = relType(rel.type);
    // A statement relationship (a benchmark result) is one of several of its pair: it meets only the one with its key.
    const statementKey = isStatement(rel.type) ? ((rel.props.key as string | undefined) ?? null) : null;
    const e = statementKey === null ? `e:${type}` : `e:${type} {key: $key}`;
    const pattern = symmetric(rel.type) ? `-[${e}]-` : rel.out ? `-[${e}]->` : `<-[${e}]-`;
    const [existing] = await tx.run(
      `MATCH (k:${ENTITY_LABEL} {id: $keep})${pattern}(o:${ENTITY_LABEL} {id: $other}) RETURN e.id AS id, properties(e) AS props LIMIT 1`,
      { keep, other: rel.other, key: statementKey },
    );
    if (existing === undefined) {
      const id = rel.out ? edgeId(keep, rel.type, rel.other, statementKey) : edgeId(rel.other, rel.type, keep, statementKey);
      const [a, b] = rel.out ? ['k', 'o'] : ['o', 'k'];
      await tx.run(
        `MATCH (k:${ENTITY_LABEL} {id: $keep}) MATCH (o:${ENTITY_LABEL} {id: $other}) CREATE (${a})-[e:${type}]->(${b}) SET e = $props, e.id = $id`,
        { keep, other: rel.other, props: rel.props, id },
      );
      out.created.push(id);
      return;
    }
    // Relationship citations are parallel lists; the merged node's entries the kept one lacks are appended.
    const entries = (props: Record<string, unknown>) => {
      const list = (name: string) => (props[name] as unknown[] | undefined) ?? [];
      return list('citationSources').map((source, i) => ({
        source: String(source),
        quote: String(list('citationQuotes')[i] ?? ''),
        note: String(list('citationNotes')[i] ?? ''),
        confidence: Number(list('citationConfidences')[i] ?? 1),
      }));
    };
    const key = (e: { source: string; quote: string; note: string }) => JSON.stringify([e.source, e.quote, e.note]);
    const held = new Set(entries(existing.props as Record<string, unknown>).map(key));
    const fresh = entries(rel.props).filter((e) => !held.has(key(e)));
    if (fresh.length === 0) return;
    const added = {
      sources: fresh.map((e) => e.source),
      quotes: fresh.map((e) => e.quote),
      notes: fresh.map((e) => e.note),
      confidences: fresh.map((e) => e.confidence),
    };
    await tx.run(
      `MATCH ()-[e]->() WHERE e.id = $id
       SET e.citationSources = e.citationSources + $added.sources, e.citationQuotes = e.citationQuotes + $added.quotes,
           e.citationNotes = coalesce(e.citationNotes, []) + $added.notes, e.citationConfidences = e.citationConfidences + $added.confidences
       SET e.confidence = reduce(top = 0.0, c IN e.citationConfidences | CASE WHEN c > top THEN c ELSE top END)`,
      { id: existing.id, added },
    );
    out.appended.push({ id: String(existing.id), sources: added.sources, quotes: added.quotes, notes: added.notes });
  }

  private async moveCitations(
    tx: WriteTx,
    keep: string,
    citations: CitationSnapshot[],
    keepCitations: Array<Record<string, unknown>>,
    out: MergeRecord,
  ): Promise<void> {
    const held = new Set(keepCitations.map(citationKey));
    let next = Math.max(-1, ...keepCitations.map((c) => Number(c.ordinal ?? -1))) + 1;
    const fresh = citations
      .filter((c) => !held.has(citationKey({ ...c.props, source: c.source })))
      .map((c) => ({ source: c.source, props: { ...c.props, ordinal: next++ } }));
    out.citationOrdinals = fresh.map((c) => c.props.ordinal);
    await tx.run(
      `UNWIND $citations AS c MATCH (k:${ENTITY_LABEL} {id: $keep}) MATCH (s:${SOURCE_LABEL} {id: c.source})
       CREATE (k)-[x:${relType(CITES)}]->(s) SET x = c.props`,
      { keep, citations: fresh },
    );
  }

  /** What a merge gave the kept node, taken back (undo). */
  private async takeBack(tx: WriteTx, keep: string, record: MergeRecord): Promise<void> {
    await tx.run(
      `MATCH (k:${ENTITY_LABEL} {id: $keep})
       SET k.aliases = [a IN coalesce(k.aliases, []) WHERE NOT a IN $aliases]
       SET k.aliasText = reduce(text = '', a IN k.aliases | text + CASE WHEN text = '' THEN '' ELSE ' | ' END + a)
       WITH k OPTIONAL MATCH (k)-[c:${relType(CITES)}]->() WHERE c.ordinal IN $ordinals DELETE c`,
      { keep, aliases: record.aliases, ordinals: record.citationOrdinals },
    );
    await tx.run(`UNWIND $ids AS id MATCH ()-[e]->() WHERE e.id = id DELETE e`, { ids: record.created });
    for (const appended of record.appended)
      await tx.run(
        `MATCH ()-[e]->() WHERE e.id = $id
         WITH e, [i IN range(0, size(e.citationSources) - 1)
           WHERE NOT any(j IN range(0, size($a.sources) - 1) WHERE e.citationSources[i] = $a.sources[j]
             AND e.citationQuotes[i] = $a.quotes[j] AND coalesce(e.citationNotes[i], '') = $a.notes[j])] AS keep
         SET e.citationSources = [i IN keep | e.citationSources[i]], e.citationQuotes = [i IN keep | e.citationQuotes[i]],
             e.citationNotes = [i IN keep | coalesce(e.citationNotes[i], '')], e.citationConfidences = [i IN keep | e.citationConfidences[i]]
         SET e.confidence = reduce(top = 0.0, c IN e.citationConfidences | CASE WHEN c > top THEN c ELSE top END)`,
        { id: appended.id, a: appended },
      );
  }
}
