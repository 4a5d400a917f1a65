import type { GraphQLResolveInfo } from 'graphql';
import type { EntityType } from '../../domain/graph-model.js';
import { RELATION_FIELDS } from '../../domain/relation-fields.js';
import type { Context } from '../context.js';
import { positionKey, relationTargetSelection } from '../selection.js';
import type { EntityRecord } from '../types/entity.type.js';

/**
 * A relationship field's value: prefetched by the parent's query in the normal case, otherwise
 * loaded for all parents at this query position in one batch.
 */
export function relationField(root: EntityRecord, field: string, ctx: Context, info: GraphQLResolveInfo): unknown[] | Promise<unknown[]> {
  const prefetched = root[field];
  if (Array.isArray(prefetched)) return prefetched;
  const type = root.__type as EntityType;
  const relation = RELATION_FIELDS[type][field]!;
  const selection = relationTargetSelection(info, relation);
  return ctx
    .loader<unknown[]>(`relation:${positionKey(info)}`, async (ids) => {
      const found = await ctx.repos.entities.relationsOf(type, field, [...ids], selection);
      return ids.map((id) => found.get(id) ?? []);
    })
    .load(root.id);
}

/** `sources` or `claims`, prefetched or batched like relationField. */
export function citationField(root: EntityRecord, field: 'sources' | 'claims', ctx: Context, info: GraphQLResolveInfo): unknown[] | Promise<unknown[]> {
  const prefetched = root[field];
  if (Array.isArray(prefetched)) return prefetched;
  return ctx
    .loader<unknown[]>(`${field}:${positionKey(info)}`, async (ids) => {
      const found = await ctx.repos.entities.citationsOf([...ids], field === 'claims');
      return ids.map((id) => found.get(id) ?? []);
    })
    .load(root.id);
}
