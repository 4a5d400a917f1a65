import { InvalidInputError } from './errors.js';
import { ENTITY_TYPES, type EntityType, ISO_DATE_PATTERN, KINDS, RELATIONS, RelationType } from './registry.js';

/**
 * As-of questions: the graph as it stood at the end of a day, month or year.
 *
 * - An entity of a kind with a `releaseDate` (models, products, series) exists from its release:
 *   a date of any precision counts from the start of its period ("2022" is in the graph of
 *   2022-06-30). One without a release date is left out: nothing says it existed then.
 * - A technique exists from its first adoption: the earliest release of a model or product that
 *   USES it. A technique nothing dated uses has no date of its own and is kept.
 * - Organizations, limitations and datasets have no dates: they are kept at every date.
 * - A relationship exists when both its ends do.
 */
export const DATED_KINDS: EntityType[] = ENTITY_TYPES.filter((type) => 'releaseDate' in KINDS[type].properties);

/** Adopting a technique: USES, from the kinds that can use one. */
export const ADOPTION = RelationType.USES;
export const ADOPTED_KIND: EntityType = RELATIONS[ADOPTION].to;

/**
 * The last day an ISO date of any precision covers, as text that compares with stored dates of any
 * precision: "2022" → "2022-12-31", "2022-06" → "2022-06-31" (no month has more days, and a stored
 * "2022-06" or "2022-06-30" sorts before it).
 */
export function asOfDay(value: string, argument = 'asOf'): string {
  if (!ISO_DATE_PATTERN.test(value))
    throw new InvalidInputError(`${argument} must be an ISO date such as 2022, 2022-12 or 2022-12-31, got "${value}".`, argument);
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) return `${value}-31`;
  return value;
}

/** asOfDay for an optional argument. */
export const optionalAsOf = (value: string | null | undefined, argument = 'asOf'): string | null =>
  value === null || value === undefined ? null : asOfDay(value, argument);
