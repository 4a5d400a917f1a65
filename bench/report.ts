/** results/*.json and the Markdown tables. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

export interface Measured {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  roundtrips: number;
  errors?: number;
  requests?: number;
}

export interface ScenarioResult {
  name: string;
  description: string;
  ours: Measured | null;
  raw: Measured | null;
  peer: Measured | null;
  peer_note?: string;
}

/** One scenario's cached reads: the raw floor, ours answering POSTs from its cache, and GETs answered 304. */
export interface CachedResult {
  name: string;
  raw: Measured;
  post: Measured;
  get: Measured;
}

export interface BenchReport {
  mode: string;
  date: string;
  scale: { models: number; relationships: number; nodes: number; seed: number };
  machine: Record<string, unknown>;
  settings: { connections: number; duration_s: number; rounds: number; warmup_s: number };
  scenarios: ScenarioResult[];
  cached?: CachedResult[];
}

export function machineInfo(neo4jVersion: string): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    mem_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    neo4j: neo4jVersion,
  };
}

const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '–' : (a / b).toFixed(2));
const num = (v: number | undefined, digits = 0) => (v === undefined ? '–' : v.toFixed(digits));

export function markdown(report: BenchReport): string {
  const lines = [
    `# Benchmark (${report.mode}) — ${report.date}`,
    '',
    `Scale: ${report.scale.models} models, ${report.scale.nodes} nodes, ${report.scale.relationships} relationships (seed ${report.scale.seed}). ` +
      `Machine: ${report.machine.cores} × ${report.machine.cpu}, ${report.machine.mem_gb} GB, Node ${report.machine.node}, Neo4j ${report.machine.neo4j}. ` +
      `${report.settings.connections} connections, ${report.settings.duration_s} s per system per scenario in ${report.settings.rounds} slices taken in turn with the other systems, after a ${report.settings.warmup_s} s warm-up.`,
    '',
    '| scenario | ours rps | raw rps | peer rps | ours/raw | ours/peer | ours p50 / p99 ms | raw p50 / p99 ms | peer p50 / p99 ms | round trips ours / raw / peer | errors o/r/p |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of report.scenarios) {
    const lat = (m: Measured | null) => (m ? `${num(m.p50_ms)} / ${num(m.p99_ms)}` : '–');
    const rt = (m: Measured | null) => (m ? num(m.roundtrips, 2) : '–');
    lines.push(
      `| ${s.name} | ${num(s.ours?.rps, 1)} | ${num(s.raw?.rps, 1)} | ${s.peer ? num(s.peer.rps, 1) : 'n/a'} | ${ratio(s.ours?.rps, s.raw?.rps)} | ${s.peer ? ratio(s.ours?.rps, s.peer.rps) : 'n/a'} | ${lat(s.ours)} | ${lat(s.raw)} | ${lat(s.peer)} | ${rt(s.ours)} / ${rt(s.raw)} / ${rt(s.peer)} | ${s.ours?.errors ?? '–'}/${s.raw?.errors ?? '–'}/${s.peer?.errors ?? '–'} |`,
    );
  }
  const notes = report.scenarios.filter((s) => s.peer_note).map((s) => `- ${s.name}: peer is a ${s.peer_note}.`);
  if (notes.length) lines.push('', 'Peer differences (it answers less than ours there):', '', ...notes);
  lines.push(
    '',
    "Ours runs from its build (dist/, as npm start runs it) with its response cache off here (RESPONSE_CACHE_MB=0): every request reaches Neo4j. As for any client, an operation it has run once is run again from its compiled form without Apollo Server's request pipeline (the prepared path; its variables, complexity and caller are checked each time). Targets: ours/peer ≥ 1.0, ours/raw ≥ 0.8, round trips per request ≤ 3.",
  );
  if (report.cached?.length) {
    lines.push(
      '',
      '## Cached reads',
      '',
      'The same 8 requests repeated, as a front-end sends them: ours with its response cache on, as POSTs (answered from the cache) and as GETs sending the ETag they were given (answered 304); raw sends the same 8 requests.',
      '',
      '| scenario | raw rps | cached POST rps | POST/raw | GET + ETag rps | GET/raw | raw p50 / p99 ms | POST p50 / p99 ms | GET p50 / p99 ms | round trips raw / POST / GET | errors r/P/G |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    const lat = (m: Measured) => `${num(m.p50_ms)} / ${num(m.p99_ms)}`;
    for (const c of report.cached) {
      lines.push(
        `| ${c.name} | ${num(c.raw.rps, 1)} | ${num(c.post.rps, 1)} | ${ratio(c.post.rps, c.raw.rps)} | ${num(c.get.rps, 1)} | ${ratio(c.get.rps, c.raw.rps)} | ${lat(c.raw)} | ${lat(c.post)} | ${lat(c.get)} | ${num(c.raw.roundtrips, 2)} / ${num(c.post.roundtrips, 2)} / ${num(c.get.roundtrips, 2)} | ${c.raw.errors ?? '–'}/${c.post.errors ?? '–'}/${c.get.errors ?? '–'} |`,
      );
    }
    lines.push('', 'Target: cached reads ≥ 3× raw.');
  }
  lines.push('');
  return lines.join('\n');
}

export function writeResults(basename: string, json: unknown, md: string): string[] {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const files = [path.join(RESULTS_DIR, `${basename}.json`), path.join(RESULTS_DIR, `${basename}.md`)];
  writeFileSync(files[0]!, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(files[1]!, md);
  return files;
}
