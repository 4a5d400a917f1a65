import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MeasureOptions } from './measures.js';
import type { MeasureEdge, MeasureNode, Measures, NodeMeasures } from '../domain/measures.js';

// Under tsx or vitest this module is TypeScript: the worker then registers tsx's loader before
// importing the worker's source (workers do not inherit loaders, nor accept --import).

const fromSource = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./measures.worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
const workerScript = (): string | URL => {
  if (!fromSource) return WORKER_URL;
  // require.resolve finds the package's CommonJS build; its ES module sits beside it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
};

/**
 * The worker's heap: half the machine's memory (12 GB on the 24 GB bench machine; V8's default stops
 * near 4 GB, which a graph of a few million nodes passes). With a limit set, a graph too large for it
 * ends the worker with ERR_WORKER_OUT_OF_MEMORY (the previous measures stay) instead of the process.
 */
const WORKER_HEAP_MB = Math.max(2_048, Math.floor(totalmem() / 2 ** 20 / 2));

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
    const worker = new Worker(workerScript(), {
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
