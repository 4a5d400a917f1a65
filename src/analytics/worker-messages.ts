import type { MeasureEdge, MeasureNode, Measures, NodeMeasures } from '../domain/measures.js';

/**
 * Items per message between the service and the measures worker. A message is copied whole on the
 * receiving thread: two million nodes' measures in one message held the service's event loop for
 * seconds (6 s at a million in a synthetic test), twenty thousand take a few tens of milliseconds.
 */
export const MEASURES_CHUNK = 20_000;

/**
 * To the worker: the graph, in chunks, then the word to compute; after that, a word for each chunk of
 * the measures taken in. The worker sends the next chunk of the measures only when asked: chunks queued
 * at once are all taken in one turn of the receiving event loop (2M models' measures held it 5.7 s).
 */
export type ToWorker = { nodes: MeasureNode[] } | { edges: MeasureEdge[] } | { compute: true } | { next: true };

/** From the worker: the measures of the nodes, in chunks, then the rest of them. */
export type FromWorker = { nodes: Array<[string, NodeMeasures]> } | { summary: Omit<Measures, 'nodes'> };
