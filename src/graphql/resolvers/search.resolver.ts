import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import { LIMITS, requireRange } from '../../domain/limits.js';
import type { Context } from '../context.js';
import { capped } from '../caps.js';
import { InvalidInputError } from '../../domain/errors.js';
import { selectionAt, selectionOf } from '../selection.js';
import { Entity } from '../types/entity.type.js';
import { EntityType as EntityTypeEnum } from '../types/enums.js';
import { SearchHit } from '../types/queries.type.js';
import type { EntityRow } from '../../repositories/rows.js';

const ALL_TYPES = Object.values(EntityType);

@Resolver()
export class SearchResolver {
  @Query(() => Entity, { nullable: true, description: 'Any entity by id, whatever its kind; null when absent.' })
  entity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRow | null> {
    return ctx.repos.entities.byId(id, ALL_TYPES, selectionOf(info, info.fieldNodes));
  }

  @Query(() => [SearchHit], { description: 'Full-text search over names (English and Chinese), aliases and descriptions.' })
  search(
    @Arg('query', () => String, { description: `From ${LIMITS.searchLength.min} to ${LIMITS.searchLength.max} characters.` }) query: string,
    @Arg('types', () => [EntityTypeEnum], { nullable: true }) types: EntityType[] | undefined,
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 10 })) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const text = query.trim();
    if (text.length < LIMITS.searchLength.min || text.length > LIMITS.searchLength.max) {
      throw new InvalidInputError(`query must be from ${LIMITS.searchLength.min} to ${LIMITS.searchLength.max} characters long.`, 'query');
    }
    const wanted = types?.length ? types : ALL_TYPES;
    return ctx.repos.search.search(text, wanted, requireRange('first', first, LIMITS.first), selectionAt(info, ['entity'], wanted));
  }
}
