/**
 * `tsx bench/profile.ts [--models 2000] [--seed 42] [scenario ...]`: captures the Cypher our service
 * sends for the first request of each scenario (through the real schema and resolvers, with a
 * recording database scope), then PROFILEs it and the raw Cypher on the bench Neo4j and times both
 * (mean of 20 runs). Writes bench/results/profile.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { graphql } from 'graphql';
import type { Database, DbScope, Params } from '../src/db/database.js';
import { createContext } from '../src/graphql/context.js';
import { createSchema } from '../src/graphql/schema.js';
import { createLogger } from '../src/logging/logger.js';
import { generate, measureSeed } from './generator.js';
import { ensureLoaded, startBenchNeo4j } from './neo4j.js';
import { RESULTS_DIR } from './report.js';
import { SCENARIOS } from './scenarios.js';

const { values, positionals } = parseArgs({
  options: { models: { type: 'string', default: '2000' }, seed: { type: 'string', default: '42' } },
  allowPositionals: true,
});
const models = Number(values.models);
const seed = Number(values.seed);

interface PlanNode {
  operatorType: string;
  rows: number;
  dbHits: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

const totalHits = (p: PlanNode): number => p.dbHits + p.children.reduce((s, c) => s + totalHits(c), 0);
const tree = (p: PlanNode, depth = 0): string[] => [
  `${'  '.repeat(depth)}${p.operatorType.replace(/@neo4j$/, '')}  rows=${p.rows} dbHits=${p.dbHits}${p.arguments.Details ? `  ${String(p.arguments.Details).slice(0, 140).replace(/\s+/g, ' ')}` : ''}`,
  ...p.children.flatMap((c) => tree(c, depth + 1)),
];

const graph = generate({ models, seed, profile: measureSeed() });
const neo = await startBenchNeo4j(models, console.log);
const out: string[] = [`# PROFILE of our Cypher vs raw (${models} models, first request of each scenario)`, ''];
try {
  await ensureLoaded(neo.database, graph, seed, console.log);
  const schema = await createSchema();
  const session = () => neo.database.driver.session({ defaultAccessMode: 'READ' });
  const profile = async (cypher: string, params: Params) => {
    const s = session();
    try {
      const result = await s.run(`PROFILE ${cypher}`, params);
      return result.summary.profile as unknown as PlanNode;
    } finally {
      await s.close();
    }
  };
  const time = async (cypher: string, params: Params, n = 20) => {
    const s = session();
    try {
      for (let i = 0; i < 3; i += 1) await s.run(cypher, params);
      const t0 = performance.now();
      for (let i = 0; i < n; i += 1) await s.run(cypher, params);
      return (performance.now() - t0) / n;
    } finally {
      await s.close();
    }
  };
  for (const scenario of SCENARIOS.filter((s) => positionals.length === 0 || positionals.includes(s.name))) {
    const variables = scenario.items(graph.picks)[0]!;
    const captured: Array<{ cypher: string; params: Params }> = [];
    const recording = {
      scope: (options?: Parameters<Database['scope']>[0]) => {
        const inner = neo.database.scope(options);
        const scope: DbScope = {
          read: (cypher, params = {}) => {
            captured.push({ cypher, params });
            return inner.read(cypher, params);
          },
          each: (cypher, params, onRow) => {
            captured.push({ cypher, params });
            return inner.each(cypher, params, onRow);
          },
          write: (work) => inner.write(work),
          get roundTrips() {
            return inner.roundTrips;
          },
        };
        return scope;
      },
    } as unknown as Database;
    const contextValue = createContext({
      database: recording,
      requestId: 'profile',
      log: createLogger('silent'),
      timeoutMs: 30_000,
      caller: null,
    });
    const result = await graphql({ schema, source: scenario.ours, variableValues: variables, contextValue });
    if (result.errors) out.push(`errors: ${JSON.stringify(result.errors)}`);
    out.push(`## ${scenario.name}`, '', `variables: \`${JSON.stringify(variables)}\``, '');
    for (const [i, { cypher, params }] of captured.entries()) {
      const plan = await profile(cypher, params);
      const ms = await time(cypher, params);
      out.push(
        `### ours, statement ${i + 1}: ${totalHits(plan)} db hits, ${ms.toFixed(2)} ms mean`,
        '',
        '```cypher',
        cypher.trim(),
        '```',
        '',
        '```',
        ...tree(plan),
        '```',
        '',
      );
    }
    const rawParams = scenario.raw.params ? scenario.raw.params(variables) : variables;
    const rawPlan = await profile(scenario.raw.cypher, rawParams);
    const rawMs = await time(scenario.raw.cypher, rawParams);
    out.push(`### raw: ${totalHits(rawPlan)} db hits, ${rawMs.toFixed(2)} ms mean`, '', '```', ...tree(rawPlan), '```', '');
    console.log(`${scenario.name}: ours ${captured.length} statement(s); raw ${totalHits(rawPlan)} hits ${rawMs.toFixed(2)} ms`);
  }
} finally {
  await neo.stop();
}
const file = path.join(RESULTS_DIR, `profile-${models}.md`);
writeFileSync(file, out.join('\n'));
console.log(`wrote ${file}`);
process.exit(0);
