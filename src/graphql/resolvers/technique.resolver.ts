import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import type { Context } from '../context.js';
import { EntityFilter, TechniqueConnection } from '../types/connection.type.js';
import { Limitation, Model, Organization, Technique } from '../types/entities.type.js';
import type { EntityRecord } from '../types/entity.type.js';
import { relationField } from './entity-fields.js';
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

  @FieldResolver(() => [Model])
  usedBy(@Root() technique: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(technique, 'usedBy', ctx, info);
  }

  @FieldResolver(() => [Limitation])
  mitigates(@Root() technique: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(technique, 'mitigates', ctx, info);
  }

  @FieldResolver(() => [Technique])
  buildsOn(@Root() technique: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(technique, 'buildsOn', ctx, info);
  }

  @FieldResolver(() => [Technique])
  builtUponBy(@Root() technique: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(technique, 'builtUponBy', ctx, info);
  }

  @FieldResolver(() => [Organization])
  proposedBy(@Root() technique: EntityRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationField(technique, 'proposedBy', ctx, info);
  }
}
