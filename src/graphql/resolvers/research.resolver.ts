import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import { CAPS, LIMITS } from '../../domain/limits.js';
import type { Context } from '../context.js';
import { capped, cappedIds } from '../caps.js';
import { requireIds, requireRange } from '../../domain/limits.js';
import { asOfMeasures, rankNodes } from '../../analytics/as-of-measures.js';
import { optionalAsOf } from '../../domain/as-of.js';
import { selectionAt } from '../selection.js';
import { AS_OF } from '../as-of-arg.js';
import { EntityType as EntityTypeEnum } from '../types/enums.js';
import {
  AdoptionCurve,
  Community,
  Influence,
  InfluenceRank,
  LineageStats,
  MeasuresRun,
  OrganizationNetwork,
  ReleaseSeries,
} from '../types/research.type.js';
import { InfluenceMeasure, PeriodBucket, ReleaseGrouping } from '../../domain/measures.js';

const ALL_TYPES = Object.values(EntityType);

/** The measures of the graph as of a day, computed in a worker and kept per data version (AsOfMeasures). */
async function measuresAsOf(ctx: Context, day: string) {
  return asOfMeasures.get(await ctx.repos.research.dataVersion(), day, () => ctx.repos.research.graphAsOf(day, CAPS.asOfMeasuresEntities));
}

/** Questions about the whole field: curves over time, networks, influence and communities. */
@Resolver()
export class ResearchResolver {
  @Query(() => [AdoptionCurve], {
    description: 'Models adopting each technique per period of their release, cumulative and not, in the order asked.',
  })
  adoptionCurve(
    @Arg('techniqueIds', () => [ID], cappedIds(LIMITS.curveSeries)) techniqueIds: string[],
    @Arg('bucket', () => PeriodBucket, { defaultValue: PeriodBucket.YEAR }) bucket: PeriodBucket,
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.repos.research.adoptionCurve(
      requireIds('techniqueIds', techniqueIds, LIMITS.curveSeries),
      bucket,
      selectionAt(info, ['technique'], [EntityType.TECHNIQUE]),
      optionalAsOf(asOf),
    );
  }

  @Query(() => [ReleaseSeries], { description: 'Model releases per period, one series per group, the largest groups first.' })
  releasesPerPeriod(
    @Arg('by', () => ReleaseGrouping) by: ReleaseGrouping,
    @Arg('bucket', () => PeriodBucket, { defaultValue: PeriodBucket.YEAR }) bucket: PeriodBucket,
    @Arg('first', () => Int, capped(LIMITS.curveSeries, { defaultValue: 10, description: 'Series to return.' })) first: number,
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.repos.research.releasesPerPeriod(by, bucket, requireRange('first', first, LIMITS.curveSeries), optionalAsOf(asOf));
  }

  @Query(() => OrganizationNetwork, {
    description: 'Organization → organization links weighted by models derived across them, strongest first.',
  })
  async organizationNetwork(
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 100, description: 'Links to return.' })) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrganizationNetwork> {
    const links = await ctx.repos.research.organizationNetwork(
      requireRange('first', first, LIMITS.first),
      selectionAt(info, ['links', 'from'], [EntityType.ORGANIZATION]),
    );
    const flows = new Map<string, { from: string; to: string; weight: number }>();
    for (const link of links) {
      if (link.fromCountry === null || link.toCountry === null) continue;
      const key = `${link.fromCountry}>${link.toCountry}`;
      const flow = flows.get(key) ?? { from: link.fromCountry, to: link.toCountry, weight: 0 };
      flow.weight += link.weight;
      flows.set(key, flow);
    }
    return {
      links: links as unknown as OrganizationNetwork['links'],
      countryFlows: [...flows.values()].sort((a, b) => b.weight - a.weight || a.from.localeCompare(b.from)),
    };
  }

  @Query(() => [InfluenceRank], {
    description:
      'Entities ranked by an influence measure: the stored one of the current graph (see `measures` for when it was computed), or with `asOf` the measure of the graph of that date, computed on request.',
  })
  async mostInfluential(
    @Arg('types', () => [EntityTypeEnum], { nullable: true, description: 'Default: every kind.' }) types: EntityType[] | undefined,
    @Arg('measure', () => InfluenceMeasure, { defaultValue: InfluenceMeasure.PAGE_RANK }) measure: InfluenceMeasure,
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 10 })) first: number,
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const wanted = types?.length ? [...new Set(types)] : ALL_TYPES;
    const count = requireRange('first', first, LIMITS.first);
    const selection = selectionAt(info, ['entity'], wanted);
    const day = optionalAsOf(asOf);
    if (day === null) return ctx.repos.research.mostInfluential(wanted, measure, count, selection);
    const ranked = rankNodes(await measuresAsOf(ctx, day), wanted, measure, count);
    const entities = new Map(
      (
        await ctx.repos.entities.byIds(
          ranked.map((r) => r.id),
          wanted,
          selection,
        )
      ).map((e) => [e.id, e]),
    );
    return ranked.filter((r) => entities.has(r.id)).map((r) => ({ entity: entities.get(r.id)!, score: r.score }));
  }

  @Query(() => [Influence], {
    description: 'Stored measures of the entities asked for, in that order; ids not (yet) measured are left out.',
  })
  influence(@Arg('ids', () => [ID], cappedIds(LIMITS.influenceIds)) ids: string[], @Ctx() ctx: Context) {
    return ctx.repos.research.influence(requireIds('ids', ids, LIMITS.influenceIds));
  }

  @Query(() => MeasuresRun, { nullable: true, description: 'The latest measures run; null until the first one has finished.' })
  measures(@Ctx() ctx: Context) {
    return ctx.repos.research.measureRun();
  }

  @Query(() => [Community], {
    description:
      'Louvain communities of the whole graph, largest first: the stored ones (empty until measures are computed), or with `asOf` those of the graph of that date.',
  })
  async communities(
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 20 })) first: number,
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
  ) {
    const count = requireRange('first', first, LIMITS.first);
    const day = optionalAsOf(asOf);
    const communities =
      day === null ? (await ctx.repos.research.measureRun())?.communities : (await measuresAsOf(ctx, day)).measures.communities;
    return (communities ?? []).slice(0, count);
  }

  @Query(() => LineageStats, {
    nullable: true,
    description: 'Depth and fan-out distributions of the lineage; null until measures are computed.',
  })
  async lineageStats(@Ctx() ctx: Context) {
    return (await ctx.repos.research.measureRun())?.lineage ?? null;
  }
}
