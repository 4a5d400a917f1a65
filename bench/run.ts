/**
 * npm run bench [-- --quick | --scaling] [--models N] [--seed S] [--duration s] [--rounds r] [--warmup s]
 *   [--connections c] [--scenarios a,b] [--systems ours,raw,peer] [--scales 1000,10000,100000]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { spawnSystem, type SystemHandle } from './child.js';
import { generate, measureSeed, type GeneratedGraph } from './generator.js';
import { pool, runLoad, verify, type GetRequest, type LoadResult } from './load.js';
import { ensureLoaded, measuredScale, startBenchNeo4j, type BenchNeo4j } from './neo4j.js';
import { machineInfo, markdown, writeResults, type BenchReport, type CachedResult, type Measured, type ScenarioResult } from './report.js';
import { SCENARIOS, type Scenario, type Vars } from './scenarios.js';
import type { SystemName } from './systems.js';

// `--scale hf` / `--scale hf-import`: the Hugging Face-shaped benchmarks (bench/hf/README.md), with their own options.
const scaleBench = process.argv.includes('--scale') ? process.argv[process.argv.indexOf('--scale') + 1] : undefined;

const { values: args } = parseArgs({
  args: scaleBench === undefined ? process.argv.slice(2) : [],
  options: {
    quick: { type: 'boolean', default: false },
    scaling: { type: 'boolean', default: false },
    models: { type: 'string' },
    seed: { type: 'string', default: '42' },
    duration: { type: 'string' },
    rounds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    scenarios: { type: 'string' },
    systems: { type: 'string', default: 'ours,raw,peer' },
    scales: { type: 'string', default: '1000,10000' },
    'skip-cached': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seed = Number(args.seed);
const connections = Number(args.connections ?? (args.quick ? 8 : 16));
const durationS = Number(args.duration ?? (args.quick ? 4 : 15));
// Each system's measuring time is cut into this many slices, taken in turn with the other systems'.
const rounds = Math.max(1, Number(args.rounds ?? (args.quick ? 4 : 5)));
// Neo4j's and Node's JIT need several seconds of a scenario's load: after one second, ours spent 2-3× the CPU
// per request it spends from the tenth on, raw 1.5-2× (bench/cpu-share.ts --rounds 3). The figures are steady state.
const warmupS = Number(args.warmup ?? 3);
const wantedScenarios = args.scenarios ? SCENARIOS.filter((s) => args.scenarios!.split(',').includes(s.name)) : SCENARIOS;
const wantedSystems = args.systems.split(',') as Array<'ours' | 'raw' | 'peer'>;

function render(system: SystemName, scenario: Scenario, items: Vars[]): string[] | null {
  if (system === 'ours') return items.map((variables) => JSON.stringify({ query: scenario.ours, variables }));
  if (system === 'raw') return items.map((variables) => JSON.stringify({ variables }));
  const peer = scenario.peer;
  if (!peer) return null;
  return items.map((v) => JSON.stringify({ query: peer.query, variables: peer.vars ? peer.vars(v) : v }));
}

interface Target {
  handle: SystemHandle;
  url: string;
  bodies: string[];
  gets?: GetRequest[];
}

/** Cypher round trips per request sent, over the runs whose counter deltas are given. */
const perRequest = (roundTrips: number, sent: number) => Math.round((roundTrips / Math.max(1, sent)) * 100) / 100;

/**
 * Measures systems side by side: each gets a warm-up, then its measuring time is cut into `rounds`
 * slices taken in turn, the order rotating every round. Neo4j's JIT, its caches and the machine's
 * other load drift over a run; interleaving spreads that drift evenly instead of charging it to
 * whichever system happens to run first. Latency percentiles pool every request of every slice.
 */
