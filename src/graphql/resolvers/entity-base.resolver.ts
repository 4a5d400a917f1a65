import type { GraphQLResolveInfo } from 'graphql';
import { Arg, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { LIMITS, requireRange } from '../../domain/limits.js';
import type { EntityType } from '../../domain/graph-model.js';
import type { EntityRow, ModelFilterValues, SortKey } from '../../repositories/entity.repository.js';
import type { Context } from '../context.js';
import { InvalidInputError } from '../../domain/errors.js';
import { selectionAt, selectionOf, selects } from '../selection.js';
import type { EntityRecord } from '../types/entity.type.js';
import { EntityType as EntityTypeEnum } from '../types/enums.js';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, at most ${LIMITS.first.max}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string;
}

export interface ConnectionValue {
  edges: Array<{ cursor: string; node: EntityRow }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
}

const encodeCursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

function decodeCursor(cursor: string | undefined, length: number): unknown[] | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    // Reported below with the same sentence as any other foreign cursor.
  }
  throw new InvalidInputError('after must be an endCursor returned by the same query with the same orderBy.', 'after');
}

/** One page of entities of `type` in keyset order, as a Relay connection. */
export async function listEntities(
  ctx: Context,
  info: GraphQLResolveInfo,
  type: EntityType,
  args: { first: number; after?: string; filter: ModelFilterValues; order: SortKey[] },
): Promise<ConnectionValue> {
  const first = requireRange('first', args.first, LIMITS.first);
  const page = await ctx.repos.entities.list(type, {
    filter: args.filter,
    order: args.order,
    first,
    after: decodeCursor(args.after, args.order.length + 1),
    selection: selectionAt(info, ['edges', 'node'], [type]),
    withTotal: selects(info, 'totalCount'),
  });
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(row.key), node: row.node }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.total };
}

/**
 * Shared by the four entity resolvers: lookup by id, and the Entity fields that need a default.
 * Relationship and citation fields need no resolvers: the query that loads an entity compiles
 * them in (see ProjectionCompiler), so their values arrive with the parent.
 */
export function createEntityResolver<T extends object>(objectType: ClassType<T>, type: EntityType, queryName: string) {
  @Resolver(() => objectType)
  abstract class EntityResolver {
    @Query(() => objectType, { name: queryName, nullable: true, description: `The ${queryName} with this id, or null.` })
    async byId(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRow | null> {
      return ctx.repos.entities.byId(id, [type], selectionOf(info, info.fieldNodes, [type]));
    }

    @FieldResolver(() => EntityTypeEnum)
    type(@Root() entity: EntityRecord): EntityType {
      return entity.__type;
    }

    @FieldResolver(() => [String])
    aliases(@Root() entity: EntityRecord): string[] {
      return entity.aliases ?? [];
    }
  }
  return EntityResolver;
}
