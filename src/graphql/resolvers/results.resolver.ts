import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import { LIMITS, requireRange } from '../../domain/limits.js';
import { EntityType, ISO_DATE_PATTERN } from '../../domain/registry.js';
import type { Context } from '../context.js';
import { selectionAt, selects } from '../selection.js';
import { Leaderboard, LeaderboardFilter } from '../types/results.type.js';
import { decodeCursor, edgeOf, encodeCursor, PageArgs } from './entity-base.resolver.js';
import { organizationId } from './model.resolver.js';

function checkDates(filter: LeaderboardFilter): void {
  for (const name of ['releasedAfter', 'releasedBefore'] as const) {
    const value = filter[name];
    if (value !== undefined && value !== null && !ISO_DATE_PATTERN.test(value))
      throw new InvalidInputError(
        `where.${name} must be an ISO date such as 2023, 2023-03 or 2023-03-14, got "${value}".`,
        `where.${name}`,
      );
  }
}

@Resolver()
export class ResultsResolver {
  @Query(() => Leaderboard, {
    description:
      'A benchmark’s leaderboard: each model with its best-ranked result among those the filter keeps (every result with perModel: false), best score first by the benchmark’s direction, a page at a time.',
  })
  async leaderboard(
    @Arg('benchmark', () => ID, { description: 'The benchmark’s id (see `benchmarks`).' }) benchmark: string,
    @Arg('where', () => LeaderboardFilter, { nullable: true }) where: LeaderboardFilter | undefined,
    @Arg('perModel', () => Boolean, { defaultValue: true, description: 'One entry per model (true) or one per result (false).' })
    perModel: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const first = requireRange('first', page.first, LIMITS.first);
    const { developer, ...filter } = { ...where };
    checkDates(filter);
    const organization = developer ? await organizationId(ctx, developer, 'where.developer') : undefined;
    const found = await ctx.repos.results.leaderboard(benchmark, {
      filter: { ...filter, ...(organization && { organization }) },
      perModel,
      first,
      after: decodeCursor(page.after, 4),
      selections: {
        benchmark: selectionAt(info, ['benchmark'], [EntityType.BENCHMARK]),
        model: selectionAt(info, ['edges', 'node', 'model'], [EntityType.MODEL]),
        result: {
          ...(selects(info, 'edges', 'node', 'result', 'model') && {
            model: selectionAt(info, ['edges', 'node', 'result', 'model'], [EntityType.MODEL]),
          }),
          ...(selects(info, 'edges', 'node', 'result', 'benchmark') && {
            benchmark: selectionAt(info, ['edges', 'node', 'result', 'benchmark'], [EntityType.BENCHMARK]),
          }),
          citations: selects(info, 'edges', 'node', 'result', 'citations'),
        },
      },
    });
    if (found === null) throw new NotFoundError(`benchmark "${benchmark}" names no benchmark: give an id the benchmarks query lists.`);
    const edges = found.entries.map((entry) => edgeOf(entry, () => encodeCursor(entry.key)));
    return {
      benchmark: found.benchmark,
      higherIsBetter: found.higherIsBetter,
      totalCount: found.total,
      edges,
      pageInfo: { hasNextPage: found.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