async function measureTogether<K extends string>(
  targets: Map<K, Target>,
  options: { durationS: number; warmupS: number; rounds: number; rss?: number[] },
): Promise<Map<K, Measured>> {
  const runs = new Map<K, LoadResult[]>();
  const roundTrips = new Map<K, number>();
  for (const t of targets.values())
    if (options.warmupS > 0) await runLoad({ url: t.url, bodies: t.bodies, gets: t.gets, connections, durationS: options.warmupS });
  const names = [...targets.keys()];
  for (let round = 0; round < options.rounds; round += 1) {
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      const { handle, url, bodies, gets } = targets.get(name)!;
      await sleep(100);
      const before = await handle.stats();
      let sampling = true;
      const sampler = (async () => {
        while (sampling && options.rss) {
          options.rss.push((await handle.stats()).rss);
          await sleep(250);
        }
      })();
      const run = await runLoad({ url, bodies, gets, connections, durationS: options.durationS / options.rounds });
      sampling = false;
      await sampler;
      await sleep(200);
      const after = await handle.stats();
      runs.set(name, [...(runs.get(name) ?? []), run]);
      roundTrips.set(name, (roundTrips.get(name) ?? 0) + after.roundTrips - before.roundTrips);
    }
  }
  const measured = new Map<K, Measured>();
  for (const name of names) {
    const pooled = pool(runs.get(name)!);
    measured.set(name, {
      rps: Math.round(pooled.rps * 10) / 10,
      p50_ms: pooled.p50_ms,
      p99_ms: pooled.p99_ms,
      roundtrips: perRequest(roundTrips.get(name)!, pooled.sent),
      errors: pooled.errors,
      requests: pooled.completed,
    });
  }
  return measured;
}

async function neo4jVersion(neo: BenchNeo4j): Promise<string> {
  const [row] = await neo.database.scope().read('CALL dbms.components() YIELD versions, edition RETURN versions[0] + " " + edition AS v');
  return String(row?.v ?? 'unknown');
}

async function prepare(models: number): Promise<{ neo: BenchNeo4j; graph: GeneratedGraph }> {
  const profile = measureSeed();
  const graph = generate({ models, seed, profile });
  log(
    `generated ${graph.scale.models} models, ${graph.scale.relationships} relationships (deepest lineage ${graph.picks.maxGeneration} generations)`,
  );
  const neo = await startBenchNeo4j(models, log);
  try {
    await ensureLoaded(neo.database, graph, seed, log);
  } catch (error) {
    await neo.stop();
    throw error;
  }
  return { neo, graph };
}

async function main(): Promise<void> {
  const models = Number(args.models ?? (args.quick ? 2000 : 10000));
  const { neo, graph } = await prepare(models);
  const handles = new Map<SystemName, SystemHandle>();
  try {
    const scale = await measuredScale(neo.database);
    const withCached = !args['skip-cached'] && wantedSystems.includes('ours') && wantedSystems.includes('raw');
    for (const name of [...wantedSystems, ...(withCached ? (['cached'] as const) : [])]) {
      handles.set(name, await spawnSystem(name, neo.uri));
      log(`${name} is up at ${handles.get(name)!.url}`);
    }
    const target = (name: SystemName, scenario: Scenario): Target | null => {
      const handle = handles.get(name)!;
      const bodies = render(name, scenario, scenario.items(graph.picks));
      return bodies ? { handle, bodies, url: name === 'raw' ? `${handle.url}${scenario.name}` : handle.url } : null;
    };
    // One short pass over every scenario and system first, so Neo4j's page cache and JIT are warm
    // for everything before the first measurement.
    for (const scenario of wantedScenarios) {
      for (const name of wantedSystems) {
        const t = target(name, scenario);
        if (t) await runLoad({ url: t.url, bodies: t.bodies, connections, durationS: 1 });
      }
    }
    const results: ScenarioResult[] = [];
    for (const scenario of wantedScenarios) {
      const result: ScenarioResult = {
        name: scenario.name,
        description: scenario.description,
        ours: null,
        raw: null,
        peer: null,
        ...(scenario.peer?.note ? { peer_note: scenario.peer.note } : {}),
      };
      const targets = new Map<'ours' | 'raw' | 'peer', Target>();
      const bytes = new Map<SystemName, number>();
      for (const name of wantedSystems) {
        const t = target(name, scenario);
        if (!t) continue;
        const check = await verify(t.url, t.bodies);
        if (!check.ok) log(`WARNING ${scenario.name}/${name} answers an error: ${check.message}`);
        targets.set(name, t);
        bytes.set(name, check.bytes);
      }
      for (const [name, measured] of await measureTogether(targets, { durationS, warmupS, rounds })) {
        result[name] = measured;
        log(
          `${scenario.name.padEnd(22)} ${name.padEnd(5)} ${String(measured.rps).padStart(8)} rps  p50 ${measured.p50_ms} ms  p99 ${measured.p99_ms} ms  ${measured.roundtrips} rt/req  ${measured.errors} errors  ~${bytes.get(name)} B/response`,
        );
      }
      results.push(result);
    }
    const cached = withCached ? await measureCached(handles.get('cached')!, handles.get('raw')!, graph) : [];
    const report: BenchReport = {
      mode: args.quick ? 'quick' : 'full',
      date: new Date().toISOString(),
      scale: { models: scale.models, relationships: scale.relationships, nodes: scale.nodes, seed },
      machine: machineInfo(await neo4jVersion(neo)),
      settings: { connections, duration_s: durationS, rounds, warmup_s: warmupS },
      scenarios: results,
      cached,
    };
    const files = writeResults(args.out ?? (args.quick ? 'latest' : 'full'), report, markdown(report));
    console.log(`\n${markdown(report)}`);
    log(`wrote ${files.join(', ')}`);
  } finally {
    for (const handle of handles.values()) await handle.stop();
    await neo.stop();
  }
}

