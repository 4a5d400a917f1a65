/**
 * npm run bench -- --scale hf [--scales 10000,100000,1000000,2000000] [--seed 42] [--duration 10]
 *   [--connections 4] [--fresh]
 *
 * The Hugging Face-shaped graph (bench/hf/tree.ts) at each size: generation and load times (the load
 * through src/bulk-load's chooser), store size, peak memory of Neo4j and of the service, and p50/p99
 * of six reads through the service. Each size writes results/hf-scale-<models>.json as soon as it is
 * done, and a later run skips the sizes that have one (--fresh measures them again), so a run killed
 * at 1M resumes there; results/hf-scale.md gathers every size measured so far.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSystem } from '../child.js';
import { pool, runLoad, verify } from '../load.js';
import { machineInfo, RESULTS_DIR } from '../report.js';
import { childrenOf, descendantCount, generateHfTree, HF_TREE_VERSION, type HfTree, parentsOf } from './tree.js';
import { entityIds, hfRows } from './rows.js';
import { ensureHfLoaded, storeBytes } from './store.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    scales: { type: 'string', default: '10000,100000,1000000,2000000' },
    seed: { type: 'string', default: '42' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    fresh: { type: 'boolean', default: false },
  },
});
const seed = Number(args.seed);
const started = Date.now();
const log = (line: string) => console.log(`[hf ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Picks {
  modelIds: string[];
  repoIds: string[];
  popularBases: Array<{ id: string; descendants: number }>;
  pathPairs: string[][];
}

/** Variables the reads cycle through: random models, their full repo ids, the bases with most descendants, pairs of one family. */
function picks(tree: HfTree, ids: string[], count = 64): Picks {
  let state = seed ^ 0x5eed;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const any = () => Math.floor(random() * tree.size);
  const children = childrenOf(tree);
  const bases = [];
  for (let i = 0; i < tree.size; i += 1) if (tree.parent[i]! < 0) bases.push(i);
  const direct = (i: number) => children.offsets[i + 1]! - children.offsets[i]!;
  const popular = bases
    .sort((a, b) => direct(b) - direct(a))
    .slice(0, 8)
    .map((i) => ({ id: ids[i]!, descendants: descendantCount(children, i) }));
  const models = Array.from({ length: count }, any);
  // A model and one of its grandparents' other descendants: a path of a few hops exists.
  const pathPairs = models.map((i) => {
    const up = parentsOf(tree, i)[0] ?? i;
    const top = parentsOf(tree, up)[0] ?? up;
    const from = children.offsets[top]!;
    const size = direct(top);
    const other = size === 0 ? top : children.items[from + Math.floor(random() * size)]!;
    return [ids[i]!, ids[other]!];
  });
  return { modelIds: models.map((i) => ids[i]!), repoIds: models.map((i) => tree.repoIds[i]!), popularBases: popular, pathPairs };
}

const SCENARIOS: Array<{ name: string; query: string; vars: (p: Picks) => Array<Record<string, unknown>> }> = [
  {
    name: 'model-by-id',
    query: 'query Q($id: ID!) { model(id: $id) { id name parameters releaseDate openWeights } }',
    vars: (p) => p.modelIds.map((id) => ({ id })),
  },
  {
    name: 'search-full-repo-id',
    query: 'query Q($q: String!) { search(query: $q, first: 10) { score entity { id name type } } }',
    vars: (p) => p.repoIds.map((q) => ({ q })),
  },
  {
    name: 'lineage-popular-base',
    query: `query Q($id: ID!) { lineagePage(modelId: $id, direction: DESCENDANTS, maxDepth: 10, first: 100) {
      edges { node { depth kind model { id name } } } pageInfo { hasNextPage endCursor } } }`,
    vars: (p) => p.popularBases.map((b) => ({ id: b.id })),
  },
  {
    name: 'path',
    query:
      'query Q($from: ID!, $to: ID!) { path(fromId: $from, toId: $to, maxDepth: 6) { nodes { id label type } edges { source target type } } }',
    vars: (p) => p.pathPairs.map(([from, to]) => ({ from, to })),
  },
  {
    name: 'neighbourhood',
    query:
      'query Q($id: ID!) { neighborhood(ids: [$id], depth: 2, limit: 200) { nodes { id label type } edges { source target type } truncated } }',
    vars: (p) => p.modelIds.map((id) => ({ id })),
  },
  {
    name: 'leaderboard',
    query: '{ models(first: 20, orderBy: { field: PARAMETERS, direction: DESC }) { edges { node { id name parameters releaseDate } } } }',
    vars: () => [{}],
  },
];

