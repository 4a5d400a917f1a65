/**
 * npm run bench -- --scale hf-import [--sizes 3000,20000,50000] [--stores empty,documents] [--seed 42]
 *   [--profile] [--fresh]
 *
 * Times `npm run import -- hf-model-tree <dump> --apply` end to end (the built CLI, as a user runs it)
 * on Hugging Face-shaped dumps (bench/hf/dump.ts) into an empty store (constraints and indexes only)
 * and into a store holding the documents' graph. While it runs, a line every 15 s gives the models in
 * the store, the rate and the time elapsed. Each (size, store) writes results/hf-import-<size>-<store>.json
 * when done and is skipped by a later run (--fresh redoes it); dumps and loaded stores are kept in
 * bench/.work. `--profile` runs the CLI under V8's CPU profiler and writes the functions it spends its
 * time in to results/hf-import-profile-<size>.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '../../src/db/migrations.js';
import { seedDatabase } from '../../src/seed/load.js';
import { freePort, WORK_DIR } from '../neo4j.js';
import { RESULTS_DIR } from '../report.js';
import { writeHfDump } from './dump.js';
import { HEAP_MB, openStore, PAGE_CACHE_MB, storeDir } from './store.js';
import { generateHfTree, HF_TREE_VERSION } from './tree.js';

const { values: args } = parseArgs({
  strict: false,
  options: {
    sizes: { type: 'string', default: '3000,20000,50000' },
    stores: { type: 'string', default: 'empty,documents' },
    seed: { type: 'string', default: '42' },
    profile: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
});
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const started = Date.now();
const log = (line: string) => console.log(`[hf-import ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const cpuSeconds = (pid: number | undefined) => {
  if (pid === undefined) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function dumpFile(size: number, seed: number): Promise<string> {
  const file = path.join(WORK_DIR, `hf-dump-v${HF_TREE_VERSION}-${size}-${seed}.jsonl`);
  if (!existsSync(file)) {
    mkdirSync(WORK_DIR, { recursive: true });
    await writeHfDump(generateHfTree(size, seed), file);
    log(`wrote ${file}`);
  }
  return file;
}

/** Runs the import CLI as a child process; returns its JSON report, wall seconds and CPU seconds. */
function runImport(file: string, env: NodeJS.ProcessEnv, profileDir?: string) {
  const child = spawn(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      // As `npm run import` runs it (package.json): headroom for a two-million-card import's repo-id index.
      '--max-old-space-size=8192',
      'dist/scripts/import.js',
      'hf-model-tree',
      file,
      '--apply',
      '--json',
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let cpu = 0;
  const sampler = setInterval(() => {
    try {
      cpu = cpuSeconds(child.pid);
    } catch {
      // It has exited.
    }
  }, 1_000);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise<{ report: Record<string, unknown>; cpu_s: number }>((resolve, reject) =>
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`the import exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ report: JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>, cpu_s: cpu });
    }),
  );
}

/** CPU seconds of every process whose command line names the store (the embedded Neo4j, each restart, neo4j-admin). */
function storeCpu(dataDir: string, seen: Map<number, number>): number {
  for (const pid of readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map(Number))
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)) seen.set(pid, cpuSeconds(pid));
    } catch {
      // It has exited.
    }
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/**
 * One import, end to end. Into an empty store the CLI starts the embedded Neo4j itself (so the bulk
 * importer may stop it: the path a user's first large import takes); into the documents' graph it writes
 * to the bench's Neo4j through NEO4J_URI (the MERGE path).
 */
async function measure(size: number, storeKind: string, seed: number) {
  const file = await dumpFile(size, seed);
  const dataDir = path.resolve(storeDir(size, `hf-import-${storeKind}`));
  rmSync(dataDir, { recursive: true, force: true });
  const ownStore = storeKind === 'documents' ? await openStore(dataDir, log) : undefined;
  try {
    if (ownStore) {
      await applyMigrations(ownStore.database);
      await seedDatabase(ownStore.database, { catalogues: [] });
    }
    const profileDir = args.profile ? path.join(WORK_DIR, `hf-import-profile-${size}`) : undefined;
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    const neoCpu = new Map<number, number>();
    const neoBefore = storeCpu(dataDir, neoCpu);
    const sampler = setInterval(() => storeCpu(dataDir, neoCpu), 1_000);
    const env = {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...(ownStore
        ? { NEO4J_URI: ownStore.local().uri, NEO4J_PASSWORD: ownStore.local().password }
        : {
            NEO4J_URI: '',
            NEO4J_LOCAL_DATA: dataDir,
            NEO4J_LOCAL_PORT: String(await freePort()),
            NEO4J_LOCAL_HEAP_MB: String(HEAP_MB),
            NEO4J_LOCAL_PAGE_CACHE_MB: String(PAGE_CACHE_MB),
          }),
    };
    const loadBefore = loadavg().map((n) => Math.round(n * 10) / 10);
    const t0 = Date.now();
    const { report, cpu_s } = await runImport(file, env, profileDir).finally(() => clearInterval(sampler));
    const wallS = (Date.now() - t0) / 1000;
    const counts = report.counts as { before: { nodes: Record<string, number> }; after: { nodes: Record<string, number> } };
    const written = (counts.after.nodes.Model ?? 0) - (counts.before.nodes.Model ?? 0);
    const result = {
      size,
      store: storeKind,
      seed,
      date: new Date().toISOString(),
      wall_s: Math.round(wallS * 10) / 10,
      models_per_s: Math.round(size / wallS),
      models_written: written,
      written_by: report.writtenBy,
      cpu_s: { import: Math.round(cpu_s), neo4j: Math.round(storeCpu(dataDir, neoCpu) - neoBefore) },
      load_average: { before: loadBefore, after: loadavg().map((n) => Math.round(n * 10) / 10) },
      report: {
        rows: report.rows,
        entities: report.entities,
        relationships: report.relationships,
        elapsedMs: report.elapsedMs,
        phases: report.phases,
      },
    };
    log(`${size} cards into ${storeKind}: ${result.wall_s} s, ${result.models_per_s} models/s, ${written} models written`);
    writeFileSync(path.join(RESULTS_DIR, `hf-import-${size}-${storeKind}.json`), `${JSON.stringify(result, null, 2)}\n`);
    if (profileDir) writeProfile(size, profileDir, result.wall_s);
  } finally {
    await ownStore?.stop();
  }
}

/** Self time per function of the import's CPU profile, heaviest first. */
function writeProfile(size: number, dir: string, wallS: number): void {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return;
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
    nodes: Array<{ id: number; hitCount: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
    startTime: number;
    endTime: number;
  };
  const total = profile.nodes.reduce((n, node) => n + node.hitCount, 0);
  const bySelf = new Map<string, number>();
  for (const node of profile.nodes) {
    const where = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
    bySelf.set(where, (bySelf.get(where) ?? 0) + node.hitCount);
  }
  const cpuS = (profile.endTime - profile.startTime) / 1e6;
  const rows = [...bySelf.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  writeFileSync(
    path.join(RESULTS_DIR, `hf-import-profile-${size}.md`),
    [
      `# Where \`npm run import -- hf-model-tree\` spends its time at ${size} cards`,
      '',
      `Command: \`npm run bench -- --scale hf-import --sizes ${size} --stores empty --profile\` (the built CLI under \`node --cpu-prof\`); wall ${wallS} s, profile ${cpuS.toFixed(1)} s.`,
      '',
      '| share of samples | function |',
      '| ---: | --- |',
      ...rows.map(([where, hits]) => `| ${((hits / total) * 100).toFixed(1)} % | \`${where}\` |`),
      '',
    ].join('\n'),
  );
}

export async function runImportBench(): Promise<void> {
  const seed = Number(args.seed);
  // The CLI runs from dist/: a stale build would measure code that is no longer the source.
  const build = spawnSync(process.execPath, ['tools/build-if-changed.mjs', 'service'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed; the import benchmark runs the built CLI.');
  for (const size of String(args.sizes).split(',').map(Number))
    for (const storeKind of String(args.stores).split(',')) {
      if (!args.fresh && existsSync(path.join(RESULTS_DIR, `hf-import-${size}-${storeKind}.json`))) {
        log(`${size} into ${storeKind}: measured already; --fresh measures it again`);
        continue;
      }
      await measure(size, storeKind, seed);
    }
}