// A front-end sends the same few requests again and again; the cached runs cycle through this many.
const FRONT_END_REQUESTS = 8;
const CACHED_SCENARIOS = ['model-by-id', 'nested-4-levels', 'neighbourhood-depth-2', 'search'];

/** The GETs a front-end would send: the query in the URL, a CSRF preflight header, and the ETag it was given. */
async function revalidatingGets(url: string, scenario: Scenario, items: Vars[]): Promise<GetRequest[]> {
  const path = new URL(url).pathname;
  return Promise.all(
    items.map(async (variables) => {
      const search = new URLSearchParams({ query: scenario.ours, variables: JSON.stringify(variables) });
      const headers = { 'apollo-require-preflight': 'true' };
      const response = await fetch(`${url}?${search}`, { headers });
      const etag = response.headers.get('etag');
      if (response.status !== 200 || etag === null) throw new Error(`GET ${scenario.name} answered ${response.status} without an ETag`);
      return { path: `${path}?${search}`, headers: { ...headers, 'if-none-match': etag } };
    }),
  );
}

/**
 * Cached reads: the same FRONT_END_REQUESTS requests repeated, to ours with its response cache on,
 * as POSTs (answered from the cache) and as GETs revalidating their ETag (answered 304), next to
 * the raw-Cypher floor sending the same requests.
 */
async function measureCached(cachedHandle: SystemHandle, rawHandle: SystemHandle, graph: GeneratedGraph): Promise<CachedResult[]> {
  const results: CachedResult[] = [];
  for (const scenario of wantedScenarios.filter((s) => CACHED_SCENARIOS.includes(s.name))) {
    const items = scenario.items(graph.picks).slice(0, FRONT_END_REQUESTS);
    const post = { handle: cachedHandle, url: cachedHandle.url, bodies: render('ours', scenario, items)! };
    const check = await verify(post.url, post.bodies);
    if (!check.ok) log(`WARNING ${scenario.name}/cached answers an error: ${check.message}`);
    const targets = new Map<'raw' | 'post' | 'get', Target>([
      ['raw', { handle: rawHandle, url: `${rawHandle.url}${scenario.name}`, bodies: render('raw', scenario, items)! }],
      ['post', post],
      ['get', { ...post, gets: await revalidatingGets(cachedHandle.url, scenario, items) }],
    ]);
    const measured = await measureTogether(targets, { durationS, warmupS, rounds });
    const result: CachedResult = { name: scenario.name, raw: measured.get('raw')!, post: measured.get('post')!, get: measured.get('get')! };
    log(
      `${`${scenario.name} (cached)`.padEnd(32)} raw ${result.raw.rps} rps, POST ${result.post.rps} rps (${(result.post.rps / result.raw.rps).toFixed(2)}×), GET+ETag ${result.get.rps} rps (${(result.get.rps / result.raw.rps).toFixed(2)}×)`,
    );
    results.push(result);
  }
  return results;
}

const SCALING_SCENARIOS = ['lineage-depth-10', 'shortest-path', 'neighbourhood-depth-2', 'search'];

