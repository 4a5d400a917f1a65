import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { EntityType, LineageKind, RelationType } from '../../domain/graph-model.js';
import { optionalAsOf } from '../../domain/as-of.js';
import { InvalidInputError } from '../../domain/errors.js';
import { CAPS, LIMITS, requireIds, requireRange } from '../../domain/limits.js';
import { emptyEntitySelection, mergeSelections, type Selection } from '../../domain/selection.js';
import type { NodeExtras } from '../../repositories/graph.repository.js';
import { decodeLineageCursor, encodeLineageCursor } from '../../repositories/lineage.repository.js';
import type { GraphRows, LineageStepRow } from '../../repositories/rows.js';
import { AS_OF } from '../as-of-arg.js';
import { edgeOf } from './entity-base.resolver.js';
import type { Context } from '../context.js';
import { capped, cappedIds } from '../caps.js';
import { selectionAt, selects } from '../selection.js';
import { LineageDirection } from '../types/enums.js';
import { Graph } from '../types/graph.type.js';
import { LineageStep, LineageStepConnection } from '../types/queries.type.js';

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

/** What the request reads of a GraphNode beyond id, label and type. */
const nodeExtras = (info: GraphQLResolveInfo): NodeExtras => ({
  influence: selects(info, 'nodes', 'influence'),
  date: selects(info, 'nodes', 'date'),
});

