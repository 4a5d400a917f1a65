/**
 * Benchmark results (SCORED_ON statements): a benchmark's leaderboard, one statement. Each model enters
 * with its best-ranked result among those the filter keeps (independently measured over self-reported,
 * then newer over older: results.cypher.ts), or with every result (`perModel: false`); entries are ordered
 * by the normalised value, best first by the benchmark's direction, then by model name; keyset pages.
 */
import { z } from 'zod';
import { int, type DbScope } from '../db/database.js';
import { EntityType, label, RelationType, relType } from '../domain/graph-model.js';
import type { Selection } from '../domain/selection.js';
import { FILTER_CLAUSE } from './entity.repository.js';
import { entityRow } from './decode.js';
import { ProjectionCompiler } from './projection.cypher.js';
import { RESULT_ORDER } from './results.cypher.js';
import type { LeaderboardPageRow } from './rows.js';

export interface LeaderboardFilter {
  openWeights?: boolean;
  /** An organization id (its units' models count too unless includeUnits is false). */
  organization?: string;
  includeUnits?: boolean;
  releasedBefore?: string;
  releasedAfter?: string;
  selfReported?: boolean;
  benchmarkVersion?: string;
}

export interface LeaderboardSelections {
  benchmark: Selection;
  model: Selection;
  /** The ends and citations asked of each entry's result. */
  result: { model?: Selection; benchmark?: Selection; citations: boolean };
}

const MODEL_FILTERS = ['openWeights', 'organization', 'includeUnits', 'releasedBefore', 'releasedAfter'] as const;
const RESULT_FILTER_CLAUSE = {
  selfReported: 'r.selfReported = $filter.selfReported',
  benchmarkVersion: 'r.benchmarkVersion = $filter.benchmarkVersion',
} as const;

/** The sort key of an entry (`e.key`): its value made ascending-best, the model's sort name and id, the result's key. */
const KEY_LENGTH = 4;
/** `e.key` after `$after`, lexicographically. */
function afterCursor(index = 0): string {
  const beyond = `e.key[${index}] > $after[${index}]`;
  if (index === KEY_LENGTH - 1) return beyond;
  return `(${beyond} OR (e.key[${index}] = $after[${index}] AND ${afterCursor(index + 1)}))`;
}

const page = z.object({
  benchmark: entityRow,
  higherIsBetter: z.boolean().nullable(),
  total: z.number(),
  remaining: z.number(),
  entries: z.array(
    z.object({
      position: z.number(),
      key: z.array(z.unknown()),
      results: z.number(),
      model: entityRow,
      result: z.record(z.string(), z.unknown()),
    }),
  ),
});

export class ResultsRepository {
  constructor(private readonly db: DbScope) {}

  /** One page of a benchmark's leaderboard; null when no benchmark has the id. */
  async leaderboard(
    benchmarkId: string,
    options: { filter: LeaderboardFilter; perModel: boolean; first: number; after?: unknown[]; selections: LeaderboardSelections },
  ): Promise<LeaderboardPageRow | null> {
    const compiler = new ProjectionCompiler();
    const { filter, selections } = options;
    const given = (name: keyof LeaderboardFilter) => filter[name] !== undefined && filter[name] !== null;
    const conditions = [
      ...MODEL_FILTERS.filter(given).map((name) => FILTER_CLAUSE[name]),
      ...(['selfReported', 'benchmarkVersion'] as const).filter(given).map((name) => RESULT_FILTER_CLAUSE[name]),
    ];
    const result = compiler.statement(RelationType.SCORED_ON, 'r', {
      start: 'n',
      end: 'b',
      startSelection: selections.result.model,
      endSelection: selections.result.benchmark,
      citations: selections.result.citations,
    });
    const [row] = await this.db.read(
      `MATCH (b:${label(EntityType.BENCHMARK)} {id: $benchmark})
       OPTIONAL MATCH (n:${label(EntityType.MODEL)})-[r:${relType(RelationType.SCORED_ON)}]->(b)
       WHERE ${conditions.length > 0 ? conditions.join(' AND ') : 'true'}
       WITH b, n, r ORDER BY n.id, ${RESULT_ORDER('r')}
       WITH b, n, collect(r) AS ranked
       WITH b, n, ranked, CASE WHEN $perModel THEN ranked[0..1] ELSE ranked END AS shown
       UNWIND (CASE WHEN n IS NULL THEN [null] ELSE shown END) AS r
       WITH b, n, r, size(ranked) AS results, CASE WHEN b.higherIsBetter = false THEN r.value ELSE -r.value END AS sortValue
       ORDER BY sortValue, n.sortName, n.id, r.key
       WITH b, [e IN collect(CASE WHEN n IS NULL THEN null ELSE {n: n, r: r, results: results, key: [sortValue, n.sortName, n.id, r.key]} END) WHERE e IS NOT NULL] AS board
       WITH b, board, [i IN range(0, size(board) - 1) WHERE $after IS NULL OR ${afterCursor().replaceAll('e.key', 'board[i].key')}] AS rest
       CALL (b, board, rest) {
         UNWIND rest[0..$first] AS i
         WITH b, i, board[i].n AS n, board[i].r AS r, board[i].results AS results, board[i].key AS key
         ORDER BY i
         RETURN collect({position: i + 1, key: key, results: results, model: ${compiler.entity('n', selections.model)}, result: ${result}}) AS entries
       }
       RETURN ${compiler.entity('b', selections.benchmark)} AS benchmark, b.higherIsBetter AS higherIsBetter,
              size(board) AS total, size(rest) AS remaining, entries`,
      {
        benchmark: benchmarkId,
        filter,
        perModel: options.perModel,
        first: int(options.first),
        after: options.after ?? null,
      },
    );
    if (row === undefined) return null;
    const decoded = page.parse(row);
    return {
      benchmark: decoded.benchmark,
      higherIsBetter: decoded.higherIsBetter,
      total: decoded.total,
      hasNextPage: decoded.remaining > options.first,
      entries: decoded.entries,
    };
  }
}
