/**
 * Cypher of a catalogue refresh (src/import/refresh.ts): what the graph holds from one catalogue (every
 * snapshot of it is a Source `catalogue-<format>-<hash>`), and superseding the older snapshots' claims of
 * values a newer snapshot changed.
 */
import type { DatabaseScopes } from '../db/database.js';
import { CITES, ENTITY_LABEL, relType, SOURCE_LABEL, TYPE_OF_LABEL } from '../domain/graph-model.js';
import type { EntityType, RelationType } from '../domain/registry.js';
import { CATALOGUE_SOURCE_PREFIX, formatOfSource } from '../domain/catalogue-sources.js';
import { SeedRepository } from './seed.repository.js';

/** One citation of an entity by a snapshot of the catalogue, as the graph holds it. */
export interface HeldCitation {
  sourceId: string;
  snapshot: string;
  rowKey: string;
  attribute: string | null;
  /** JSON text, as claims are stored. */
  value: string | null;
  note: string | null;
}

export interface HeldEntity {
  id: string;
  kind: EntityType;
  citations: HeldCitation[];
  /** Its outgoing relationships cited by the catalogue, each with the snapshots citing it. */
  links: Array<{ type: RelationType; to: string; sources: string[] }>;
}

const TIMEOUT_MS = 300_000;

export class CatalogueRepository {
  constructor(private readonly db: DatabaseScopes) {}

  /** The ids of the snapshots of this catalogue the graph holds (one Source each): a look-up by prefix, not a read of what they state. */
  async snapshots(format: string): Promise<string[]> {
    const rows = await this.db
      .scope({ timeoutMs: TIMEOUT_MS })
      .read(`MATCH (s:${SOURCE_LABEL}) WHERE s.id STARTS WITH $prefix RETURN s.id AS id ORDER BY id`, {
        prefix: `${CATALOGUE_SOURCE_PREFIX}${format}-`,
      });
    return rows.map((r) => String(r.id));
  }

  /**
   * Every entity a snapshot of this catalogue states values of (or marks withdrawn), with those citations
   * (snapshot date, row, attribute, value, note) and its outgoing relationships the catalogue cites.
   */
  async holdings(format: string, withdrawnPrefix: string, types: RelationType[]): Promise<HeldEntity[]> {
    const rows = await this.db.scope({ timeoutMs: TIMEOUT_MS }).read(
      `MATCH (s:${SOURCE_LABEL}) WHERE s.id STARTS WITH $prefix
       MATCH (n:${ENTITY_LABEL})-[c:${relType(CITES)}]->(s)
       WHERE c.locator IS NOT NULL AND (c.attribute IS NOT NULL OR c.note STARTS WITH $withdrawn)
       WITH n, collect({sourceId: s.id, snapshot: coalesce(s.date, ''), rowKey: c.locator, attribute: c.attribute,
                        value: c.value, note: c.note}) AS citations
       RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, citations,
              [(n)-[r]->(m:${ENTITY_LABEL}) WHERE type(r) IN $types AND any(x IN r.citationSources WHERE x STARTS WITH $prefix)
               | {type: type(r), to: m.id, sources: r.citationSources}] AS links`,
      { prefix: `${CATALOGUE_SOURCE_PREFIX}${format}-`, withdrawn: withdrawnPrefix, types, labels: Object.keys(TYPE_OF_LABEL) },
    );
    return rows.flatMap((row) => {
      const kind = TYPE_OF_LABEL[String(row.label)];
      const citations = (row.citations as HeldEntity['citations']).filter((c) => formatOfSource(c.sourceId) === format);
      if (kind === undefined || citations.length === 0) return [];
      return [{ id: String(row.id), kind, citations, links: row.links as HeldEntity['links'] }];
    });
  }

  /**
   * Supersedes what newer snapshots changed: for each entity and attribute the catalogue states, every
   * claim of an older snapshot whose value the newest snapshot stating it does not give is DEPRECATED,
   * with that snapshot as the reason (kept, not believed: the newer value is shown). Idempotent, so a
   * load cut short and resumed supersedes as a clean one; node values are recomputed for the entities touched.
   */
  async supersedeOlder(format: string): Promise<number> {
    const prefix = `${CATALOGUE_SOURCE_PREFIX}${format}-`;
    // One snapshot supersedes nothing: no walk over every claim of a two-million-model first load.
    const [snapshots] = await this.db
      .scope({ timeoutMs: TIMEOUT_MS })
      .read(`MATCH (s:${SOURCE_LABEL}) WHERE s.id STARTS WITH $prefix RETURN count(s) AS n`, { prefix });
    if (Number(snapshots?.n ?? 0) < 2) return 0;
    const rows = await this.db.scope({ timeoutMs: TIMEOUT_MS }).write((tx) =>
      tx.run(
        `MATCH (s:${SOURCE_LABEL}) WHERE s.id STARTS WITH $prefix
         MATCH (n:${ENTITY_LABEL})-[c:${relType(CITES)}]->(s) WHERE c.attribute IS NOT NULL
         WITH n, c.attribute AS attribute, collect({c: c, date: coalesce(s.date, ''), source: s.id}) AS claims
         WITH n, claims, reduce(top = claims[0], x IN claims | CASE WHEN x.date > top.date THEN x ELSE top END) AS newest
         WITH n, newest, [x IN claims WHERE x.date = newest.date | x.c.value] AS current,
              [x IN claims WHERE x.date < newest.date | x.c] AS older
         UNWIND older AS c
         WITH n, c, current, newest, 'superseded by the snapshot of ' + newest.date + ' (' + newest.source + '), which gives ' + current[0] AS reason
         WHERE NOT c.value IN current AND (coalesce(c.rank, 'NORMAL') <> 'DEPRECATED' OR c.reason IS NULL OR c.reason STARTS WITH 'superseded by ')
           AND coalesce(c.reason, '') <> reason
         SET c.rank = 'DEPRECATED', c.reason = reason
         RETURN collect(DISTINCT n.id) AS ids`,
        { prefix },
      ),
    );
    const ids = (rows[0]?.ids as string[] | undefined) ?? [];
    if (ids.length > 0) await new SeedRepository(this.db).recomputeClaimedValues([...ids].sort());
    return ids.length;
  }
}
