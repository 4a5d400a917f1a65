import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import type { Context } from '../context.js';
import { EntityFilter, LimitationConnection } from '../types/connection.type.js';
import { Limitation } from '../types/entities.type.js';
import { createEntityResolver, listEntities, PageArgs, type ConnectionValue } from './entity-base.resolver.js';

@Resolver(() => Limitation)
export class LimitationResolver extends createEntityResolver(Limitation, EntityType.LIMITATION, 'limitation') {
  @Query(() => LimitationConnection, { description: 'Limitations by name, a page at a time.' })
  limitations(
    @Arg('where', () => EntityFilter, { nullable: true }) where: EntityFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    return listEntities(ctx, info, EntityType.LIMITATION, { ...page, filter: { ...where }, order: [{ field: 'NAME', direction: 'ASC' }] });
  }
}
