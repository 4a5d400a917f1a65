import { ADOPTED_KIND, ADOPTION, DATED_KINDS, LISTED_KINDS } from '../domain/as-of.js';
import { CITES, label, relType, SOURCE_LABEL } from '../domain/graph-model.js';

/** `v` is one of the kinds dated by their release. */
const isDated = (v: string): string => DATED_KINDS.map((type) => `${v}:${label(type)}`).join(' OR ');
const isListed = (v: string): string => LISTED_KINDS.map((type) => `${v}:${label(type)}`).join(' OR ');
/** The date of the first catalogue snapshot citing `v` (a listing's). */
const firstListed = (v: string): string =>
  `COLLECT { MATCH (${v})-[:${relType(CITES)}]->(listing:${SOURCE_LABEL}) WHERE listing.date IS NOT NULL RETURN listing.date ORDER BY listing.date LIMIT 1 }[0]`;

/** Whether `v`, of a kind dated by its release (a model), exists as of `param`: existsAt without the cases it cannot meet. */
export const releasedBy = (v: string, param = '$asOf'): string => `coalesce(${v}.releaseDate <= ${param}, false)`;

/**
 * Whether node `v` exists in the graph as of `param` (a day from asOfDay), following the rules of
 * src/domain/as-of.ts; never null.
 */
export function existsAt(v: string, param = '$asOf'): string {
  const adopters = `(${v})<-[:${relType(ADOPTION)}]-(adopter)`;
  return `(CASE WHEN ${isDated(v)} THEN ${releasedBy(v, param)}
    WHEN ${isListed(v)} THEN coalesce(${firstListed(v)} <= ${param}, false)
    WHEN ${v}:${label(ADOPTED_KIND)} THEN EXISTS { MATCH ${adopters} WHERE adopter.releaseDate <= ${param} }
      OR NOT EXISTS { MATCH ${adopters} WHERE adopter.releaseDate IS NOT NULL }
    ELSE true END)`;
}

/** The date node `v` enters the graph for as-of questions: its release, a technique's first adoption, or null. */
export function sinceOf(v: string): string {
  return `(CASE WHEN ${isDated(v)} THEN ${v}.releaseDate
    WHEN ${isListed(v)} THEN ${firstListed(v)}
    WHEN ${v}:${label(ADOPTED_KIND)} THEN COLLECT { MATCH (${v})<-[:${relType(ADOPTION)}]-(adopter) WHERE adopter.releaseDate IS NOT NULL
      RETURN adopter.releaseDate ORDER BY adopter.releaseDate LIMIT 1 }[0]
    ELSE null END)`;
}

/** `AND existsAt(v)` when an as-of date is asked, nothing otherwise (no cost to the plain query). */
export const andExistsAt = (v: string, asOf: string | null): string => (asOf === null ? '' : ` AND ${existsAt(v)}`);
