/**
 * npx tsx bench/first-start.ts [DEFAULT_CATALOGUES=epoch]
 *
 * Times a first `npm start` (node dist/main.js, built first) on an empty store: spawn to "embedded
 * Neo4j is up", then to /ready answering 200 (the load of the default graph and the API), and the CPU
 * seconds the service and its Neo4j used until then. The store
 * is a fresh temporary folder, removed afterwards. Prints one JSON line with the load average before
 * and after, since on a shared machine wall time also measures everyone else's work.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const catalogues = process.argv[2] ?? 'epoch';

/** User + system CPU seconds of a process and all its descendants (the service and its Neo4j), from /proc. */
function treeCpuSeconds(root: number): number {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return [{ pid: Number(pid), ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 }];
      } catch {
        return [];
      }
    });
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!tree.has(s.pid) && tree.has(s.ppid)) grew = tree.add(s.pid) !== undefined;
  }
  return stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.cpu, 0);
}
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-first-start-'));
const [port, boltPort] = [await freePort(), await freePort()];
const loadBefore = loadavg().map((n) => Math.round(n * 10) / 10);
const started = Date.now();
const child = spawn(process.execPath, ['dist/main.js'], {
  env: {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    NEO4J_LOCAL_PORT: String(boltPort),
    NEO4J_LOCAL_DATA: dataDir,
    DEFAULT_CATALOGUES: catalogues,
    LOG_FORMAT: 'json',
    MEASURES_ENABLED: 'false',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let neo4jUpAt: number | undefined;
let buffered = '';
child.stdout.on('data', (chunk: Buffer) => {
  buffered += chunk.toString();
  for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
    const line = buffered.slice(0, newline);
    buffered = buffered.slice(newline + 1);
    if (neo4jUpAt === undefined && line.includes('embedded Neo4j is up')) neo4jUpAt = Date.now();
  }
});

try {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} before it was ready`);
    const status = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const ready = Date.now();
  const cpu = treeCpuSeconds(child.pid!);
  console.log(
    JSON.stringify({
      catalogues,
      neo4j_s: neo4jUpAt === undefined ? null : (neo4jUpAt - started) / 1000,
      load_and_api_s: neo4jUpAt === undefined ? null : (ready - neo4jUpAt) / 1000,
      ready_s: (ready - started) / 1000,
      // Less at the mercy of the machine's other work than wall time: CPU the service and its Neo4j used.
      cpu_s: Math.round(cpu * 10) / 10,
      load_average: { before: loadBefore, after: loadavg().map((n) => Math.round(n * 10) / 10) },
    }),
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
