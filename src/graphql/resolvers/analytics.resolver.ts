import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import { LIMITS, optionalIsoDate, requireIds, requireRange } from '../../domain/limits.js';
import { TechniqueCategory } from '../../domain/registry.js';
import type { Context } from '../context.js';
import { capped, cappedIds } from '../caps.js';
import { InvalidInputError } from '../../domain/errors.js';
import { selectionAt, selects } from '../selection.js';
import {
  EntityDegree,
  MitigationRow,
  ModelComparison,
  OrganizationProfile,
  TechniqueAdoption,
  TimelineEntry,
} from '../types/analytics.type.js';
import { Limitation } from '../types/entities.type.js';
import { EntityType as EntityTypeEnum } from '../types/enums.js';
import type { ModelComparisonRow, OrganizationProfileRow } from '../../repositories/rows.js';

/** Only these kinds have dated events. */

const TIMELINE_TYPES = [EntityType.MODEL, EntityType.TECHNIQUE];

const TECHNIQUE_CATEGORIES: readonly string[] = Object.values(TechniqueCategory);

@Resolver()
export class AnalyticsResolver {
  @Query(() => [TimelineEntry], {
    description:
      'Model releases and first technique adoptions in date order; from/to compare at their own precision (to: "2023" includes 2023-12-31).',
  })
  timeline(
    @Arg('from', () => String, { nullable: true }) from: string | undefined,
    @Arg('to', () => String, { nullable: true }) to: string | undefined,
    @Arg('types', () => [EntityTypeEnum], { nullable: true, description: 'MODEL and/or TECHNIQUE; default both.' }) types:
      | EntityType[]
      | undefined,
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 100 })) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const wanted = types?.length ? [...new Set(types)] : TIMELINE_TYPES;
    const undated = wanted.filter((type) => !TIMELINE_TYPES.includes(type));
    if (undated.length > 0)
      throw new InvalidInputError(`types may hold only ${TIMELINE_TYPES.join(' and ')}, got ${undated.join(', ')}.`, 'types');
    return ctx.repos.analytics.timeline({
      from: optionalIsoDate('from', from),
      to: optionalIsoDate('to', to),
      types: wanted,
      first: requireRange('first', first, LIMITS.first),
      selection: selectionAt(info, ['entity'], wanted),
    });
  }

  @Query(() => [TechniqueAdoption], {
    description: 'Techniques by the number of models using them (then by name), with their first adopters.',
  })
  techniqueAdoption(
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 20 })) first: number,
    @Arg('category', () => String, { nullable: true, description: `One of ${TECHNIQUE_CATEGORIES.join(', ')}.` }) category:
      | string
      | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (category !== undefined && category !== null && !TECHNIQUE_CATEGORIES.includes(category)) {
      throw new InvalidInputError(`category must be one of ${TECHNIQUE_CATEGORIES.join(', ')}, got "${category}".`, 'category');
    }
    return ctx.repos.analytics.techniqueAdoption({
      first: requireRange('first', first, LIMITS.first),
      category: category ?? null,
      techniqueSelection: selectionAt(info, ['technique'], [EntityType.TECHNIQUE]),
      modelSelection: selectionAt(info, ['firstAdopter'], [EntityType.MODEL]),
    });
  }

  @Query(() => [Limitation], {
    description: 'The model’s limitations that none of the techniques it uses mitigates; empty for an unknown model.',
  })
  unmitigatedLimitations(@Arg('modelId', () => ID) modelId: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.repos.analytics.unmitigatedLimitations(modelId, selectionAt(info, [], [EntityType.LIMITATION]));
  }

  @Query(() => [MitigationRow], { description: 'Every limitation, by name, with the techniques that mitigate it.' })
  mitigationMatrix(
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 100 })) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.repos.analytics.mitigationMatrix(
      requireRange('first', first, LIMITS.first),
      selectionAt(info, ['limitation'], [EntityType.LIMITATION]),
      selectionAt(info, ['techniques'], [EntityType.TECHNIQUE]),
    );
  }

  @Query(() => OrganizationProfile, {
    nullable: true,
    description: 'An organization’s work at a glance; null when there is no such organization.',
  })
  organizationProfile(
    @Arg('id', () => ID) id: string,
    @Arg('includeUnits', () => Boolean, {
      defaultValue: true,
      description: 'Count the models of its labs and divisions (PART_OF) as its own.',
    })
    includeUnits: boolean,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrganizationProfileRow | null> {
    return ctx.repos.analytics.organizationProfile(
      id,
      {
        organization: selectionAt(info, ['organization'], [EntityType.ORGANIZATION]),
        models: selectionAt(info, ['models'], [EntityType.MODEL]),
        techniques: selectionAt(info, ['favouriteTechniques', 'technique'], [EntityType.TECHNIQUE]),
        collaborators: selectionAt(info, ['collaborators'], [EntityType.ORGANIZATION]),
        buildsOn: selectionAt(info, ['buildsOnOrganizations', 'organization'], [EntityType.ORGANIZATION]),
      },
      includeUnits,
    );
  }

  @Query(() => [EntityDegree], { description: 'Entities with the most domain relationships (either direction; citations not counted).' })
  mostConnected(
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 10 })) first: number,
    @Arg('types', () => [EntityTypeEnum], { nullable: true, description: 'Default: every kind.' }) types: EntityType[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const wanted = types?.length ? [...new Set(types)] : Object.values(EntityType);
    return ctx.repos.analytics.mostConnected(requireRange('first', first, LIMITS.first), wanted, selectionAt(info, ['entity'], wanted));
  }

  @Query(() => ModelComparison, { description: 'Techniques, limitations and benchmark results of 2 to 10 models side by side.' })
  async compareModels(
    @Arg('ids', () => [ID], cappedIds(LIMITS.comparedModels)) ids: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ModelComparisonRow> {
    // Columns line up with the ids given, so a repeated id is refused rather than merged.
    const repeated = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
    if (repeated.length > 0) throw new InvalidInputError(`ids must be distinct; repeated: ${repeated.join(', ')}.`, 'ids');
    const comparison = await ctx.repos.analytics.compareModels(requireIds('ids', ids, LIMITS.comparedModels), {
      models: selectionAt(info, ['models'], [EntityType.MODEL]),
      shared: selectionAt(info, ['sharedTechniques'], [EntityType.TECHNIQUE]),
      techniqueRows: selectionAt(info, ['techniqueRows', 'entity'], [EntityType.TECHNIQUE]),
      limitationRows: selectionAt(info, ['limitationRows', 'entity'], [EntityType.LIMITATION]),
      benchmarkRows: selectionAt(info, ['benchmarkRows', 'benchmark'], [EntityType.BENCHMARK]),
      results: {
        ...(selects(info, 'benchmarkRows', 'results', 'model') && {
          model: selectionAt(info, ['benchmarkRows', 'results', 'model'], [EntityType.MODEL]),
        }),
        ...(selects(info, 'benchmarkRows', 'results', 'benchmark') && {
          benchmark: selectionAt(info, ['benchmarkRows', 'results', 'benchmark'], [EntityType.BENCHMARK]),
        }),
        citations: selects(info, 'benchmarkRows', 'results', 'citations'),
      },
    });
    if (comparison.missing.length > 0) {
      throw new InvalidInputError(`ids holds ids of no model: ${comparison.missing.join(', ')}.`, 'ids');
    }
    return comparison;
  }
}