const procKb = (pid: number | undefined, field: string) => {
  if (pid === undefined) return Number.NaN;
  const match = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
};

/** The load an earlier result of this size recorded, so re-measuring a reused store keeps its load figures. */
function loadOfStore(models: number): Record<string, unknown> {
  const file = path.join(RESULTS_DIR, `hf-scale-${models}.json`);
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { load?: unknown }).load : undefined;
  return typeof earlier === 'object' && earlier !== null ? (earlier as Record<string, unknown>) : { total_s: null };
}

async function measureSize(models: number) {
  const genStart = Date.now();
  const tree = generateHfTree(models, seed);
  const ids = entityIds(tree);
  const generateS = round((Date.now() - genStart) / 1000);
  log(`generated ${models} models, ${tree.authors.length} authors in ${generateS} s`);
  const key = `hf-v${HF_TREE_VERSION}:models=${models}:seed=${seed}`;
  const { store, load } = await ensureHfLoaded(models, key, () => hfRows(tree, ids), log);
  const chosen = picks(tree, ids.models);
  log(`popular bases: ${chosen.popularBases.map((b) => `${b.id} (${b.descendants} descendants)`).join(', ')}`);
  const handle = await spawnSystem('ours', store.local().uri);
  try {
    const [counts] = await store.database
      .scope()
      .read('RETURN COUNT { (:Model) } AS models, COUNT { (:Entity) } AS entities, COUNT { ()-[]->() } AS relationships');
    const scenarios = [];
    const rss: number[] = [];
    const loadBefore = round(loadavg()[0]!);
    for (const scenario of SCENARIOS) {
      const bodies = scenario.vars(chosen).map((variables) => JSON.stringify({ query: scenario.query, variables }));
      const check = await verify(handle.url, bodies);
      if (!check.ok) log(`WARNING ${scenario.name} answers: ${check.message}`);
      await runLoad({ url: handle.url, bodies, connections: Number(args.connections), durationS: 2 });
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          rss.push((await handle.stats()).rss);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      })();
      const run = await runLoad({ url: handle.url, bodies, connections: Number(args.connections), durationS: Number(args.duration) });
      sampling = false;
      await sampler;
      const measured = pool([run]);
      scenarios.push({
        name: scenario.name,
        rps: round(measured.rps),
        p50_ms: measured.p50_ms,
        p99_ms: measured.p99_ms,
        errors: measured.errors,
      });
      log(
        `${models} ${scenario.name.padEnd(22)} ${round(measured.rps)} rps  p50 ${measured.p50_ms} ms  p99 ${measured.p99_ms} ms  ${measured.errors} errors`,
      );
    }
    const truncated = await fetch(handle.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query Q($id: ID!) { lineagePage(modelId: $id, direction: DESCENDANTS, maxDepth: 10, first: 100) { edges { cursor } pageInfo { hasNextPage } } }',
        variables: { id: chosen.popularBases[0]!.id },
      }),
    }).then((r) => r.json() as Promise<{ data?: { lineagePage: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } } }>);
    const result = {
      models,
      seed,
      date: new Date().toISOString(),
      graph: { ...(counts as { models: number; entities: number; relationships: number }), authors: tree.authors.length },
      generate_s: generateS,
      load: load ?? { ...loadOfStore(models), store: 'reused: the load that made it' },
      store_mb: Math.round(storeBytes(store.dataDir) / 2 ** 20),
      peak_rss_mb: {
        neo4j: Math.round(procKb(store.local().pid, 'VmHWM') / 1024),
        service: Math.round(Math.max(procKb(handle.pid, 'VmHWM') / 1024, ...rss.map((r) => r / 2 ** 20))),
      },
      popular_base: {
        ...chosen.popularBases[0],
        first_page: truncated.data?.lineagePage.edges.length,
        has_next_page: truncated.data?.lineagePage.pageInfo.hasNextPage,
      },
      settings: { connections: Number(args.connections), duration_s: Number(args.duration) },
      load_average: { before: loadBefore, after: round(loadavg()[0]!) },
      machine: machineInfo('5.26 community'),
      scenarios,
    };
    writeFileSync(path.join(RESULTS_DIR, `hf-scale-${models}.json`), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await handle.stop();
    await store.stop();
  }
}

