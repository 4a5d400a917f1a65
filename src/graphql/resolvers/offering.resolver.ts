import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, ID, InputType, Info, Query, Resolver, registerEnumType } from 'type-graphql';
import { InvalidInputError } from '../../domain/errors.js';
import { EntityType } from '../../domain/graph-model.js';
import { LIMITS, requireRange } from '../../domain/limits.js';
import { OfferingStatus } from '../../domain/registry.js';
import type { OfferingOrderField } from '../../repositories/offering.repository.js';
import type { Context } from '../context.js';
import { selectionAt, selects } from '../selection.js';
import { CONNECTIONS } from '../types/connection.type.js';
import { Offering } from '../types/entities.type.js';
import { OrderDirection } from '../types/enums.js';
import { type ConnectionValue, createEntityResolver, decodeCursor, edgeOf, encodeCursor, PageArgs } from './entity-base.resolver.js';

enum OfferingOrderFieldEnum {
  INPUT_PRICE = 'INPUT_PRICE',
  OUTPUT_PRICE = 'OUTPUT_PRICE',
  NAME = 'NAME',
}
registerEnumType(OfferingOrderFieldEnum, {
  name: 'OfferingOrderField',
  description: 'What offerings are ordered by: a price per million tokens (unpriced ones last), or the name.',
});

@InputType({ description: 'All given conditions must hold.' })
export class OfferingFilter {
  @Field(() => ID, { nullable: true, description: 'A model’s id: the offerings that serve it.' })
  model?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A provider, by organization id or name ("openrouter", "OpenRouter"): the offerings it lists.',
  })
  provider?: string;

  @Field(() => OfferingStatus, { nullable: true })
  status?: OfferingStatus;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include offerings a newer snapshot no longer lists (status WITHDRAWN); left out by default.',
  })
  includeWithdrawn?: boolean;
}

@InputType()
export class OfferingOrder {
  @Field(() => OfferingOrderFieldEnum, { defaultValue: OfferingOrderFieldEnum.INPUT_PRICE })
  field!: OfferingOrderFieldEnum;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

/** The provider filter as an organization id: a name or alias is looked up; one naming none, or several, is refused in one sentence. */
async function providerId(ctx: Context, reference: string | undefined): Promise<string | undefined> {
  if (reference === undefined || reference === null) return undefined;
  const found = await ctx.repos.entities.organizationsNamed(reference);
  if (found.length === 0)
    throw new InvalidInputError(`where.provider "${reference}" names no organization: give its id or one of its names.`, 'where.provider');
  return found.find((o) => o.id === reference)?.id ?? found[0]!.id;
}

@Resolver(() => Offering)
export class OfferingResolver extends createEntityResolver(EntityType.OFFERING) {
  @Query(() => CONNECTIONS[EntityType.OFFERING], {
    description:
      'Providers’ offerings of models (models.dev), cheapest input price first unless `orderBy` says otherwise: `where: {model}` gives a model’s offerings, `where: {provider}` a provider’s models. Prices are USD per million tokens, as of the catalogue snapshot each offering cites.',
  })
  async offerings(
    @Arg('where', () => OfferingFilter, { nullable: true }) where: OfferingFilter | undefined,
    @Arg('orderBy', () => OfferingOrder, { nullable: true }) orderBy: OfferingOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue> {
    const first = requireRange('first', page.first, LIMITS.first);
    const order = {
      field: (orderBy?.field ?? OfferingOrderFieldEnum.INPUT_PRICE) as OfferingOrderField,
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    const result = await ctx.repos.offerings.list({
      filter: { ...where, provider: await providerId(ctx, where?.provider) },
      order,
      first,
      after: decodeCursor(page.after, 2),
      selection: selectionAt(info, ['edges', 'node'], [EntityType.OFFERING]),
      withTotal: selects(info, 'totalCount'),
    });
    const edges = result.rows.map((row) => edgeOf(row.node, () => encodeCursor(row.key)));
    return { edges, pageInfo: { hasNextPage: result.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: result.total };
  }
}
