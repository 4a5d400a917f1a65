import { InvalidInputError } from './errors.js';
import { ISO_DATE_PATTERN } from './registry.js';

export interface Range {
  readonly min: number;
  readonly max: number;
}

/**
 * Caps on every list and traversal an argument sets; a request over a cap is refused, never
 * silently shrunk. Resolvers check arguments against these, and repositories check the same
 * entries again before writing a number into Cypher, so the two can never disagree.
 */
export const LIMITS = {
  first: { min: 1, max: 100 },
  lineageDepth: { min: 1, max: 20 },
  /** Steps of one lineagePage (a popular base has 100,000 descendants: they come a page at a time). */
  lineageFirst: { min: 1, max: 1000 },
  pathDepth: { min: 1, max: 10 },
  neighborhoodDepth: { min: 0, max: 3 },
  neighborhoodLimit: { min: 1, max: 1000 },
  downstreamDepth: { min: 1, max: 10 },
  ids: { min: 1, max: 50 },
  /** Columns of a comparison: fewer than two compares nothing, more than ten is no longer readable side by side. */
  comparedModels: { min: 2, max: 10 },
  searchLength: { min: 1, max: 200 },
  curveSeries: { min: 1, max: 20 },
  influenceIds: { min: 1, max: 1000 },
} as const satisfies Record<string, Range>;

/** Fixed caps the repositories apply where no argument sets the size. */
export const CAPS = {
  /** Most items one relationship field (a model's techniques, …) returns; traversals past it are for the graph queries. */
  relationField: 200,
  /** Full-text hits fetched before ranking: at least this many, or `searchCandidatesPerHit` per hit asked for. */
  searchCandidates: 50,
  searchCandidatesPerHit: 5,
  /** An organization profile lists this many of its most used techniques. */
  favouriteTechniques: 10,
  /** Contested attributes `conflicts` reads before ranking them (the default graph has 16). */
  conflictGroups: 10_000,
  /** Steps `lineage` and `lineageGraph` return at most, nearest first (lineagePage pages through the rest). */
  lineageSteps: 1000,
  /** How far a new DERIVED_FROM link is followed to find a cycle; well beyond any real lineage. */
  cycleCheckDepth: 100,
  /** Measures of past dates (`asOf`) kept in memory per process, and how long one computation may take. */
  asOfMeasuresKept: 16,
  asOfMeasuresMs: 20_000,
  /**
   * The largest graph whose measures are computed on request (`asOf`): at about 0.2 ms of computation
   * per entity (2M Hugging Face-shaped models took 409 s), 50,000 fit in asOfMeasuresMs; a larger one
   * would be read into the service only to be stopped.
   */
  asOfMeasuresEntities: 50_000,
} as const;

/** Checks a whole-number argument against its cap; the error names the argument and the bound. */
export function requireRange(argument: string, value: number, range: Range): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InvalidInputError(`${argument} must be a whole number from ${range.min} to ${range.max}, got ${value}.`, argument);
  }
  return value;
}

/** Checks a list of ids against its cap, counting each id once. */
export function requireIds(argument: string, ids: string[], range: Range): string[] {
  const distinct = [...new Set(ids)];
  if (distinct.length < range.min || distinct.length > range.max) {
    throw new InvalidInputError(`${argument} must hold from ${range.min} to ${range.max} distinct ids, got ${distinct.length}.`, argument);
  }
  return distinct;
}

/** Checks an optional ISO date argument of any precision (2023, 2023-03, 2023-03-14); null when absent. */
export function optionalIsoDate(argument: string, value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (!ISO_DATE_PATTERN.test(value))
    throw new InvalidInputError(`${argument} must be an ISO date such as 2023, 2023-03 or 2023-03-14, got "${value}".`, argument);
  return value;
}
