import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import type { Context } from '../context.js';
import { optionalIsoDate } from '../../domain/limits.js';
import { CONNECTIONS, ModelFilter, ModelOrder } from '../types/connection.type.js';
import { Model } from '../types/entities.type.js';
import type { EntityRecord } from '../types/entity.type.js';
import { createEntityResolver, listEntities, PageArgs, type ConnectionValue } from './entity-base.resolver.js';

/** The filter with its dates checked (the other fields' types are the schema's). */

function checkFilter(filter: ModelFilter | undefined): ModelFilter {
  for (const name of ['releasedAfter', 'releasedBefore'] as const) optionalIsoDate(`where.${name}`, filter?.[name]);
  return { ...filter };
}

@Resolver(() => Model)
export class ModelResolver extends createEntityResolver(EntityType.MODEL) {
  @Query(() => CONNECTIONS[EntityType.MODEL], { description: 'Models, filtered and ordered, a page at a time (keyset cursors).' })
  models(
    @Arg('where', () => ModelFilter, { nullable: true }) where: ModelFilter | undefined,
    @Arg('orderBy', () => [ModelOrder], { nullable: true, description: 'Default: by name.' }) orderBy: ModelOrder[] | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    const order = (orderBy?.length ? orderBy : [{ field: 'NAME', direction: 'ASC' }]).slice(0, 3) as ModelOrder[];
    return listEntities(ctx, info, EntityType.MODEL, { ...page, filter: checkFilter(where), order });
  }

  @FieldResolver(() => [String])
  modalities(@Root() model: EntityRecord): string[] {
    return (model.modalities as string[] | null) ?? [];
  }
}
