import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { EntityType } from '../../domain/graph-model.js';
import type { Context } from '../context.js';
import { InvalidInputError } from '../../domain/errors.js';
import { optionalIsoDate } from '../../domain/limits.js';
import { CONNECTIONS, ModelFilter, ModelOrder } from '../types/connection.type.js';
import { Model } from '../types/entities.type.js';
import type { EntityRecord } from '../types/entity.type.js';
import { createEntityResolver, listEntities, PageArgs, type ConnectionValue } from './entity-base.resolver.js';

/**
 * The filter with its organization as an id: a name or alias (any case) is looked up; one that names
 * no organization, or several, is refused in one sentence.
 */
async function organizationFilter(ctx: Context, filter: ModelFilter): Promise<ModelFilter> {
  const reference = filter.organization;
  if (reference === undefined || reference === null) return filter;
  return { ...filter, organization: await organizationId(ctx, reference, 'where.organization') };
}

/** The id of the organization a reference names (its id, or a name or alias in any case); one sentence when it names none or several. */
export async function organizationId(ctx: Context, reference: string, argument: string): Promise<string> {
  const found = await ctx.repos.entities.organizationsNamed(reference);
  if (found.length === 0)
    throw new InvalidInputError(
      `${argument} "${reference}" names no organization: give an organization's id (such as "google") or one of its names.`,
      argument,
    );
  if (found.length > 1 && !found.some((o) => o.id === reference))
    throw new InvalidInputError(
      `${argument} "${reference}" names ${found.length} organizations (${found.map((o) => `${o.name}: ${o.id}`).join(', ')}): give one's id.`,
      argument,
    );
  return found.find((o) => o.id === reference)?.id ?? found[0]!.id;
}

/** The filter with its dates checked (the other fields' types are the schema's). */

function checkFilter(filter: ModelFilter | undefined): ModelFilter {
  for (const name of ['releasedAfter', 'releasedBefore'] as const) optionalIsoDate(`where.${name}`, filter?.[name]);
  return { ...filter };
}

@Resolver(() => Model)
export class ModelResolver extends createEntityResolver(EntityType.MODEL) {
  @Query(() => CONNECTIONS[EntityType.MODEL], { description: 'Models, filtered and ordered, a page at a time (keyset cursors).' })
  async models(
    @Arg('where', () => ModelFilter, { nullable: true }) where: ModelFilter | undefined,
    @Arg('orderBy', () => [ModelOrder], { nullable: true, description: 'Default: by name.' }) orderBy: ModelOrder[] | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    const order = (orderBy?.length ? orderBy : [{ field: 'NAME', direction: 'ASC' }]).slice(0, 3) as ModelOrder[];
    const filter = await organizationFilter(ctx, checkFilter(where));
    return listEntities(ctx, info, EntityType.MODEL, { ...page, filter, order });
  }

  @FieldResolver(() => [String])
  modalities(@Root() model: EntityRecord): string[] {
    return (model.modalities as string[] | null) ?? [];
  }
}
