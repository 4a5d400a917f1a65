import { int, type DbScope } from '../db/database.js';
import { EntityType, LABEL_OF } from '../domain/graph-model.js';
import { CAPS } from '../domain/limits.js';
import { HUB_REPO_ID, queryVariants, squash, squashCypher } from '../domain/name-match.js';
import type { Selection } from '../domain/selection.js';
import { onlyIf } from './only-if.cypher.js';
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
   * name matches ranked first so typing "GPT-4" suggests GPT-4 before its relatives. The index
   * splits "Llama-2" but keeps "Qwen2.5" whole, so the query is also searched joined and split
   * ("qwen 2.5" → "qwen2.5"), and names are compared with the query squashed the same way
   * (case, spaces, hyphens, dots), so "qwen 2.5" ranks Qwen2.5 first.
   */
  async search(
    query: string,
    types: EntityType[],
    first: number,
    selection: Selection,
  ): Promise<Array<{ score: number; entity: EntityRow }>> {
    const compiler = new ProjectionCompiler();
    const found = (lucene: string) =>
      `CALL db.index.fulltext.queryNodes('entity_search', ${lucene}, {limit: $candidates}) YIELD node, score
       WHERE any(label IN labels(node) WHERE label IN $labels)`;
    const hits = (lucene: string) => `${found(lucene)} RETURN collect({node: node, score: score})`;
    // A repository id is first searched as one phrase: its words ("yi", "1", "70b") each match hundreds of
    // thousands of hub models, the phrase a handful. The words are searched only when the phrase finds nothing.
    const candidates = HUB_REPO_ID.test(query.trim())
      ? `CALL () { ${hits('$phrase')} AS exact }
         CALL (exact) { ${onlyIf('size(exact) = 0')} ${hits('$lucene')} AS words }
         UNWIND exact + words AS hit
         WITH hit.node AS node, hit.score AS score`
      : // Read as they come: gathering them in a list, as the phrase's fallback needs, cost Neo4j 7% of its time.
        found('$lucene');
    const rows = await this.db.read(
      `${candidates}
       WITH node, score, ${squashCypher('node.name')} AS name, [a IN coalesce(node.aliases, []) | ${squashCypher('a')}] AS aliases
       WITH node, score + CASE
           WHEN name = $key OR $key IN aliases THEN 100.0
           WHEN name STARTS WITH $key OR any(a IN aliases WHERE a STARTS WITH $key) THEN 10.0
           ELSE 0.0 END AS ranked
       ORDER BY ranked DESC, node.name
       LIMIT $first
       RETURN ranked AS score, ${compiler.entity('node', selection)} AS entity`,
      {
        lucene: queryVariants(query).map(escapeLucene).join(' '),
        phrase: `"${query.trim()}"`,
        key: squash(query),
        labels: types.map((type) => LABEL_OF[type]),
        first: int(first),
        candidates: int(Math.max(CAPS.searchCandidates, first * CAPS.searchCandidatesPerHit)),
      },
    );
    return rows.map((row) => scoredEntity.parse(row));
  }
}
