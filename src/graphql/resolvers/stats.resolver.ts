import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { DataVersion, GraphStats } from '../types/graph-stats.type.js';

@Resolver()
export class StatsResolver {
  @Query(() => GraphStats, { description: 'Node counts per label and relationship counts per type.' })
  graphStats(@Ctx() ctx: Context): Promise<GraphStats> {
    return ctx.repos.stats.counts();
  }

  @Query(() => DataVersion, { description: 'The data this service serves: its release, or its data version and how it was loaded.' })
  dataVersion(@Ctx() ctx: Context): Promise<DataVersion> {
    return ctx.repos.stats.dataVersion();
  }
}
