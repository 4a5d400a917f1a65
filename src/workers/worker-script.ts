/**
 * A worker thread's script beside the module starting it. Under tsx or vitest that module is
 * TypeScript: the worker then registers tsx's loader before importing the worker's source (workers do
 * not inherit loaders, nor accept --import), and is started with `eval`.
 */
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A worker's heap, and the measures process's: half the machine's memory (12 GB on the 24 GB bench
 * machine; V8's default stops near 4 GB, which a graph of a few million nodes passes). With a limit
 * set, a graph too large for it ends the worker (ERR_WORKER_OUT_OF_MEMORY) or that process, not the service.
 */
export const WORKER_HEAP_MB = Math.max(2_048, Math.floor(totalmem() / 2 ** 20 / 2));

export function workerScript(callerUrl: string, name: string): { script: string | URL; eval: boolean } {
  const fromSource = callerUrl.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl);
  if (!fromSource) return { script: url, eval: false };
  // require.resolve finds the package's CommonJS build; its ES module sits beside it.
  const tsx = pathToFileURL(
    createRequire(callerUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return {
    script: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`,
    eval: true,
  };
}

/**
 * A child process's script beside the module starting it, and the flags to start it with. Under tsx or
 * vitest that module is TypeScript: the child then imports tsx's loader first.
 */
export function processScript(callerUrl: string, name: string, heapMb: number): { script: string; execArgv: string[] } {
  const fromSource = callerUrl.endsWith('.ts');
  const script = fileURLToPath(new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl));
  const heap = `--max-old-space-size=${heapMb}`;
  if (!fromSource) return { script, execArgv: [heap] };
  const tsx = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm')).href;
  return { script, execArgv: [heap, '--import', tsx] };
}
