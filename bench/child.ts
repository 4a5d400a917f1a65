/** Parent side of bench/server.ts: spawn a system in its own process and talk to it over IPC. */
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SystemName } from './systems.js';

export interface SystemHandle {
  name: SystemName;
  url: string;
  pid: number | undefined;
  stats(): Promise<{ roundTrips: number; rss: number }>;
  stop(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** ours runs from dist/ (bench/systems.ts): a stale build would measure code that is no longer the source. */
export function buildService(): void {
  const build = spawnSync(process.execPath, ['tools/build-if-changed.mjs', 'service'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed; the benchmark runs the built service.');
}

export async function spawnSystem(name: SystemName, neo4jUri: string): Promise<SystemHandle> {
  if (name === 'ours' || name === 'cached') buildService();
  const child: ChildProcess = fork(SERVER, [name, neo4jUri], {
    // BENCH_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles every system alike.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s`)), 120_000);
    child.on('message', (message: { type: string; url?: string; message?: string }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url!);
      } else if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${message.message}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
  });
  let nextId = 0;
  return {
    name,
    url,
    pid: child.pid,
    stats: () =>
      new Promise((resolve, reject) => {
        nextId += 1;
        const id = nextId;
        const timer = setTimeout(() => reject(new Error(`${name} did not answer stats`)), 10_000);
        const onMessage = (message: { type: string; id?: number; roundTrips: number; rss: number }) => {
          if (message.type !== 'stats' || message.id !== id) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve({ roundTrips: message.roundTrips, rss: message.rss });
        };
        child.on('message', onMessage);
        child.send({ type: 'stats', id });
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
