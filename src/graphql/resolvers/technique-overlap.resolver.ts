import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import { LIMITS, requireIds, requireRange } from '../../domain/limits.js';
import type { Context } from '../context.js';
import { capped, cappedIds } from '../caps.js';
import { selectionAt, selectionOf } from '../selection.js';
import { Technique } from '../types/entities.type.js';
import { SimilarModel } from '../types/queries.type.js';

@Resolver()
export class TechniqueOverlapResolver {
  @Query(() => [Technique], { description: 'Techniques used by every one of the given models.' })
  sharedTechniques(
    @Arg('modelIds', () => [ID], cappedIds(LIMITS.ids)) modelIds: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.repos.overlap.shared(
      requireIds('modelIds', modelIds, LIMITS.ids),
      selectionOf(info, info.fieldNodes, [EntityType.TECHNIQUE]),
    );
  }

  @Query(() => [SimilarModel], { description: 'Models most alike in the techniques they use (Jaccard similarity).' })
  similarModels(
    @Arg('modelId', () => ID) modelId: string,
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 10 })) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.repos.overlap.similar(
      modelId,
      requireRange('first', first, LIMITS.first),
      selectionAt(info, ['model'], [EntityType.MODEL]),
      selectionAt(info, ['shared'], [EntityType.TECHNIQUE]),
    );
  }
}
