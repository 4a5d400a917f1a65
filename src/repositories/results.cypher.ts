/**
 * How the results of one model on one benchmark rank (statement relationships, registry `statement`): an
 * independently measured result before a self-reported one, then the newer before the older (an undated one
 * last), then by key, so the order is total and stable. Rank 1 is the preferred result.
 */
import { relType } from '../domain/graph-model.js';
import type { RelationType } from '../domain/registry.js';

/** ORDER BY items putting result `r` in rank order. */
export const RESULT_ORDER = (r: string): string => `${r}.selfReported, coalesce(${r}.date, '') DESC, ${r}.key`;

/** Whether result `q` ranks before result `r` (both of one model and benchmark). */
const ranksBefore = (q: string, r: string): string =>
  `(${q}.selfReported < ${r}.selfReported OR (${q}.selfReported = ${r}.selfReported AND (coalesce(${q}.date, '') > coalesce(${r}.date, '')
    OR (coalesce(${q}.date, '') = coalesce(${r}.date, '') AND ${q}.key < ${r}.key))))`;

/** The rank of result `r` of type `type` from `s` to `e`: 1 plus the results of the pair ranking before it; `q` is a fresh variable. */
export const resultRank = (type: RelationType, r: string, s: string, e: string, q: string): string =>
  `1 + COUNT { MATCH (${s})-[${q}:${relType(type)}]->(${e}) WHERE ${q} <> ${r} AND ${ranksBefore(q, r)} }`;
