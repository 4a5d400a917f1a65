import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { LIMITS, requireRange } from '../../domain/limits.js';
import type { Context } from '../context.js';
import { selects } from '../selection.js';
import { DataQualityFilter, QualityIssueConnection } from '../types/quality.type.js';
import { decodeCursor, edgeOf, encodeCursor, PageArgs } from './entity-base.resolver.js';

@Resolver()
export class QualityResolver {
  @Query(() => QualityIssueConnection, {
    description:
      'Values a plausibility rule doubts (a parameter count far from the size in the name, a model released before its parent, …), ' +
      'each with its reason, by entity id; kept as claims but never served as facts (see `withheld` and `claims.flags`).',
  })
  async dataQuality(
    @Arg('where', () => DataQualityFilter, { nullable: true }) where: DataQualityFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<QualityIssueConnection> {
    const first = requireRange('first', page.first, LIMITS.first);
    const after = decodeCursor(page.after, 3) as [string, number, string] | undefined;
    const filter = { ...where };
    const { rows, hasNextPage } = await ctx.repos.quality.list(filter, first, after);
    const counts = selects(info, 'totalCount') || selects(info, 'byRule') ? await ctx.repos.quality.countByRule(filter) : [];
    const edges = rows.map(({ key, ...node }) => edgeOf(node, () => encodeCursor(key)));
    return {
      edges,
      pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: counts.reduce((sum, c) => sum + c.count, 0),
      byRule: counts,
    } as QualityIssueConnection;
  }
}
