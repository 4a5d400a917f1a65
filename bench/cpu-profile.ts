/**
 * `node --import tsx bench/cpu-profile.ts [--models 2000] scenario`: runs our service in-process
 * against the bench Neo4j, sends 300 requests of the scenario (4 at a time) under the V8 profiler
 * and prints where our process spends its CPU (self time, top functions by file).
 */
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { generate, measureSeed } from './generator.js';
import { ensureLoaded, startBenchNeo4j } from './neo4j.js';
import { SCENARIOS } from './scenarios.js';
import { buildService } from './child.js';
import { startOurs } from './systems.js';

const { values, positionals } = parseArgs({
  options: { models: { type: 'string', default: '2000' }, n: { type: 'string', default: '300' } },
  allowPositionals: true,
});
const models = Number(values.models);
const graph = generate({ models, seed: 42, profile: measureSeed() });
const neo = await startBenchNeo4j(models, console.log);
await ensureLoaded(neo.database, graph, 42, console.log);
buildService();
const ours = await startOurs(neo.uri);
const inspector = new Session();
inspector.connect();
try {
  for (const name of positionals) {
    const scenario = SCENARIOS.find((s) => s.name === name)!;
    const bodies = scenario.items(graph.picks).map((variables) => JSON.stringify({ query: scenario.ours, variables }));
    const send = (i: number) =>
      fetch(ours.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] }).then((r) =>
        r.text(),
      );
    for (let i = 0; i < 50; i += 1) await send(i);
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    const n = Number(values.n);
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < n) await send(next++);
      }),
    );
    const wall = performance.now() - t0;
    const { profile } = (await inspector.post('Profiler.stop')) as unknown as {
      profile: {
        nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number }>;
        samples: number[];
        timeDeltas: number[];
      };
    };
    const self = new Map<string, number>();
    const byFile = new Map<string, number>();
    const dt = new Map<number, number>();
    profile.samples.forEach((id, i) => {
      dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    let total = 0;
    for (const node of profile.nodes) {
      const us = dt.get(node.id) ?? 0;
      total += us;
      const file = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/main\//, '') || '(native)';
      const pkg = file.startsWith('@') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0]!;
      if (node.callFrame.functionName === '(idle)') continue;
      self.set(
        `${node.callFrame.functionName || '(anon)'} ${file}:${node.callFrame.lineNumber}`,
        (self.get(`${node.callFrame.functionName || '(anon)'} ${file}:${node.callFrame.lineNumber}`) ?? 0) + us,
      );
      byFile.set(
        file.startsWith('src') || file.startsWith('bench') ? file : pkg,
        (byFile.get(file.startsWith('src') || file.startsWith('bench') ? file : pkg) ?? 0) + us,
      );
    }
    const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((s, n) => s + (dt.get(n.id) ?? 0), 0);
    console.log(
      `\n## ${name}: ${n} requests in ${(wall / 1000).toFixed(1)} s; busy CPU ${((total - idle) / 1000 / n).toFixed(2)} ms per request (idle ${((idle / total) * 100).toFixed(0)}%)`,
    );
    console.log('by package/file (ms per request):');
    for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(v / 1000 / n).toFixed(3)}  ${k}`);
    console.log('top functions (self ms per request):');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(v / 1000 / n).toFixed(3)}  ${k}`);
  }
} finally {
  await ours.stop();
  await neo.stop();
  process.exit(0);
}
