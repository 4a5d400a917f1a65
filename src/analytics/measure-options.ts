import { RELATION_TYPES, RELATIONS } from '../domain/registry.js';
import type { MeasureOptions } from './measures.js';

/** How the graph measures read the registry's relationships: lineage is the one with a kind, symmetric ones have a `both` field. */
export const GRAPH_MEASURE_OPTIONS: MeasureOptions = {
  lineageType: RELATION_TYPES.find((type) => RELATIONS[type].kind !== undefined)!,
  symmetricTypes: new Set(RELATION_TYPES.filter((type) => RELATIONS[type].bothField !== undefined)),
};
