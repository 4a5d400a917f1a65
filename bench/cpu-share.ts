/**
 * `npx tsx bench/cpu-share.ts [--models 2000] [--systems ours,raw,peer] scenario…`: for each scenario
 * and system, a warm-up then a fixed-length autocannon run, reading user+system CPU time from
 * /proc for the system's process, Neo4j and the load generator. Prints CPU ms per request of each,
 * which tells whether a system is held back by its own CPU or by the shared machine.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { spawnSystem, type SystemHandle } from './child.js';
import { generate, measureSeed } from './generator.js';
import { runLoad } from './load.js';
import { ensureLoaded, startBenchNeo4j } from './neo4j.js';
import { SCENARIOS } from './scenarios.js';
import type { SystemName } from './systems.js';

const { values, positionals } = parseArgs({
  options: {
    models: { type: 'string', default: '2000' },
    systems: { type: 'string', default: 'ours,raw,peer' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '1' },
    uri: { type: 'string' },
    'neo4j-pid': { type: 'string' },
  },
  allowPositionals: true,
});
const TICK_MS = 10;
const cpuMs = (pid: number | undefined) => {
  const fields = readFileSync(`/proc/${pid ?? process.pid}/stat`, 'utf8')
    .split(') ')[1]!
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};

const models = Number(values.models);
const graph = generate({ models, seed: 42, profile: measureSeed() });
// --uri/--neo4j-pid measure against a Neo4j already running (and already warm) with this graph.
const neo = values.uri
  ? { uri: values.uri, pid: Number(values['neo4j-pid']), stop: async () => undefined }
  : await startBenchNeo4j(models, () => undefined);
if (!values.uri) await ensureLoaded((neo as Awaited<ReturnType<typeof startBenchNeo4j>>).database, graph, 42, console.log);
const handles = new Map<SystemName, SystemHandle>();
try {
  for (const name of values.systems.split(',') as SystemName[]) handles.set(name, await spawnSystem(name, neo.uri));
  console.log('scenario               system      rps   server ms/req  neo4j ms/req  loadgen ms/req');
  for (let round = 0; round < Number(values.rounds); round += 1)
    for (const scenario of SCENARIOS.filter((s) => positionals.length === 0 || positionals.includes(s.name))) {
      for (const [name, handle] of handles) {
        const items = scenario.items(graph.picks);
        const bodies =
          name === 'ours'
            ? items.map((v) => JSON.stringify({ query: scenario.ours, variables: v }))
            : name === 'raw'
              ? items.map((v) => JSON.stringify({ variables: v }))
              : scenario.peer
                ? items.map((v) =>
                    JSON.stringify({ query: scenario.peer!.query, variables: scenario.peer!.vars ? scenario.peer!.vars(v) : v }),
                  )
                : null;
        if (!bodies) continue;
        const url = name === 'raw' ? `${handle.url}${scenario.name}` : handle.url;
        const load = { url, bodies, connections: Number(values.connections) };
        await runLoad({ ...load, durationS: 3 });
        const before = [cpuMs(handle.pid), cpuMs(neo.pid), cpuMs(undefined)];
        const result = await runLoad({ ...load, durationS: Number(values.duration) });
        const after = [cpuMs(handle.pid), cpuMs(neo.pid), cpuMs(undefined)];
        const per = after.map((a, i) => ((a - before[i]!) / result.completed).toFixed(2).padStart(8));
        console.log(
          `${scenario.name.padEnd(22)} ${name.padEnd(6)} ${(result.completed / result.durationS).toFixed(0).padStart(7)}   ${per[0]}       ${per[1]}      ${per[2]}`,
        );
      }
    }
} finally {
  for (const handle of handles.values()) await handle.stop();
  await neo.stop();
}
process.exit(0);
