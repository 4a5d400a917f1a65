import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type CitationValues, check, checkLinkShape, endpointsOf, INPUT_RULES, linkRule } from '../../domain/input-rules.js';
import { InvalidInputError } from '../../domain/errors.js';
import { LIMITS, requireRange } from '../../domain/limits.js';
import { claimableOf, ENTITY_TYPES, type EntityType, isStatement, KINDS, RelationType } from '../../domain/registry.js';
import type { Context } from '../context.js';
import { capped } from '../caps.js';
import { selectionOf } from '../selection.js';
import { ChangeRecord, ENTITY_INPUTS, LinkInput } from '../types/curation.type.js';
import { ENTITY_CLASSES } from '../types/entities.type.js';
import { GraphEdge } from '../types/graph.type.js';
import type { EntityRow, GraphEdgeRow } from '../../repositories/rows.js';

/** Validates, writes in one transaction, then reads the entity back with the requested fields. */

async function upsert(type: EntityType, input: object, ctx: Context, info: GraphQLResolveInfo): Promise<EntityRow> {
  const values = check(INPUT_RULES[type], input) as Record<string, unknown> & { id: string; name: string; citation: CitationValues };
  const props: Record<string, unknown> = {};
  for (const key of Object.keys(KINDS[type].properties)) if (values[key] !== undefined && values[key] !== null) props[key] = values[key];
  await ctx.repos.curation.upsertEntity(
    type,
    {
      id: values.id,
      name: values.name,
      aliases: values.aliases as string[] | null | undefined,
      description: values.description as string | null | undefined,
      props,
      claims: claimableOf(type)
        .filter((a) => props[a] !== undefined)
        .map((attribute) => ({ attribute, value: props[attribute] })),
      citation: values.citation,
    },
    ctx.caller!.actor,
  );
  return (await ctx.repos.entities.byId(values.id, [type], selectionOf(info, info.fieldNodes, [type])))!;
}

/** `upsert${TypeName}` for one kind, generated from the registry. */
function upsertResolver(type: EntityType) {
  const kind = KINDS[type];
  const description =
    claimableOf(type).length > 0 ? `Creates or updates a ${kind.singular}; every given attribute is recorded as a cited claim.` : undefined;
  @Resolver()
  class UpsertResolver {
    @Authorized('editor')
    @Mutation(() => ENTITY_CLASSES[type], { name: `upsert${kind.typeName}`, ...(description && { description }) })
    upsert(@Arg('input', () => ENTITY_INPUTS[type]) input: object, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return upsert(type, input, ctx, info);
    }
  }
  Object.defineProperty(UpsertResolver, 'name', { value: `Upsert${kind.typeName}Resolver` });
  return UpsertResolver;
}
export const UPSERT_RESOLVERS = ENTITY_TYPES.map(upsertResolver);

/** Edge ids have the form from:TYPE:to (a statement relationship, a benchmark result: from:TYPE:to:key); anything else names no edge. */
function parseEdgeId(edgeId: string): { fromId: string; type: RelationType; toId: string; key: string | null } {
  const [fromId, type, toId, key, ...rest] = edgeId.split(':');
  const known = Object.values(RelationType).includes(type as RelationType);
  if (rest.length > 0 || !fromId || !toId || !known || (key !== undefined) !== isStatement(type as RelationType)) {
    throw new InvalidInputError(
      `edgeId must look like "gpt-4:DEVELOPED_BY:openai" (a result: "gpt-4o:SCORED_ON:mmlu:<key>"), got "${edgeId}".`,
      'edgeId',
    );
  }
  return { fromId, type: type as RelationType, toId, key: key ?? null };
}

@Resolver()
export class CurationResolver {
  @Authorized('editor')
  @Mutation(() => GraphEdge, { description: 'Creates a relationship, or adds a citation to an existing one; refuses lineage cycles.' })
  linkEntities(@Arg('input', () => LinkInput) input: LinkInput, @Ctx() ctx: Context): Promise<GraphEdgeRow> {
    const link = check(linkRule, input);
    checkLinkShape(link);
    return ctx.repos.curation.link({ ...link, kind: link.kind ?? null }, endpointsOf(link.type), ctx.caller!.actor);
  }

  @Authorized('editor')
  @Mutation(() => Boolean, { description: 'Removes one relationship by its GraphEdge id.' })
  async unlinkEntities(@Arg('edgeId', () => ID) edgeId: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.repos.curation.unlink(parseEdgeId(edgeId), ctx.caller!.actor);
    return true;
  }

  @Authorized('admin')
  @Mutation(() => Boolean, { description: 'Removes an entity and all its relationships (admin only).' })
  async deleteEntity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await ctx.repos.curation.deleteEntity(id, ctx.caller!.actor);
    return true;
  }

  @Query(() => [ChangeRecord], { description: 'Recorded writes touching an entity, newest first.' })
  history(
    @Arg('entityId', () => ID) entityId: string,
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 20 })) first: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.repos.curation.history(entityId, requireRange('first', first, LIMITS.first));
  }
}
