import { spawn, type ChildProcess } from 'node:child_process';

export interface MainRun {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/**
 * `node dist/main.js` (what npm start runs) with only the given environment, its output collected.
 * An empty store gets the documents only unless the test sets DEFAULT_CATALOGUES.
 */
export function runMain(env: Record<string, string>): MainRun {
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', DEFAULT_CATALOGUES: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started })),
  );
  return { child, output: () => output, exited };
}

/** Polls url until it answers with `status` (any status when undefined). */
export async function waitFor(url: string, timeoutMs: number, status?: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (status === undefined || response.status === status) return response;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A batch the load logs at debug level (service.ts: "load batch N committed"). */
export interface LoadBatch {
  phase: string;
  step: number;
  steps: number;
  done: number;
  total: number;
  batch: number;
}

/**
 * `node dist/main.js` that the test kills (SIGKILL) as soon as it logs a committed load batch `cut`
 * accepts: the load is cut there, or a batch or two later (the signal travels while the load goes on),
 * never after it ends. Logs at debug level as JSON lines.
 */
export function runMainKilledAt(
  env: Record<string, string>,
  cut: (batch: LoadBatch) => boolean,
): MainRun & { killedAt: () => LoadBatch | undefined } {
  const run = runMain({ ...env, LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });
  let killedAt: LoadBatch | undefined;
  let pending = '';
  run.child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (killedAt !== undefined || !line.includes('load batch')) continue;
      const batch = JSON.parse(line) as LoadBatch;
      if (!cut(batch)) continue;
      killedAt = batch;
      run.child.kill('SIGKILL');
    }
  });
  return { ...run, killedAt: () => killedAt };
}
