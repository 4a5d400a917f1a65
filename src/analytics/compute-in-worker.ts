import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { chunks } from '../domain/chunks.js';
import type { MeasureEdge, MeasureNode, Measures, NodeMeasures } from '../domain/measures.js';
import { WORKER_HEAP_MB, workerScript } from '../workers/worker-script.js';
import type { MeasureOptions } from './measures.js';
import { type FromWorker, MEASURES_CHUNK, type ToWorker } from './worker-messages.js';

/**
 * computeMeasures in a worker thread (the measures of a past date, on request), so the computation
 * never stalls the requests being served: the graph goes over and the measures come back in chunks,
 * one per turn of the event loop (worker-messages.ts). With `timeoutMs`, a computation still running
 * then is stopped and refused with `timeoutError`.
 */
export function computeInWorker(
  nodes: MeasureNode[],
  edges: MeasureEdge[],
  options: MeasureOptions,
  limit?: { timeoutMs: number; timeoutError: Error },
): Promise<Measures> {
  return new Promise((resolve, reject) => {
    const { script, eval: fromSource } = workerScript(import.meta.url, 'measures.worker');
    const worker = new Worker(script, {
      workerData: { options },
      eval: fromSource,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    let timedOut = false;
    const timer =
      limit &&
      setTimeout(() => {
        timedOut = true;
        void worker.terminate();
      }, limit.timeoutMs);
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const measured = new Map<string, NodeMeasures>();
    worker.on('message', (message: FromWorker) => {
      if ('nodes' in message) {
        for (const [id, measures] of message.nodes) measured.set(id, measures);
        // The next chunk once this turn is over: requests are served between chunks.
        setImmediate(() => {
          if (!settled) worker.postMessage({ next: true } satisfies ToWorker);
        });
      } else {
        finish(() => resolve({ ...message.summary, nodes: measured }));
        void worker.terminate();
      }
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => {
      if (timedOut) finish(() => reject(limit!.timeoutError));
      else finish(() => reject(new Error(`The measures worker stopped with exit code ${code}.`)));
    });
    void (async () => {
      const send = (message: ToWorker) => worker.postMessage(message);
      for (const nodesChunk of chunks(nodes, MEASURES_CHUNK)) {
        if (settled) return;
        send({ nodes: nodesChunk });
        await nextTurn();
      }
      for (const edgesChunk of chunks(edges, MEASURES_CHUNK)) {
        if (settled) return;
        send({ edges: edgesChunk });
        await nextTurn();
      }
      if (!settled) send({ compute: true });
    })().catch((error: Error) => finish(() => reject(error)));
  });
}
