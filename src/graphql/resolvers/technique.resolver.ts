import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import type { Context } from '../context.js';
import { EntityFilter, TechniqueConnection } from '../types/connection.type.js';
import { Technique } from '../types/entities.type.js';
import { createEntityResolver, listEntities, PageArgs, type ConnectionValue } from './entity-base.resolver.js';

@Resolver(() => Technique)
export class TechniqueResolver extends createEntityResolver(Technique, EntityType.TECHNIQUE, 'technique') {
  @Query(() => TechniqueConnection, { description: 'Techniques by name, a page at a time.' })
  techniques(
    @Arg('where', () => EntityFilter, { nullable: true }) where: EntityFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    return listEntities(ctx, info, EntityType.TECHNIQUE, { ...page, filter: { ...where }, order: [{ field: 'NAME', direction: 'ASC' }] });
  }
}
