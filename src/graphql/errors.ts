import { GraphQLError } from 'graphql';

/** A request the client can fix; the message names the argument. */
export class BadInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument && { argument }) } });
  }
}

/** Checks a whole-number argument against its cap. */
export function requireRange(name: string, value: number, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new BadInputError(`${name} must be a whole number from ${range.min} to ${range.max}, got ${value}.`, name);
  }
  return value;
}

export function requireIds(name: string, ids: string[], range: { min: number; max: number }): string[] {
  const distinct = [...new Set(ids)];
  if (distinct.length < range.min || distinct.length > range.max) {
    throw new BadInputError(`${name} must hold from ${range.min} to ${range.max} distinct ids, got ${distinct.length}.`, name);
  }
  return distinct;
}
