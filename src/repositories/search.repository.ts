import { int, type DbScope } from '../db/database.js';
import { EntityType, LABEL_OF } from '../domain/graph-model.js';
import { CAPS } from '../domain/limits.js';
import type { Selection } from '../domain/selection.js';
import { ProjectionCompiler } from './projection.cypher.js';
import { scoredEntity } from './decode.js';
import type { EntityRow } from './rows.js';

/** Lucene's query syntax characters, escaped so user text is only ever searched for, never parsed as operators. */

export function escapeLucene(text: string): string {
  return text.replace(/[+\-!(){}[\]^"~*?:\\/&|]/g, (ch) => `\\${ch}`).replace(/\b(AND|OR|NOT)\b/g, (word) => word.toLowerCase());
}

export class SearchRepository {
  constructor(private readonly db: DbScope) {}

  /**
   * Full-text search over names, aliases and descriptions (CJK-aware), with exact and prefix
   * name matches ranked first so typing "GPT-4" suggests GPT-4 before its relatives.
   */
  async search(
    query: string,
    types: EntityType[],
    first: number,
    selection: Selection,
  ): Promise<Array<{ score: number; entity: EntityRow }>> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $candidates}) YIELD node, score
       WHERE any(label IN labels(node) WHERE label IN $labels)
       WITH node, score, toLower($query) AS q
       WITH node, score + CASE
           WHEN toLower(node.name) = q OR any(a IN node.aliases WHERE toLower(a) = q) THEN 100.0
           WHEN toLower(node.name) STARTS WITH q OR any(a IN node.aliases WHERE toLower(a) STARTS WITH q) THEN 10.0
           ELSE 0.0 END AS ranked
       ORDER BY ranked DESC, node.name
       LIMIT $first
       RETURN ranked AS score, ${compiler.entity('node', selection)} AS entity`,
      {
        lucene: escapeLucene(query),
        query: query.trim(),
        labels: types.map((type) => LABEL_OF[type]),
        first: int(first),
        candidates: int(Math.max(CAPS.searchCandidates, first * CAPS.searchCandidatesPerHit)),
      },
    );
    return rows.map((row) => scoredEntity.parse(row));
  }
}
