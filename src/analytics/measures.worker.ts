import { parentPort, workerData } from 'node:worker_threads';
import { computeMeasures, type MeasureOptions } from './measures.js';
import { chunks } from '../domain/chunks.js';
import type { MeasureEdge, MeasureNode, NodeMeasures } from '../domain/measures.js';
import { type FromWorker, MEASURES_CHUNK, type ToWorker } from './worker-messages.js';

/**
 * Runs one computation off the service's event loop: requests go on being served meanwhile. The graph
 * comes in chunks and the measures go back in chunks (worker-messages.ts).
 */

const { options } = workerData as { options: MeasureOptions };
const nodes: MeasureNode[] = [];
const edges: MeasureEdge[] = [];
let results: { chunks: Iterator<Array<[string, NodeMeasures]>>; summary: FromWorker } | undefined;
/** The next chunk of the measures, or the summary after the last. */
const sendNext = () => {
  const next = results!.chunks.next();
  parentPort?.postMessage(next.done ? results!.summary : { nodes: next.value });
};
parentPort?.on('message', (message: ToWorker) => {
  if ('nodes' in message) for (const node of message.nodes) nodes.push(node);
  else if ('edges' in message) for (const edge of message.edges) edges.push(edge);
  else if ('next' in message) sendNext();
  else {
    const { nodes: measured, ...summary } = computeMeasures(nodes, edges, options);
    results = { chunks: chunks(measured.entries(), MEASURES_CHUNK), summary: { summary } };
    sendNext();
  }
});
