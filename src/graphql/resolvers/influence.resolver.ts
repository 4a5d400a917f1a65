import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { InfluenceRow } from '../../repositories/research.repository.js';
import { Influence, KindCount } from '../types/influence.type.js';

/** The fan-out is stored as JSON text ({kind: count}) on the node; every path that reads `Influence` hands it over as stored. */
@Resolver(() => Influence)
export class InfluenceResolver {
  @FieldResolver(() => [KindCount], { description: 'Direct children by lineage kind.' })
  fanOut(@Root() influence: InfluenceRow): KindCount[] {
    const counts = JSON.parse(influence.fanOut ?? '{}') as Record<string, number>;
    return Object.entries(counts).map(([kind, count]) => ({ kind, count }));
  }
}
