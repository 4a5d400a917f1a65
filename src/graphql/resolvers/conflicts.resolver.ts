import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { LIMITS, requireRange } from '../../domain/limits.js';
import type { Context } from '../context.js';
import { capped } from '../caps.js';
import { Conflict } from '../types/conflict.type.js';

@Resolver()
export class ConflictsResolver {
  @Query(() => [Conflict], {
    description:
      'Attributes whose cited values disagree at their stated precision, the furthest apart first (then by entity id); the first `first` of them.',
  })
  conflicts(
    @Arg('first', () => Int, capped(LIMITS.first, { defaultValue: 50 })) first: number,
    @Arg('includePrecision', () => Boolean, {
      defaultValue: false,
      description: 'Also list attributes whose values differ only in precision (2023-03 and 2023-03-15), with severity 0, last.',
    })
    includePrecision: boolean,
    @Ctx() ctx: Context,
  ): Promise<Conflict[]> {
    return ctx.repos.conflicts.list(requireRange('first', first, LIMITS.first), includePrecision) as Promise<Conflict[]>;
  }
}
