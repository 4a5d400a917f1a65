import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { EntityType, LineageKind, RelationType } from '../../domain/graph-model.js';
import { LIMITS, requireIds, requireRange } from '../../domain/limits.js';
import { mergeSelections } from '../../domain/selection.js';
import type { Context } from '../context.js';
import { capped, cappedIds } from '../caps.js';
import { selectionAt, selects } from '../selection.js';
import { LineageDirection } from '../types/enums.js';
import { Graph } from '../types/graph.type.js';
import { LineageStep } from '../types/queries.type.js';
import type { GraphRows, LineageStepRow } from '../../repositories/rows.js';

// Following these relationships against their direction reaches what depends on an entity.

const DOWNSTREAM_TYPES = [
  RelationType.DERIVED_FROM,
  RelationType.BUILDS_ON,
  RelationType.USES,
  RelationType.DEVELOPED_BY,
  RelationType.PROPOSED_BY,
];

function directionsOf(direction: LineageDirection): Array<'ANCESTORS' | 'DESCENDANTS'> {
  return direction === LineageDirection.BOTH ? ['ANCESTORS', 'DESCENDANTS'] : [direction];
}

@Resolver()
export class GraphResolver {
  @Query(() => [LineageStep], { description: 'Ancestors and/or descendants of a model along DERIVED_FROM, nearest first.' })
  lineage(
    @Arg('modelId', () => ID) modelId: string,
    @Arg('direction', () => LineageDirection, { defaultValue: LineageDirection.ANCESTORS }) direction: LineageDirection,
    @Arg('maxDepth', () => Int, capped(LIMITS.lineageDepth, { defaultValue: 10 })) maxDepth: number,
    @Arg('kinds', () => [LineageKind], { nullable: true }) kinds: LineageKind[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LineageStepRow[]> {
    const selection = mergeSelections(selectionAt(info, ['model'], [EntityType.MODEL]), selectionAt(info, ['via'], [EntityType.MODEL]));
    return ctx.repos.lineage.walk({
      modelId,
      directions: directionsOf(direction),
      maxDepth: requireRange('maxDepth', maxDepth, LIMITS.lineageDepth),
      kinds: kinds?.length ? kinds : null,
      selection,
      edges: 'none',
    });
  }

  @Query(() => Graph, {
    description: 'The lineage as a graph: the model, its ancestors and/or descendants, and the DERIVED_FROM edges that reach them.',
  })
  async lineageGraph(
    @Arg('modelId', () => ID) modelId: string,
    @Arg('direction', () => LineageDirection, { defaultValue: LineageDirection.ANCESTORS }) direction: LineageDirection,
    @Arg('maxDepth', () => Int, capped(LIMITS.lineageDepth, { defaultValue: 10 })) maxDepth: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphRows> {
    const steps = await ctx.repos.lineage.walk({
      modelId,
      directions: directionsOf(direction),
      maxDepth: requireRange('maxDepth', maxDepth, LIMITS.lineageDepth),
      kinds: null,
      selection: {},
      edges: selects(info, 'edges', 'citations') ? 'cited' : 'bare',
    });
    // Each step carries the start model; only a model without lineage needs a second look-up.
    const start = steps[0]?.start ?? (await ctx.repos.entities.byId(modelId, [EntityType.MODEL], {}));
    const nodes = [start, ...steps.map((s) => s.model)]
      .filter((node) => node !== null)
      .map((node) => ({ id: node.id, label: node.name as string, type: node.__type }));
    return { nodes, edges: steps.map((s) => s.edge!), truncated: false };
  }

  @Query(() => Graph, {
    nullable: true,
    description: 'A shortest path between any two entities (ignoring direction), nodes in path order; null if none.',
  })
  path(
    @Arg('fromId', () => ID) fromId: string,
    @Arg('toId', () => ID) toId: string,
    @Arg('maxDepth', () => Int, capped(LIMITS.pathDepth, { defaultValue: 6 })) maxDepth: number,
    @Arg('types', () => [RelationType], { nullable: true }) types: RelationType[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphRows | null> {
    return ctx.repos.graph.shortestPath(
      fromId,
      toId,
      requireRange('maxDepth', maxDepth, LIMITS.pathDepth),
      types ?? [],
      selects(info, 'edges', 'citations'),
    );
  }

  @Query(() => Graph, { description: 'Entities within `depth` relationships of the given ones, nearest first, at most `limit` nodes.' })
  neighborhood(
    @Arg('ids', () => [ID], cappedIds(LIMITS.ids)) ids: string[],
    @Arg('depth', () => Int, capped(LIMITS.neighborhoodDepth, { defaultValue: 1 })) depth: number,
    @Arg('limit', () => Int, capped(LIMITS.neighborhoodLimit, { defaultValue: 200 })) limit: number,
    @Arg('types', () => [RelationType], { nullable: true }) types: RelationType[] | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphRows> {
    return ctx.repos.graph.expand({
      ids: requireIds('ids', ids, LIMITS.ids),
      depth: requireRange('depth', depth, LIMITS.neighborhoodDepth),
      depthLimit: LIMITS.neighborhoodDepth,
      limit: requireRange('limit', limit, LIMITS.neighborhoodLimit),
      types: types ?? [],
      direction: 'BOTH',
      withCitations: selects(info, 'edges', 'citations'),
    });
  }

  @Query(() => Graph, {
    description:
      'Everything downstream of an entity: models derived from it, techniques building on it, models using those, an organization’s models and their descendants.',
  })
  downstream(
    @Arg('id', () => ID) id: string,
    @Arg('maxDepth', () => Int, capped(LIMITS.downstreamDepth, { defaultValue: 5 })) maxDepth: number,
    @Arg('limit', () => Int, capped(LIMITS.neighborhoodLimit, { defaultValue: 200 })) limit: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphRows> {
    return ctx.repos.graph.expand({
      ids: [id],
      depth: requireRange('maxDepth', maxDepth, LIMITS.downstreamDepth),
      depthLimit: LIMITS.downstreamDepth,
      limit: requireRange('limit', limit, LIMITS.neighborhoodLimit),
      types: DOWNSTREAM_TYPES,
      direction: 'IN',
      withCitations: selects(info, 'edges', 'citations'),
    });
  }
}
