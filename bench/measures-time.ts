/**
 * npx tsx bench/measures-time.ts [models=100000] [seed=42] [hf]
 *
 * Times one recomputation of the graph measures (issue 16) on a bench graph, through Neo4j, as the
 * service runs it after a load: the service (startService, measures polling off) has its measures
 * process read the graph out of Neo4j, compute and write the measures back in batches. Meanwhile one
 * client keeps asking the service for a model and its stored measures, to check that reads are
 * answered (and how fast) while the recomputation runs. Prints and writes
 * bench/results/measures-<models>.{json,md}: each phase's wall time, CPU seconds of this process
 * (the service), of the measures process and of Neo4j, peak RSS of each, Neo4j's heap, and the reads' latencies.
 * Reuses the store bench/load-time.ts or `npm run bench -- --scaling` loaded, or loads it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging/logger.js';
import { startService } from '../src/service.js';
import { generate, measureSeed } from './generator.js';
import { openStore, storeDir } from './hf/store.js';
import { ensureLoaded, freePort, measuredScale, startBenchNeo4j } from './neo4j.js';

/** The Hugging Face bench's store of this size, opened as bench/neo4j.ts opens its own. */
async function openHfStore(size: number, say: (line: string) => void) {
  const store = await openStore(storeDir(size, 'hf'), say);
  return {
    uri: store.local().uri,
    database: store.database,
    pid: store.local().pid,
    stop: () => store.stop(),
  };
}

