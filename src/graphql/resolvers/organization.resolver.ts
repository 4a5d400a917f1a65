import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import type { Context } from '../context.js';
import { EntityFilter, OrganizationConnection } from '../types/connection.type.js';
import { Model, Organization, Technique } from '../types/entities.type.js';
import type { EntityRecord } from '../types/entity.type.js';
import { relationField } from './entity-fields.js';
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
    return listEntities(ctx, info, EntityType.ORGANIZATION, { ...page, filter: { ...where }, order: [{ field: 'NAME', direction: 'ASC' }] });
  }

  @FieldResolver(() => [Model])
  models(@Root() org: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(org, 'models', ctx, info);
  }

  @FieldResolver(() => [Organization])
  collaborators(@Root() org: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(org, 'collaborators', ctx, info);
  }

  @FieldResolver(() => [Organization])
  investsIn(@Root() org: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(org, 'investsIn', ctx, info);
  }

  @FieldResolver(() => [Organization])
  investors(@Root() org: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(org, 'investors', ctx, info);
  }

  @FieldResolver(() => [Technique])
  proposedTechniques(@Root() org: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(org, 'proposedTechniques', ctx, info);
  }
}
