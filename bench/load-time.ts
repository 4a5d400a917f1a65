/**
 * npx tsx bench/load-time.ts [models=100000] [seed=42]
 *
 * Times what a bench scale costs before any scenario runs: generating the graph and loading it into
 * a fresh store (bench/.work/neo4j-<models>, removed first, left loaded so `npm run bench -- --scaling
 * --scales <models>` reuses it). Prints wall time and the CPU seconds of this process and of Neo4j
 * (from /proc), since on a shared machine wall time also measures everyone else's work, and the load average;
 * writes them to bench/results/load-<models>.json.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { generate, measureSeed } from './generator.js';
import { ensureLoaded, measuredScale, startBenchNeo4j, WORK_DIR } from './neo4j.js';

const models = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 42);
const started = Date.now();
const log = (line: string) => console.log(`[load-time ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** User + system CPU seconds a process has used so far. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const loadBefore = loadavg().map((n) => Math.round(n * 10) / 10);
const genStart = Date.now();
const graph = generate({ models, seed, profile: measureSeed() });
const generateS = (Date.now() - genStart) / 1000;
const generateCpu = ownCpu();
log(
  `generated ${graph.scale.nodes} nodes, ${graph.scale.relationships} relationships in ${generateS.toFixed(1)} s (${ownCpu().toFixed(1)} s CPU)`,
);

rmSync(path.join(WORK_DIR, `neo4j-${models}`), { recursive: true, force: true });
const neo = await startBenchNeo4j(models, log);
try {
  const neoCpuBefore = cpuSeconds(neo.pid);
  const ownBefore = ownCpu();
  const loadStart = Date.now();
  const times = await ensureLoaded(neo.database, graph, seed, log);
  const loadS = (Date.now() - loadStart) / 1000;
  const scale = await measuredScale(neo.database);
  const result = {
    models: scale.models,
    nodes: scale.nodes,
    relationships: scale.relationships,
    generate_s: Math.round(generateS * 10) / 10,
    generate_cpu_s: Math.round(generateCpu * 10) / 10,
    // write_s + index_s; load_s also counts the rows' preparation (toGraphRows) and the reset of the empty store.
    ...times,
    load_s: Math.round(loadS * 10) / 10,
    total_s: Math.round(generateS + loadS),
    load_cpu_s: { neo4j: Math.round(cpuSeconds(neo.pid) - neoCpuBefore), loader: Math.round(ownCpu() - ownBefore) },
    load_average: { before: loadBefore, after: loadavg().map((n) => Math.round(n * 10) / 10) },
  };
  console.log(JSON.stringify(result));
  writeFileSync(
    new URL(`./results/load-${models}.json`, import.meta.url),
    `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
} finally {
  await neo.stop();
}
