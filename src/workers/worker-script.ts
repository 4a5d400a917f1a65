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

/** The module `name` beside the caller, TypeScript when the caller is (under tsx or vitest), and the URL of a tsx entry for it. */
function sibling(callerUrl: string, name: string, tsxEntry: string): { url: URL; tsx: string | undefined } {
  const fromSource = callerUrl.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl);
  // require.resolve finds the package's CommonJS build where there is one; its ES module sits beside it.
  const tsx = fromSource
    ? pathToFileURL(
        createRequire(callerUrl)
          .resolve(tsxEntry)
          .replace(/\.cjs$/, '.mjs'),
      ).href
    : undefined;
  return { url, tsx };
}

export function workerScript(callerUrl: string, name: string): { script: string | URL; eval: boolean } {
  const { url, tsx } = sibling(callerUrl, name, 'tsx/esm/api');
  if (tsx === undefined) return { script: url, eval: false };
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
  const { url, tsx } = sibling(callerUrl, name, 'tsx/esm');
  const heap = `--max-old-space-size=${heapMb}`;
  return { script: fileURLToPath(url), execArgv: tsx === undefined ? [heap] : [heap, '--import', tsx] };
}
