import { parentPort, workerData } from 'node:worker_threads';
import { computeMeasures, type MeasureOptions } from './measures.js';
import type { MeasureEdge, MeasureNode } from '../domain/measures.js';

/** Runs one computation off the service's event loop: requests go on being served meanwhile. */

const input = workerData as { nodes: MeasureNode[]; edges: MeasureEdge[]; options: MeasureOptions };
const measures = computeMeasures(input.nodes, input.edges, input.options);
parentPort?.postMessage({ ...measures, nodes: [...measures.nodes.entries()] });