const models = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 42);
const started = Date.now();
const log = (line: string) => console.log(`[measures-time ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const procStatus = (pid: number, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
const procCpu = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
/** The measures' own process, while it runs (src/analytics/measures.process.ts): a child of this one. */
const measuresPid = (): number | undefined => {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('measures.process')) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
};
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
/**
 * Neo4j's used heap in MB from `jcmd GC.heap_info` (JDK tools); NaN where they are missing. Not waited
 * for synchronously: jcmd starts a JVM, and waiting held the service's event loop 0.3-0.6 s every 2 s.
 */
const neo4jHeapMb = async (pid: number): Promise<number> => {
  try {
    const { stdout: out } = await promisify(execFile)('jcmd', [String(pid), 'GC.heap_info'], { encoding: 'utf8', timeout: 10_000 });
    const used = /total \d+K, used (\d+)K/.exec(out);
    return used ? Number(used[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

// `hf` as third argument: the store `npm run bench -- --scale hf` loaded at this size (bench/hf/README.md).
const hf = process.argv[4] === 'hf';
const neo = hf ? await openHfStore(models, log) : await startBenchNeo4j(models, log);
try {
  const [marker] = await neo.database.scope().read('OPTIONAL MATCH (b:BenchMarker) RETURN b.key AS key, b.complete AS complete');
  if (hf && marker?.complete !== true)
    throw new Error(`no loaded hf store of ${models} models: run npm run bench -- --scale hf --scales ${models} first`);
  if (marker?.complete !== true || !String(marker.key).includes(`:models=${models}:seed=${seed}`)) {
    log('no loaded bench graph of this scale in the store: generating and loading it');
    await ensureLoaded(neo.database, generate({ models, seed, profile: measureSeed() }), seed, log);
  } else log(`reusing the loaded graph (${marker.key})`);
  const scale = await measuredScale(neo.database);
  const neoPid = neo.pid!;

  const service = await startService(
    loadConfig({
      NEO4J_URI: neo.uri,
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      RESPONSE_CACHE_MB: '0',
      // Started by hand below, so its start and end are known.
      MEASURES_ENABLED: 'false',
    }),
    createLogger('silent'),
  );
  try {
    // ---- one client reading a model and its measures, without pause, before and during the run
    const [idRow] = await neo.database.scope().read('MATCH (m:Model) RETURN collect(m.id)[0..200] AS ids');
    const ids = idRow!.ids as string[];
    const reads: Array<{ ms: number; during: boolean; ok: boolean; version: string | null }> = [];
    let phase = 'before' as 'before' | 'during' | 'done';
    const reader = (async () => {
      for (let i = 0; phase !== 'done'; i += 1) {
        const t = performance.now();
        const during = phase === 'during';
        try {
          const response = await fetch(`${service.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: 'query($id: ID!) { model(id: $id) { name } influence(ids: [$id]) { pageRank community { id } version } }',
              variables: { id: ids[i % ids.length] },
            }),
          });
          const body = (await response.json()) as { data?: { model?: unknown; influence?: Array<{ version: string }> }; errors?: unknown };
          reads.push({
            ms: performance.now() - t,
            during,
            ok: response.ok && body.errors === undefined && body.data?.model != null,
            version: body.data?.influence?.[0]?.version ?? null,
          });
        } catch {
          reads.push({ ms: performance.now() - t, during, ok: false, version: null });
        }
      }
    })();
    await sleep(10_000);

    // ---- memory sampled every 2 s (RSS of this process = the service, of the measures process, of Neo4j; Neo4j's heap)
    let peak = { serviceRssMb: 0, measuresRssMb: 0, neo4jRssMb: 0, neo4jHeapMb: 0 };
    // The measures process's CPU seconds, as last sampled before it ended.
    let measuresCpu = 0;
    const baseline = {
      serviceRssMb: process.memoryUsage().rss / 2 ** 20,
      neo4jRssMb: procStatus(neoPid, 'VmRSS'),
      neo4jHeapMb: await neo4jHeapMb(neoPid),
    };
    let heapAsked = false;
    const sampler = setInterval(() => {
      const child = measuresPid();
      let childRss = 0;
      if (child !== undefined) {
        try {
          childRss = procStatus(child, 'VmHWM');
          measuresCpu = procCpu(child);
        } catch {
          // ended meanwhile
        }
      }
      peak = {
        serviceRssMb: Math.max(peak.serviceRssMb, process.memoryUsage().rss / 2 ** 20),
        measuresRssMb: Math.max(peak.measuresRssMb, childRss),
        neo4jRssMb: Math.max(peak.neo4jRssMb, procStatus(neoPid, 'VmRSS')),
        neo4jHeapMb: peak.neo4jHeapMb,
      };
      if (heapAsked) return;
      heapAsked = true;
      void neo4jHeapMb(neoPid).then((mb) => {
        peak.neo4jHeapMb = Math.max(peak.neo4jHeapMb, mb || 0);
        heapAsked = false;
      });
    }, 2_000);
    const load = { before: loadavg().map((n) => round(n, 1)) };
    const cpu0 = { own: ownCpu(), neo4j: procCpu(neoPid) };
    phase = 'during';
    const t0 = Date.now();
    // Where the service's event loop stood still (a tick 20 ms apart that came late) and its longest
    // garbage collections: what a read waiting during the run waited for.
    const stalls: Array<{ at_s: number; ms: number }> = [];
    let lastTick = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      if (now - lastTick > 250)
        stalls.push({ at_s: round((Date.now() - t0 - (now - lastTick)) / 1000, 1), ms: round(now - lastTick - 20) });
      lastTick = now;
    }, 20);
    const collections: Array<{ at_s: number; ms: number; kind: number }> = [];
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.duration > 100)
          collections.push({
            at_s: round((performance.timeOrigin + entry.startTime - t0) / 1000, 1),
            ms: round(entry.duration),
            kind: (entry as { detail?: { kind?: number } }).detail?.kind ?? 0,
          });
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    log('recomputing (its own process: read from Neo4j, compute, batched write back)');
    await service.measures.recompute();
    const wallS = (Date.now() - t0) / 1000;
    phase = 'done';
    clearInterval(ticker);
    gcObserver.disconnect();
    clearInterval(sampler);
    await reader;
    const cpu = {
      service: round(ownCpu() - cpu0.own, 1),
      measuresProcess: round(measuresCpu, 1),
      neo4j: round(procCpu(neoPid) - cpu0.neo4j, 1),
    };
    const status = service.measures.status;
    if (status.lastError !== null) throw new Error(`The recomputation failed: ${status.lastError}`);
    const [written] = await neo.database
      .scope()
      .read(
        'MATCH (n:Entity) RETURN count(n) AS nodes, count(n.measuresVersion) AS measured, collect(DISTINCT n.measuresVersion) AS versions',
      );
    const [run] = await neo.database
      .scope()
      .read(
        "MATCH (r:MeasureRun {id: 'latest'}) RETURN r.betweennessExact AS exact, r.betweennessSources AS sources, r.modularity AS modularity, size(r.communities) AS communitiesJsonChars",
      );
    const latency = (during: boolean) => {
      const list = reads.filter((r) => r.during === during);
      const ms = list.map((r) => r.ms).sort((a, b) => a - b);
      return {
        requests: list.length,
        failed: list.filter((r) => !r.ok).length,
        p50_ms: round(percentile(ms, 0.5), 1),
        p99_ms: round(percentile(ms, 0.99), 1),
        max_ms: round(ms.at(-1) ?? Number.NaN, 1),
        versions: [...new Set(list.map((r) => r.version ?? 'not yet measured'))],
      };
    };
    const result = {
      date: new Date().toISOString(),
      command: `npx tsx bench/measures-time.ts ${models} ${seed}${hf ? ' hf' : ''}`,
      machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`,
      load_average_before: load.before,
      load_average_after: loadavg().map((n) => round(n, 1)),
      scale,
      wall_s: round(wallS, 1),
      phases_s: {
        read: round((status.lastPhases?.readMs ?? Number.NaN) / 1000, 1),
        compute: round((status.lastPhases?.computeMs ?? Number.NaN) / 1000, 1),
        write: round((status.lastPhases?.writeMs ?? Number.NaN) / 1000, 1),
      },
      cpu_s: cpu,
      memory_mb: {
        baseline: {
          serviceRss: round(baseline.serviceRssMb),
          neo4jRss: round(baseline.neo4jRssMb),
          neo4jHeapUsed: round(baseline.neo4jHeapMb),
        },
        peak: {
          serviceRss: round(peak.serviceRssMb),
          serviceMaxRss: round(process.resourceUsage().maxRSS / 1024),
          measuresProcessRssHighWater: round(peak.measuresRssMb),
          neo4jRss: round(peak.neo4jRssMb),
          neo4jRssHighWater: round(procStatus(neoPid, 'VmHWM')),
          neo4jHeapUsed: round(peak.neo4jHeapMb),
        },
      },
      written,
      run,
      reads: { before: latency(false), during: latency(true) },
      event_loop_stalls: [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 12),
      event_loop_stalled_s: round(stalls.reduce((sum, s) => sum + s.ms, 0) / 1000, 1),
      main_thread_gc: [...collections].sort((a, b) => b.ms - a.ms).slice(0, 12),
    };
    console.log(JSON.stringify(result, null, 1));
    writeFileSync(new URL(`./results/measures-${hf ? 'hf-' : ''}${models}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(new URL(`./results/measures-${hf ? 'hf-' : ''}${models}.md`, import.meta.url), markdownOf(result));
  } finally {
    await service.stop();
  }
} finally {
  await neo.stop();
}