type SizeResult = Awaited<ReturnType<typeof measureSize>>;

function report(): string {
  const results = readdirSync(RESULTS_DIR)
    .filter((f) => /^hf-scale-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as SizeResult)
    .sort((a, b) => a.models - b.models);
  const names = SCENARIOS.map((s) => s.name);
  const loadOf = (r: SizeResult) => {
    const load = r.load as { total_s?: number | null; path?: string; store?: string };
    if (typeof r.load === 'string' || load.total_s == null) return 'reused';
    return `${load.total_s} s (${load.path}${load.store ? '; measured on the store it made' : ''})`;
  };
  return [
    '# Hugging Face-shaped graph at scale',
    '',
    `Command: \`npm run bench -- --scale hf --scales <sizes>\` (bench/hf/README.md). Ours only, ${results[0]?.settings.connections ?? 4} connections, ${results[0]?.settings.duration_s ?? 10} s per read after a 2 s warm-up; p50 / p99 ms.`,
    '',
    `| models | entities | relationships | generate s | load | store MB | peak RSS MB Neo4j / service | ${names.join(' | ')} | top base: descendants, first page, more? | load average |`,
    `| ---: | ---: | ---: | ---: | --- | ---: | ---: | ${names.map(() => '---:').join(' | ')} | --- | --- |`,
    ...results.map(
      (r) =>
        `| ${r.models} | ${r.graph.entities} | ${r.graph.relationships} | ${r.generate_s} | ${loadOf(r)} | ${r.store_mb} | ${r.peak_rss_mb.neo4j} / ${r.peak_rss_mb.service} | ${r.scenarios.map((s) => `${s.p50_ms} / ${s.p99_ms}`).join(' | ')} | ${r.popular_base.descendants}, ${r.popular_base.first_page}, ${r.popular_base.has_next_page} | ${r.load_average.before} / ${r.load_average.after} |`,
    ),
    '',
    ...growth(results),
  ].join('\n');
}

/** Each read's p99 at the largest size against the smallest: the issue's target is at most twice. */
function growth(results: SizeResult[]): string[] {
  const [small, large] = [results[0], results.at(-1)];
  if (small === undefined || large === undefined || small === large) return [];
  const p99 = (r: SizeResult, name: string) => r.scenarios.find((s) => s.name === name)?.p99_ms ?? Number.NaN;
  return [
    `## p99 at ${large.models} models against ${small.models}`,
    '',
    `| read | p99 ms at ${small.models} | p99 ms at ${large.models} | ratio | at most 2× |`,
    '| --- | ---: | ---: | ---: | --- |',
    ...SCENARIOS.map(({ name }) => {
      const ratio = p99(large, name) / p99(small, name);
      return `| ${name} | ${p99(small, name)} | ${p99(large, name)} | ${round(ratio)} | ${ratio <= 2 ? 'yes' : 'no'} |`;
    }),
    '',
  ];
}

export async function runHfScale(): Promise<void> {
  for (const models of args.scales.split(',').map(Number)) {
    if (!args.fresh && existsSync(path.join(RESULTS_DIR, `hf-scale-${models}.json`))) {
      log(`${models}: measured already (results/hf-scale-${models}.json); --fresh measures it again`);
      continue;
    }
    await measureSize(models);
    writeFileSync(path.join(RESULTS_DIR, 'hf-scale.md'), report());
  }
  writeFileSync(path.join(RESULTS_DIR, 'hf-scale.md'), report());
  console.log(report());
}
