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