function markdownOf(r: Record<string, any>): string {
  const m = r.memory_mb;
  const row = (name: string, l: Record<string, any>) =>
    `| ${name} | ${l.requests} | ${l.failed} | ${l.p50_ms} | ${l.p99_ms} | ${l.max_ms} | ${l.versions.join(', ')} |`;
  return `# Graph measures on the ${r.scale.models.toLocaleString('en')}-model bench graph — ${r.date.slice(0, 10)}

Command: \`${r.command}\` (${r.machine}; load average ${r.load_average_before.join(', ')} before, ${r.load_average_after.join(', ')} after).
The service (startService, its own MeasuresService) has the graph read out of Neo4j and computes PageRank (whole graph and
lineage), betweenness (sampled from ${r.run.sources} sources: exact only up to 5,000 nodes), Louvain and lineage
statistics in a process of its own (src/analytics/measures.process.ts), which reads the graph and writes the measures back
5,000 nodes per transaction (each with its own deadline). The service only waits for its answer and serves reads meanwhile.

Graph: ${r.scale.nodes.toLocaleString('en')} nodes, ${r.scale.relationships.toLocaleString('en')} relationships (with CITES); measures written on ${r.written.measured.toLocaleString('en')} of ${r.written.nodes.toLocaleString('en')} entities; modularity ${Number(r.run.modularity).toFixed(3)}.

| phase | wall s |
| --- | ---: |
| read the graph from Neo4j | ${r.phases_s.read} |
| compute (measures process) | ${r.phases_s.compute} |
| write back in batches | ${r.phases_s.write} |
| total | ${r.wall_s} |

CPU seconds during the run: service (and this bench's client) ${r.cpu_s.service}, measures process ${r.cpu_s.measuresProcess} (last sampled, every 2 s), Neo4j ${r.cpu_s.neo4j}.

| memory MB | before | peak |
| --- | ---: | ---: |
| service RSS (sampled / process maxRSS) | ${m.baseline.serviceRss} | ${m.peak.serviceRss} / ${m.peak.serviceMaxRss} |
| measures process RSS (VmHWM, sampled) | | ${m.peak.measuresProcessRssHighWater} |
| Neo4j RSS (sampled / VmHWM) | ${m.baseline.neo4jRss} | ${m.peak.neo4jRss} / ${m.peak.neo4jRssHighWater} |
| Neo4j heap used (jcmd GC.heap_info, every 2 s) | ${m.baseline.neo4jHeapUsed} | ${m.peak.neo4jHeapUsed} |

Reads while it runs (one client, one request after another: \`model(id) { name } influence(ids) { pageRank community version }\`):

| window | requests | failed | p50 ms | p99 ms | max ms | measures versions seen |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${row('10 s before', r.reads.before)}
${row('during the recomputation', r.reads.during)}

The service's event loop stood still ${r.event_loop_stalled_s} s in all (ticks 20 ms apart, counted when one came more than 250 ms late).
Longest stalls (seconds into the run: the read ends at ${r.phases_s.read} s, the compute at ${round(r.phases_s.read + r.phases_s.compute, 1)} s),
and the main thread's garbage collections over 100 ms (V8 kind: 1 minor, 2 major, 4 incremental, 8 weak callbacks):

| stall at s | ms | | collection at s | ms | kind |
| ---: | ---: | --- | ---: | ---: | ---: |
${Array.from({ length: Math.max(r.event_loop_stalls.length, r.main_thread_gc.length) }, (_, i) => {
  const s = r.event_loop_stalls[i];
  const g = r.main_thread_gc[i];
  return `| ${s?.at_s ?? ''} | ${s?.ms ?? ''} | | ${g?.at_s ?? ''} | ${g?.ms ?? ''} | ${g?.kind ?? ''} |`;
}).join('\n')}
`;
}
