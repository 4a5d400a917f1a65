import { createRequire } from 'node:module';
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

/** computeMeasures in a worker thread, so a large graph never stalls the requests being served. */
export function computeInWorker(nodes: MeasureNode[], edges: MeasureEdge[], options: MeasureOptions): Promise<Measures> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), { workerData: { nodes, edges, options }, eval: fromSource });
    worker.once('message', (message: Omit<Measures, 'nodes'> & { nodes: Array<[string, NodeMeasures]> }) =>
      resolve({ ...message, nodes: new Map(message.nodes) }),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The measures worker stopped with exit code ${code}.`));
    });
  });
}