@Resolver()
export class GraphResolver {
  @Query(() => [LineageStep], {
    description: `Ancestors and/or descendants of a model along DERIVED_FROM, nearest first (for a series, those of its members): at most ${CAPS.lineageSteps}; lineagePage pages through any number and says when more follow.`,
  })
  async lineage(
    @Arg('modelId', () => ID) modelId: string,
    @Arg('direction', () => LineageDirection, { defaultValue: LineageDirection.ANCESTORS }) direction: LineageDirection,
    @Arg('maxDepth', () => Int, capped(LIMITS.lineageDepth, { defaultValue: 10 })) maxDepth: number,
    @Arg('kinds', () => [LineageKind], { nullable: true }) kinds: LineageKind[] | undefined,
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LineageStepRow[]> {
    const selection = mergeSelections(selectionAt(info, ['model'], [EntityType.MODEL]), selectionAt(info, ['via'], [EntityType.MODEL]));
    const steps = await ctx.repos.lineage.walk({
      modelId,
      directions: directionsOf(direction),
      maxDepth: requireRange('maxDepth', maxDepth, LIMITS.lineageDepth),
      kinds: kinds?.length ? kinds : null,
      selection,
      edges: 'none',
      asOf: optionalAsOf(asOf),
      page: { first: CAPS.lineageSteps, after: null },
    });
    return steps.slice(0, CAPS.lineageSteps);
  }

  @Query(() => LineageStepConnection, {
    description:
      'Ancestors and/or descendants of a model along DERIVED_FROM, nearest first, a page at a time: a popular base has tens of thousands of descendants.',
  })
  async lineagePage(
    @Arg('modelId', () => ID) modelId: string,
    @Arg('direction', () => LineageDirection, { defaultValue: LineageDirection.DESCENDANTS }) direction: LineageDirection,
    @Arg('maxDepth', () => Int, capped(LIMITS.lineageDepth, { defaultValue: 10 })) maxDepth: number,
    @Arg('kinds', () => [LineageKind], { nullable: true }) kinds: LineageKind[] | undefined,
    // 30 keeps a page of steps with every model field selected within the complexity budget.
    @Arg('first', () => Int, capped(LIMITS.lineageFirst, { defaultValue: 30 })) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LineageStepConnection> {
    const cursor = after === undefined || after === null ? null : decodeLineageCursor(after);
    if (cursor === undefined) throw new InvalidInputError('after is not a cursor this query returned.', 'after');
    const size = requireRange('first', first, LIMITS.lineageFirst);
    const selection = mergeSelections(
      selectionAt(info, ['edges', 'node', 'model'], [EntityType.MODEL]),
      selectionAt(info, ['edges', 'node', 'via'], [EntityType.MODEL]),
    );
    const steps = await ctx.repos.lineage.walk({
      modelId,
      directions: directionsOf(direction),
      maxDepth: requireRange('maxDepth', maxDepth, LIMITS.lineageDepth),
      kinds: kinds?.length ? kinds : null,
      selection,
      edges: 'none',
      asOf: optionalAsOf(asOf),
      page: { first: size, after: cursor },
    });
    const edges = steps.slice(0, size).map((step) => edgeOf(step as unknown as LineageStep, () => encodeLineageCursor(step)));
    return { edges, pageInfo: { hasNextPage: steps.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => Graph, {
    description: 'The lineage as a graph: the model, its ancestors and/or descendants, and the DERIVED_FROM edges that reach them.',
  })
  async lineageGraph(
    @Arg('modelId', () => ID) modelId: string,
    @Arg('direction', () => LineageDirection, { defaultValue: LineageDirection.ANCESTORS }) direction: LineageDirection,
    @Arg('maxDepth', () => Int, capped(LIMITS.lineageDepth, { defaultValue: 10 })) maxDepth: number,
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphRows> {
    const extras = nodeExtras(info);
    const day = optionalAsOf(asOf);
    // Without extras, {} projects id, name and kind; with them, the same and the measures or the release date (a model's date).
    const selection: Selection =
      extras.influence || extras.date
        ? {
            [EntityType.MODEL]: {
              ...emptyEntitySelection(),
              fields: new Set(['id', 'name', ...(extras.date ? ['releaseDate'] : [])]),
              influence: Boolean(extras.influence),
            },
          }
        : {};
    const steps = await ctx.repos.lineage.walk({
      modelId,
      directions: directionsOf(direction),
      maxDepth: requireRange('maxDepth', maxDepth, LIMITS.lineageDepth),
      kinds: null,
      selection,
      edges: selects(info, 'edges', 'citations') ? 'cited' : 'bare',
      withStart: true,
      asOf: day,
      page: { first: CAPS.lineageSteps, after: null },
    });
    const kept = steps.slice(0, CAPS.lineageSteps);
    // Each step carries the start model; only a model without lineage needs a second look-up (as of the date, it may not exist).
    const start = steps[0]?.start ?? (await ctx.repos.lineage.start(modelId, selection, day));
    const nodes = [start, ...kept.map((s) => s.model)]
      .filter((node) => node !== null)
      .map((node) => ({
        id: node.id,
        label: node.name as string,
        type: node.__type,
        influence: node.influence ?? null,
        date: (node.releaseDate as string | null | undefined) ?? null,
      }));
    return { nodes, edges: kept.map((s) => s.edge!), truncated: steps.length > kept.length };
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
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphRows | null> {
    return ctx.repos.graph.shortestPath({
      fromId,
      toId,
      maxDepth: requireRange('maxDepth', maxDepth, LIMITS.pathDepth),
      types: types ?? [],
      withCitations: selects(info, 'edges', 'citations'),
      nodes: nodeExtras(info),
      asOf: optionalAsOf(asOf),
    });
  }

  @Query(() => Graph, { description: 'Entities within `depth` relationships of the given ones, nearest first, at most `limit` nodes.' })
  neighborhood(
    @Arg('ids', () => [ID], cappedIds(LIMITS.ids)) ids: string[],
    @Arg('depth', () => Int, capped(LIMITS.neighborhoodDepth, { defaultValue: 1 })) depth: number,
    @Arg('limit', () => Int, capped(LIMITS.neighborhoodLimit, { defaultValue: 200 })) limit: number,
    @Arg('types', () => [RelationType], { nullable: true }) types: RelationType[] | undefined,
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphRows> {
    return ctx.repos.graph.expand({
      asOf: optionalAsOf(asOf),
      ids: requireIds('ids', ids, LIMITS.ids),
      depth: requireRange('depth', depth, LIMITS.neighborhoodDepth),
      depthLimit: LIMITS.neighborhoodDepth,
      limit: requireRange('limit', limit, LIMITS.neighborhoodLimit),
      types: types ?? [],
      direction: 'BOTH',
      withCitations: selects(info, 'edges', 'citations'),
      nodes: nodeExtras(info),
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
    @Arg('asOf', () => String, AS_OF) asOf: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphRows> {
    return ctx.repos.graph.expand({
      asOf: optionalAsOf(asOf),
      ids: [id],
      depth: requireRange('maxDepth', maxDepth, LIMITS.downstreamDepth),
      depthLimit: LIMITS.downstreamDepth,
      limit: requireRange('limit', limit, LIMITS.neighborhoodLimit),
      types: DOWNSTREAM_TYPES,
      direction: 'IN',
      withCitations: selects(info, 'edges', 'citations'),
      nodes: nodeExtras(info),
    });
  }
}
