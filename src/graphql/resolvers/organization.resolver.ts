import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import type { Context } from '../context.js';
import { EntityFilter, OrganizationConnection } from '../types/connection.type.js';
import { Organization } from '../types/entities.type.js';
import { createEntityResolver, listEntities, PageArgs, type ConnectionValue } from './entity-base.resolver.js';

@Resolver(() => Organization)
export class OrganizationResolver extends createEntityResolver(Organization, EntityType.ORGANIZATION, 'organization') {
  @Query(() => OrganizationConnection, { description: 'Organizations by name, a page at a time.' })
  organizations(
    @Arg('where', () => EntityFilter, { nullable: true }) where: EntityFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    return listEntities(ctx, info, EntityType.ORGANIZATION, {
      ...page,
      filter: { ...where },
      order: [{ field: 'NAME', direction: 'ASC' }],
    });
  }
}
