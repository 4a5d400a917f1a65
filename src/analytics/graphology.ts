/**
 * graphology's packages are CommonJS whose typings say `export default`: under NodeNext TypeScript
 * reads that as `module.exports.default`, while Node hands over `module.exports` itself. The values
 * are taken from Node's view and typed from the typings' `default`, here once.
 */
import * as graphologyModule from 'graphology';
import * as louvainModule from 'graphology-communities-louvain';
import * as betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import * as pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import * as brandesModule from 'graphology-shortest-path/indexed-brandes.js';

const interop = <T>(module: { default: unknown }): T => module.default as T;

export const Graph = interop<typeof graphologyModule.default.default>(graphologyModule);
export type Graph = InstanceType<typeof Graph>;
export const louvain = interop<typeof louvainModule.default.default>(louvainModule);
export const betweennessCentrality = interop<typeof betweennessModule.default.default>(betweennessModule);
export const pagerank = interop<typeof pagerankModule.default.default>(pagerankModule);
export const createUnweightedIndexedBrandes = brandesModule.createUnweightedIndexedBrandes;