async function scaling(): Promise<void> {
  const scales = args.scales.split(',').map(Number);
  const rows: Array<{
    models: number;
    relationships: number;
    load_s: number;
    rss_mb: { idle: number; peak: number };
    /** The machine's 1-minute load average before and after this scale's scenarios (it is shared). */
    load_average: { before: number; after: number };
    scenarios: Array<{ name: string } & Measured>;
  }> = [];
  let machine: Record<string, unknown> = {};
  for (const models of scales) {
    const loadStart = Date.now();
    const { neo, graph } = await prepare(models);
    const loadS = Math.round((Date.now() - loadStart) / 1000);
    let handle: SystemHandle | undefined;
    try {
      const scale = await measuredScale(neo.database);
      machine = machineInfo(await neo4jVersion(neo));
      handle = await spawnSystem('ours', neo.uri);
      const idle = (await handle.stats()).rss;
      const rss: number[] = [];
      const scenarios: Array<{ name: string } & Measured> = [];
      const loadBefore = Math.round(loadavg()[0]! * 10) / 10;
      // As in the main run: one pass over every scenario first, so the first measured is not alone in warming Neo4j.
      for (const name of SCALING_SCENARIOS) {
        const scenario = SCENARIOS.find((s) => s.name === name)!;
        await runLoad({ url: handle.url, bodies: render('ours', scenario, scenario.items(graph.picks))!, connections, durationS: 3 });
      }
      for (const name of SCALING_SCENARIOS) {
        const scenario = SCENARIOS.find((s) => s.name === name)!;
        const bodies = render('ours', scenario, scenario.items(graph.picks))!;
        const targets = new Map<SystemName, Target>([['ours', { handle, url: handle.url, bodies }]]);
        const measured = (
          await measureTogether(targets, { durationS: Number(args.duration ?? 8), warmupS: Number(args.warmup ?? 2), rounds: 1, rss })
        ).get('ours')!;
        scenarios.push({ name, ...measured });
        log(
          `${models} models ${name.padEnd(22)} ${measured.rps} rps  p50 ${measured.p50_ms} ms  p99 ${measured.p99_ms} ms  ${measured.errors} errors`,
        );
      }
      rows.push({
        models: scale.models,
        relationships: scale.relationships,
        load_s: loadS,
        rss_mb: { idle: Math.round(idle / 2 ** 20), peak: Math.round(Math.max(idle, ...rss) / 2 ** 20) },
        load_average: { before: loadBefore, after: Math.round(loadavg()[0]! * 10) / 10 },
        scenarios,
      });
    } finally {
      await handle?.stop();
      await neo.stop();
    }
  }
  const lines = [
    `# Scaling — ${new Date().toISOString()}`,
    '',
    `Command: \`npm run bench -- ${process.argv.slice(2).join(' ')}\`. Ours only, ${connections} connections, ${Number(args.duration ?? 8)} s per scenario after a warm-up. Machine: ${machine.cores} × ${machine.cpu}, Node ${machine.node}, Neo4j ${machine.neo4j}; the last column is the machine's 1-minute load average before / after the scale's scenarios (the machine is shared).`,
    '',
    `| models | relationships | ${SCALING_SCENARIOS.map((s) => `${s} p50 / p99 ms (rps)`).join(' | ')} | service RSS idle / peak MB | load average |`,
    `| ---: | ---: | ${SCALING_SCENARIOS.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...rows.map(
      (r) =>
        `| ${r.models} | ${r.relationships} | ${r.scenarios.map((s) => `${s.p50_ms} / ${s.p99_ms} (${s.rps})`).join(' | ')} | ${r.rss_mb.idle} / ${r.rss_mb.peak} | ${r.load_average.before} / ${r.load_average.after} |`,
    ),
    '',
  ];
  const files = writeResults(
    args.out ?? 'scaling',
    { date: new Date().toISOString(), machine, connections, scales: rows },
    lines.join('\n'),
  );
  console.log(`\n${lines.join('\n')}`);
  log(`wrote ${files.join(', ')}`);
}

const HF_BENCHES: Record<string, () => Promise<void>> = {
  hf: async () => (await import('./hf/scale.js')).runHfScale(),
  'hf-import': async () => (await import('./hf/import-bench.js')).runImportBench(),
};
if (scaleBench !== undefined && !HF_BENCHES[scaleBench]) {
  console.error(`--scale ${scaleBench} is none of ${Object.keys(HF_BENCHES).join(', ')}.`);
  process.exit(2);
}

(scaleBench !== undefined ? HF_BENCHES[scaleBench]!() : args.scaling ? scaling() : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
