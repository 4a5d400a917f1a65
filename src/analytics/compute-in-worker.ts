import { Worker } from 'node:worker_threads';
import type { MeasureEdge, MeasureNode, Measures, NodeMeasures } from '../domain/measures.js';
import { WORKER_HEAP_MB, workerScript } from '../workers/worker-script.js';
import type { MeasureOptions } from './measures.js';

/**
 * computeMeasures in a worker thread, so a large graph never stalls the requests being served;
 * with `timeoutMs`, a computation still running then is stopped and refused with `timeoutMessage`.
 */
export function computeInWorker(
  nodes: MeasureNode[],
  edges: MeasureEdge[],
  options: MeasureOptions,
  limit?: { timeoutMs: number; timeoutMessage: string },
): Promise<Measures> {
  return new Promise((resolve, reject) => {
    const { script, eval: fromSource } = workerScript(import.meta.url, 'measures.worker');
    const worker = new Worker(script, {
      workerData: { nodes, edges, options },
      eval: fromSource,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let timedOut = false;
    const timer =
      limit &&
      setTimeout(() => {
        timedOut = true;
        void worker.terminate();
      }, limit.timeoutMs);
    worker.once('message', (message: Omit<Measures, 'nodes'> & { nodes: Array<[string, NodeMeasures]> }) => {
      clearTimeout(timer);
      resolve({ ...message, nodes: new Map(message.nodes) });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(limit!.timeoutMessage));
      else if (code !== 0) reject(new Error(`The measures worker stopped with exit code ${code}.`));
    });
  });
}
