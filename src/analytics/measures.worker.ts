import { parentPort, workerData } from 'node:worker_threads';
import { computeMeasures, type MeasureOptions } from './measures.js';
import { chunks } from '../domain/chunks.js';
import type { MeasureEdge, MeasureNode } from '../domain/measures.js';
import { MEASURES_CHUNK, type ToWorker } from './worker-messages.js';

/**
 * Runs one computation off the service's event loop: requests go on being served meanwhile. The graph
 * comes in chunks and the measures go back in chunks (worker-messages.ts).
 */

const { options } = workerData as { options: MeasureOptions };
const nodes: MeasureNode[] = [];
const edges: MeasureEdge[] = [];
parentPort?.on('message', (message: ToWorker) => {
  if ('nodes' in message) for (const node of message.nodes) nodes.push(node);
  else if ('edges' in message) for (const edge of message.edges) edges.push(edge);
  else {
    const { nodes: measured, ...summary } = computeMeasures(nodes, edges, options);
    for (const entries of chunks(measured.entries(), MEASURES_CHUNK)) parentPort?.postMessage({ nodes: entries });
    parentPort?.postMessage({ summary });
  }
});
