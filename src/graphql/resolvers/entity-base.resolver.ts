import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, requireRange } from '../../domain/limits.js';
import { type EntityType, KINDS } from '../../domain/registry.js';
import { type ModelFilterValues, type SortKey, sortKeysOf } from '../../repositories/entity.repository.js';
import type { Context } from '../context.js';
import { capped } from '../caps.js';
import { InvalidInputError } from '../../domain/errors.js';
import { selectionAt, selectionOf, selects } from '../selection.js';
import { CONNECTIONS, EntityFilter } from '../types/connection.type.js';
import { ENTITY_CLASSES } from '../types/entities.type.js';
import type { EntityRecord } from '../types/entity.type.js';
import { EntityType as EntityTypeEnum } from '../types/enums.js';
import type { EntityRow } from '../../repositories/rows.js';

@ArgsType()
export class PageArgs {
  @Field(() => Int, capped(LIMITS.first, { defaultValue: 20, description: 'Page size.' }))
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string;
}

export interface ConnectionValue {
  edges: Array<{ cursor: string; node: EntityRow }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
}

export const encodeCursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** A connection's edge whose cursor is encoded when read: most clients select only the page's last (endCursor). */
export const edgeOf = <N>(node: N, cursor: () => string): { cursor: string; node: N } => ({
  node,
  get cursor() {
    return cursor();
  },
});

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | undefined {
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
    after: decodeCursor(args.after, sortKeysOf(args.order).length),
    selection: selectionAt(info, ['edges', 'node'], [type]),
    withTotal: selects(info, 'totalCount'),
  });
  const edges = page.rows.map((row) => edgeOf(row.node, () => encodeCursor(row.key)));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.total };
}

/**
 * The resolver of one kind: lookup by id and the Entity fields that need a default. Relationship
 * and citation fields need no resolvers: the query that loads an entity compiles them in (see
 * ProjectionCompiler), so their values arrive with the parent. Kinds with special list queries
 * (models) extend this one; the others use createListedEntityResolver.
 */
export function createEntityResolver(type: EntityType) {
  const objectType = ENTITY_CLASSES[type];
  const queryName = KINDS[type].singular;
  @Resolver(() => objectType)
  abstract class EntityResolver {
    @Query(() => objectType, { name: queryName, nullable: true, description: `The ${queryName} with this id, or null.` })
    async byId(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRow | null> {
      return ctx.repos.entities.byId(id, [type], selectionOf(info, info.fieldNodes, [type]));
    }

    // The kind of this object type: entities inside relationship fields carry no __type (ProjectionCompiler).
    @FieldResolver(() => EntityTypeEnum)
    type(): EntityType {
      return type;
    }

    @FieldResolver(() => [String])
    aliases(@Root() entity: EntityRecord): string[] {
      return entity.aliases ?? [];
    }
  }
  return EntityResolver;
}

/** A kind's resolver with the plain list query (by name, filtered by name), named by the registry's plural. */
export function createListedEntityResolver(type: EntityType) {
  const kind = KINDS[type];
  @Resolver(() => ENTITY_CLASSES[type])
  class ListedEntityResolver extends createEntityResolver(type) {
    @Query(() => CONNECTIONS[type], { name: kind.plural, description: kind.listDescription })
    list(
      @Arg('where', () => EntityFilter, { nullable: true }) where: EntityFilter | undefined,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ConnectionValue> {
      return listEntities(ctx, info, type, { ...page, filter: { ...where }, order: [{ field: 'NAME', direction: 'ASC' }] });
    }
  }
  Object.defineProperty(ListedEntityResolver, 'name', { value: `${kind.typeName}Resolver` });
  return ListedEntityResolver;
}
