import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeasuresService } from '../src/analytics/measures.service.js';
import type { Database } from '../src/db/database.js';
import { KINDS, STRUCTURAL_KINDS, STRUCTURAL_RELATIONS } from '../src/domain/registry.js';
import { createLogger } from '../src/logging/logger.js';
import { MeasuresRepository } from '../src/repositories/measures.repository.js';
import type { Service } from '../src/service.js';
import { deleteWrittenEntities, testConnection, testDatabase } from './helpers/database.js';
import { graphql, startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

const PREFIX = 'research-test-';
let service: Service;
let db: Database;
beforeAll(async () => {
  service = await startTestService();
  db = testDatabase(60_000);
  const measures = new MeasuresService(
    new MeasuresRepository(db),
    {
      currentVersion: async () => 'research-test',
      lineageType: 'DERIVED_FROM',
      symmetricTypes: new Set(['COMPETES_WITH', 'COLLABORATES_WITH']),
      pollMs: 60_000,
      quietMs: 0,
      connection: testConnection(60_000),
    },
    createLogger('silent'),
  );
  await measures.recompute();
  expect(measures.status).toMatchObject({ version: 'research-test', lastError: null });
}, 120_000);
afterAll(async () => {
  await deleteWrittenEntities(db, PREFIX);
  await service.stop();
  await db.close();
});

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(service.url, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('graph measures', () => {
  it('ranks PaLM first by lineage PageRank and the Transformer among the bridges', async () => {
    const data = await ok(`{
      lineage: mostInfluential(types: [MODEL], measure: LINEAGE_PAGE_RANK, first: 5) { entity { id } score }
      bridges: mostInfluential(measure: BETWEENNESS, first: 5) { entity { id type } score }
      descendants: mostInfluential(types: [MODEL], measure: DESCENDANTS, first: 1) { entity { id name } score }
    }`);
    const lineage = data.lineage.map((r: any) => r.entity.id);
    // PaLM has the largest lineage (four descendants, below); the GPT line is two chains since round 3.
    expect(lineage).toContain('palm');
    expect(data.bridges.map((r: any) => r.entity.id)).toContain('transformer');
    const scores = data.bridges.map((r: any) => r.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    // PaLM heads the largest lineage: Med-PaLM, PaLM 2, Med-PaLM 2 and PaLM-E derive from it
    // (seed/relationships/derived_from.json; products are POWERED_BY, not lineage; the GPT line breaks at
    // GPT-3 -> GPT-3.5, which no source in seed/ states).
    expect(data.descendants[0]).toMatchObject({ entity: { id: 'palm' }, score: 4 });
  });

  it('labels communities by their leaders, covering every entity once, and reports the run', async () => {
    const data = await ok(
      '{ measures { version computedAt betweennessExact modularity communities { id label size } } graphStats { nodes { label count } } }',
    );
    const run = data.measures;
    expect(run.version).toBe('research-test');
    expect(run.betweennessExact).toBe(true);
    expect(run.modularity).toBeGreaterThan(0.3);
    const total = run.communities.reduce((sum: number, c: any) => sum + c.size, 0);
    // The measures run over the kinds the graph's structure joins (benchmarks, reached by results alone, are not among them).
    const labels = STRUCTURAL_KINDS.map((type) => KINDS[type].label);
    const entities = data.graphStats.nodes.filter((n: any) => labels.includes(n.label));
    expect(total).toBe(entities.reduce((sum: number, n: any) => sum + n.count, 0));
    expect(run.communities.every((c: any) => c.label.length > 0)).toBe(true);
    const gpt = await ok('{ communities(first: 100) { label } }');
    expect(gpt.communities.length).toBe(run.communities.length);
  });

  it('gives each entity its measures, labelled with the run they come from', async () => {
    const data = await ok(
      '{ influence(ids: ["gpt-4", "transformer", "no-such-id"]) { id pageRank lineagePageRank betweenness lineageDepth descendants fanOut { kind count } community { id label } version computedAt } }',
    );
    expect(data.influence.map((i: any) => i.id)).toEqual(['gpt-4', 'transformer']);
    const [gpt4, transformer] = data.influence;
    expect(gpt4).toMatchObject({ version: 'research-test' });
    // GPT-4 derives from GPT-3.5, and GPT-3.5 from nothing a source states.
    expect(gpt4.lineageDepth).toBe(1);
    expect(gpt4.community.label.length).toBeGreaterThan(0);
    expect(Date.parse(gpt4.computedAt)).not.toBeNaN();
    expect(transformer.lineagePageRank).toBeNull();
    expect(transformer.betweenness).toBeGreaterThan(gpt4.betweenness / 10);
  });

  it('answers an entity’s and a graph node’s influence with it, in the one statement of the request', async () => {
    const before = service.database.roundTrips;
    const data = await ok(`{
      model(id: "gpt-4") { name influence { id pageRank community { label size } fanOut { kind count } version } }
      neighborhood(ids: ["gpt-4"]) { nodes { id influence { pageRank community { id } } } }
    }`);
    // Two root fields, one statement each; nothing more for the measures.
    expect(service.database.roundTrips - before).toBe(2);
    const [stored] = (await ok('{ influence(ids: ["gpt-4"]) { pageRank community { label size } version } }')).influence;
    expect(data.model.influence).toMatchObject({ id: 'gpt-4', version: 'research-test', ...stored });
    const nodes = data.neighborhood.nodes;
    expect(nodes.length).toBeGreaterThan(3);
    for (const node of nodes) expect(node.influence.pageRank).toBeGreaterThan(0);
    const lineage = await ok('{ lineageGraph(modelId: "palm", direction: BOTH) { nodes { id influence { lineagePageRank } } } }');
    expect(lineage.lineageGraph.nodes.every((n: any) => n.influence.lineagePageRank > 0)).toBe(true);
  });

  it('gives lineage depth and fan-out distributions that add up', async () => {
    const data = await ok(
      '{ lineageStats { depth { value count } fanOut { kind parents children max distribution { value count } } families { rootId descendants generations } } }',
    );
    const stats = data.lineageStats;
    expect(stats.depth[0].value).toBe(0);
    // Depths 0, 1 and 2 (e.g. PaLM -> PaLM 2 -> Med-PaLM 2).
    expect(stats.depth.map((d: any) => d.value)).toEqual([0, 1, 2]);
    for (const f of stats.fanOut) {
      expect(f.distribution.reduce((s: number, d: any) => s + d.count, 0)).toBe(f.parents);
      expect(f.distribution.reduce((s: number, d: any) => s + d.value * d.count, 0)).toBe(f.children);
    }
    // PaLM's family is the largest: Med-PaLM, PaLM 2, PaLM-E, and Med-PaLM 2 below PaLM 2.
    expect(stats.families[0]).toMatchObject({ rootId: 'palm', descendants: 4, generations: 2 });
  });
});

describe('curves and networks', () => {
  it('counts adopters of a technique per year with a running total and no missing years', async () => {
    const data = await ok(
      '{ adoptionCurve(techniqueIds: ["transformer", "rlhf"]) { technique { id } undated points { period count cumulative } } }',
    );
    expect(data.adoptionCurve.map((c: any) => c.technique.id)).toEqual(['transformer', 'rlhf']);
    for (const curve of data.adoptionCurve) {
      const years = curve.points.map((p: any) => Number(p.period));
      expect(years).toEqual(years.map((_: number, i: number) => years[0] + i));
      let running = 0;
      for (const p of curve.points) {
        running += p.count;
        expect(p.cumulative).toBe(running);
      }
    }
    const transformer = data.adoptionCurve[0];
    expect(transformer.points.at(-1).cumulative).toBeGreaterThan(0);
    const quarters = await ok('{ adoptionCurve(techniqueIds: ["transformer"], bucket: QUARTER) { undated points { period } } }');
    expect(quarters.adoptionCurve[0].points[0].period).toMatch(/^\d{4}-Q[1-4]$/);
    expect(quarters.adoptionCurve[0].undated).toBeGreaterThanOrEqual(transformer.undated);
  });

  it('splits releases by organization, country and open weights', async () => {
    const data = await ok(`{
      byCountry: releasesPerPeriod(by: COUNTRY) { key total points { period count } }
      byWeights: releasesPerPeriod(by: OPEN_WEIGHTS, first: 3) { key total }
      byOrg: releasesPerPeriod(by: ORGANIZATION, first: 2) { key label total }
      timeline(types: [MODEL], first: 100) { date }
    }`);
    const keys = data.byCountry.map((s: any) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['US', 'CN']));
    for (const s of data.byCountry) expect(s.points.reduce((sum: number, p: any) => sum + p.count, 0)).toBe(s.total);
    // Every dated model is either open, closed or unknown: the split adds up to the dated models.
    expect(data.byWeights.reduce((sum: number, s: any) => sum + s.total, 0)).toBe(data.timeline.length);
    expect(data.byOrg).toHaveLength(2);
    expect(data.byOrg[0].total).toBeGreaterThanOrEqual(data.byOrg[1].total);
  });

  it('links organizations by derived models and sums the flows between countries', async () => {
    const data = await ok(
      '{ organizationNetwork { links { from { id country } to { id country } weight } countryFlows { from to weight } } }',
    );
    const { links, countryFlows } = data.organizationNetwork;
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.from.id).not.toBe(link.to.id);
    const sum = links.filter((l: any) => l.from.country && l.to.country).reduce((s: number, l: any) => s + l.weight, 0);
    expect(countryFlows.reduce((s: number, f: any) => s + f.weight, 0)).toBe(sum);
  });

  it('refuses too many series', async () => {
    const result = await graphql(service.url, '{ releasesPerPeriod(by: COUNTRY, first: 21) { key } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('as-of questions', () => {
  const DAY = '2022-12-31';
  /** The as-of graph by the rules of docs/research.md (its structure: no benchmarks), written out here independently of the service's Cypher. */
  async function graphOf(day: string) {
    const scope = db.scope();
    const [nodes] = await scope.read(
      `MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $labels)
       WITH n, CASE WHEN n:Model OR n:Product OR n:Series THEN coalesce(n.releaseDate <= $day, false)
                    WHEN n:Technique THEN EXISTS { (n)<-[:USES]-(u) WHERE u.releaseDate <= $day }
                                       OR NOT EXISTS { (n)<-[:USES]-(u) WHERE u.releaseDate IS NOT NULL }
                    ELSE true END AS alive
       WHERE alive RETURN collect({id: n.id, type: toUpper([l IN labels(n) WHERE l <> 'Entity'][0]), name: n.name}) AS nodes`,
      { day, labels: STRUCTURAL_KINDS.map((type) => KINDS[type].label) },
    );
    // The structure only: statement relationships (benchmark results) and the kinds only they reach are no part of it.
    const alive = (nodes!.nodes as Array<{ id: string; type: string; name: string }>).filter((n) =>
      (STRUCTURAL_KINDS as string[]).includes(n.type),
    );
    const ids = new Set(alive.map((n) => n.id));
    const edges = (
      await scope.read('MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS from, b.id AS to, type(r) AS type, r.kind AS kind')
    ).filter((e) => ids.has(e.from as string) && ids.has(e.to as string) && (STRUCTURAL_RELATIONS as string[]).includes(e.type as string));
    return { nodes: alive, edges: edges as any[], ids };
  }

  it('answers mostInfluential(asOf) from the graph of that date, not from today’s measures', async () => {
    const data = await ok(`{
      then: mostInfluential(types: [MODEL], asOf: "${DAY}", first: 10) { entity { id ... on Model { releaseDate } } score }
      now: mostInfluential(types: [MODEL], first: 10) { entity { id ... on Model { releaseDate } } score }
    }`);
    for (const row of data.then) expect(row.entity.releaseDate <= DAY).toBe(true);
    // Today's ranking holds models released later (or undated): the date changed the answer.
    expect(data.now.some((r: any) => !(r.entity.releaseDate <= DAY))).toBe(true);
    const graph = await graphOf(DAY);
    const { computeMeasures } = await import('../src/analytics/measures.js');
    const { GRAPH_MEASURE_OPTIONS } = await import('../src/analytics/measure-options.js');
    const expected = computeMeasures(graph.nodes, graph.edges, GRAPH_MEASURE_OPTIONS);
    const models = graph.nodes
      .filter((n) => n.type === 'MODEL')
      .map((n) => ({ id: n.id, score: expected.nodes.get(n.id)!.pageRank }))
      .sort((a, b) => b.score - a.score);
    expect(data.then.map((r: any) => r.entity.id)).toEqual(models.slice(0, 10).map((m) => m.id));
    for (const [i, r] of data.then.entries()) expect(r.score).toBeCloseTo(models[i]!.score, 12);
    const communities = await ok(`{ communities(asOf: "${DAY}", first: 100) { size } }`);
    expect(communities.communities.reduce((sum: number, c: any) => sum + c.size, 0)).toBe(graph.nodes.length);
  });

  it('refuses, before reading it, a graph as of a date larger than the measures are computed for on request', async () => {
    const { ResearchRepository } = await import('../src/repositories/research.repository.js');
    const { nodes } = await graphOf(DAY);
    const research = new ResearchRepository(db.scope());
    await expect(research.graphAsOf(DAY, nodes.length - 1)).rejects.toMatchObject({
      name: 'InvalidInputError',
      argument: 'asOf',
      message: expect.stringContaining(`The graph as of ${DAY} has more than ${(nodes.length - 1).toLocaleString('en')} entities`),
    });
    expect((await research.graphAsOf(DAY, nodes.length)).nodes).toHaveLength(nodes.length);
  });

  it('draws a neighbourhood, a path and a lineage with only what existed then', async () => {
    const data = await ok(`{
      before: neighborhood(ids: ["gpt-4"], asOf: "2022") { nodes { id } }
      after: neighborhood(ids: ["gpt-4"], depth: 2, asOf: "2023-06") { nodes { id type date } edges { source target } }
      noPath: path(fromId: "bert", toId: "gpt-4", asOf: "2022") { nodes { id } }
      path: path(fromId: "bert", toId: "gpt-4", asOf: "2023-06") { nodes { id date } }
      lineage: lineage(modelId: "gpt-4", direction: BOTH, asOf: "2023-06") { model { id releaseDate } }
      lineageNow: lineage(modelId: "gpt-4", direction: BOTH) { model { id releaseDate } }
    }`);
    expect(data.before.nodes).toEqual([]);
    expect(data.noPath).toBeNull();
    const { ids } = await graphOf('2023-06-31');
    for (const node of [...data.after.nodes, ...data.path.nodes]) expect(ids.has(node.id)).toBe(true);
    for (const node of data.after.nodes) if (node.date !== null) expect(node.date <= '2023-06-31').toBe(true);
    const shown = new Set(data.after.nodes.map((n: any) => n.id));
    for (const edge of data.after.edges) expect(shown.has(edge.source) && shown.has(edge.target)).toBe(true);
    expect(data.lineage.every((s: any) => s.model.releaseDate <= '2023-06-31')).toBe(true);
    // GPT-4 Turbo (November 2023) descends from GPT-4 today, not in June 2023.
    expect(data.lineageNow.map((s: any) => s.model.id)).toContain('gpt-4-turbo');
    expect(data.lineage.map((s: any) => s.model.id)).not.toContain('gpt-4-turbo');
  });

  it('counts releases and adoptions up to the date', async () => {
    const data = await ok(`{
      releases: releasesPerPeriod(by: OPEN_WEIGHTS, asOf: "2020") { total points { period } }
      curve: adoptionCurve(techniqueIds: ["transformer"], asOf: "2020") { points { period cumulative } }
      timeline(types: [MODEL], first: 100) { date }
    }`);
    const dated = data.timeline.filter((t: any) => t.date <= '2020-12-31').length;
    expect(data.releases.reduce((sum: number, s: any) => sum + s.total, 0)).toBe(dated);
    for (const s of data.releases) expect(s.points.at(-1).period <= '2020').toBe(true);
    expect(data.curve[0].points.at(-1).period <= '2020').toBe(true);
  });

  it('refuses a date that is not an ISO date, naming the argument', async () => {
    const result = await graphql(service.url, '{ mostInfluential(asOf: "last year") { score } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'asOf must be an ISO date such as 2022, 2022-12 or 2022-12-31, got "last year".',
      extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' },
    });
  });
});

describe('recomputation', () => {
  it('recomputes in the background after a curated write, serving the previous run meanwhile', async () => {
    const live = await startTestService({ API_TOKENS, MEASURES_ENABLED: 'true', MEASURES_QUIET_MS: '200' });
    try {
      const read = () => graphql<any>(live.url, '{ measures { version } influence(ids: ["gpt-4"]) { version } }');
      // The service measures the seeded graph by itself: its data version differs from the test's label.
      await until(async () => (await read()).data?.measures?.version !== 'research-test');
      const before = (await read()).data;
      expect(before.influence[0].version).toBe(before.measures.version);
      // A client tells current measures from stale ones by comparing graphVersion with x-graph-version.
      const current = async () => {
        const response = await fetch(`${live.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ measures { graphVersion } }' }),
        });
        const body = (await response.json()) as { data: { measures: { graphVersion: string } } };
        return body.data.measures.graphVersion === response.headers.get('x-graph-version');
      };
      await until(current);

      const citation = { url: 'https://example.org/research-test', quote: 'A test model fine-tuned from GPT-4.' };
      const editor = (query: string, input: object) => graphql(live.url, query, { input }, bearer(EDITOR_TOKEN));
      const created = await editor('mutation($input: ModelInput!) { upsertModel(input: $input) { id } }', {
        id: `${PREFIX}model`,
        name: 'Research Test Model',
        citation,
      });
      expect(created.errors).toBeUndefined();
      expect(await current()).toBe(false);
      const linked = await editor('mutation($input: LinkInput!) { linkEntities(input: $input) { id } }', {
        fromId: `${PREFIX}model`,
        toId: 'gpt-4',
        type: 'DERIVED_FROM',
        kind: 'FINE_TUNE',
        citation,
      });
      expect(linked.errors).toBeUndefined();
      // Until the new run commits, reads still answer with the previous run's measures.
      const during = (await read()).data;
      expect([before.measures.version, during.measures.version]).toContain(during.influence[0].version);
      await until(async () => {
        const now = await graphql<any>(live.url, `{ measures { version } influence(ids: ["${PREFIX}model"]) { lineageDepth version } }`);
        // The create and the link are two writes; on a slow machine a run may land between them, so wait
        // for the run that sees the link (the new model then has a lineage depth).
        const model = now.data?.influence?.[0];
        return (
          model?.version === now.data?.measures?.version &&
          now.data?.measures?.version !== before.measures.version &&
          model?.lineageDepth != null
        );
      });
      await until(current);
      const after = await graphql<any>(live.url, `{ influence(ids: ["${PREFIX}model", "gpt-4"]) { id lineageDepth } }`);
      const [model, gpt4] = after.data.influence;
      expect(model.lineageDepth).toBe(gpt4.lineageDepth + 1);
    } finally {
      await live.stop();
    }
  }, 120_000);
});

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
