import { Worker } from 'node:worker_threads';
import type { MeasureEdge, MeasureNode, MeasureOptions, Measures, NodeMeasures } from './measures.js';

// Under tsx or vitest this module is TypeScript; the worker then needs tsx's loader too.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./measures.worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);

/** computeMeasures in a worker thread, so a large graph never stalls the requests being served. */
export function computeInWorker(nodes: MeasureNode[], edges: MeasureEdge[], options: MeasureOptions): Promise<Measures> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { nodes, edges, options },
      execArgv: fromSource ? ['--import', 'tsx'] : [],
    });
    worker.once('message', (message: Omit<Measures, 'nodes'> & { nodes: Array<[string, NodeMeasures]> }) =>
      resolve({ ...message, nodes: new Map(message.nodes) }),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The measures worker stopped with exit code ${code}.`));
    });
  });
}
