import { fork } from 'node:child_process';
import type { DatabaseOptions } from '../db/database.js';
import { processScript, WORKER_HEAP_MB } from '../workers/worker-script.js';
import type { MeasuresOutcome, MeasuresRequest } from './measure-and-write.js';

/** The measures process's one answer. */
export type FromMeasuresProcess = { outcome: MeasuresOutcome } | { error: string };

/** The last characters of the process's error output kept for the message when it dies. */
const STDERR_KEPT = 2_000;

/**
 * One recomputation of the stored measures in a process of its own (measures.process.ts), connected to
 * Neo4j with `connection`: the service's event loop and heap never hold the graph. `signal` stops it.
 */
export function measureInProcess(connection: DatabaseOptions, request: MeasuresRequest, signal?: AbortSignal): Promise<MeasuresOutcome> {
  return new Promise((resolve, reject) => {
    const { script, execArgv } = processScript(import.meta.url, 'measures.process', WORKER_HEAP_MB);
    const child = fork(script, [], { execArgv, signal, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-STDERR_KEPT);
    });
    let answer: FromMeasuresProcess | undefined;
    child.once('message', (message: FromMeasuresProcess) => {
      answer = message;
    });
    child.once('error', (error) => {
      if (error.name !== 'AbortError') reject(error);
    });
    child.once('exit', (code, killedBy) => {
      if (answer !== undefined && 'outcome' in answer) resolve(answer.outcome);
      else if (answer !== undefined) reject(new Error(answer.error));
      else if (signal?.aborted) reject(new Error('The measures were stopped before they were written.'));
      else {
        const last = stderr.trim().split('\n').at(-1);
        reject(new Error(`The measures process stopped with ${killedBy ?? `exit code ${code}`}${last ? `: ${last}` : '.'}`));
      }
    });
    child.send({ connection, request });
  });
}
