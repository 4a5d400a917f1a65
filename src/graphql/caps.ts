import type { Range } from '../domain/limits.js';

type ArgOptions = { defaultValue?: number; description?: string; nullable?: boolean };

const joined = (about: string | undefined, cap: string) => (about ? `${about} ${cap}` : cap);

/**
 * An argument's options with its cap in the schema's description, from the same LIMITS entry the
 * resolver checks it against (requireRange), so a client can read the bound before it is refused.
 */
export const capped = (range: Range, options: ArgOptions = {}) => ({
  ...options,
  description: joined(options.description, `From ${range.min} to ${range.max}.`),
});

/** The same for a list of ids (requireIds): how many distinct ids it takes. */
export const cappedIds = (range: Range, options: ArgOptions = {}) => ({
  ...options,
  description: joined(options.description, `From ${range.min} to ${range.max} distinct ids.`),
});
