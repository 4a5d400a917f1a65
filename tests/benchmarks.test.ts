import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { loadDefaultCatalogue } from '../src/import/default-catalogues.js';
import { fingerprintDiff, graphFingerprint } from './helpers/fingerprint.js';
import { importService } from './helpers/import-service.js';
import { graphql } from './helpers/service.js';

// LLM Stats and Epoch's Benchmarking Hub loaded over the documents' graph as the default graph loads them,
// then the API over their results: a model's results ranked, a benchmark's leaderboard with its filters
// and pages, results side by side, disagreements, citations. The file restores the documents' graph.

const running = importService();

interface Result {
  key: string;
  score: string;
  value: number;
  rank: number;
  selfReported: boolean;
  measuredBy: string | null;
  date: string | null;
  benchmark: { id: string };
  citations: Array<{ quote: string | null; locator: { row: string; column: string } | null; source: { title: string } }>;
}
interface Entry {
  position: number;
  model: { id: string; openWeights: boolean | null; releaseDate: string | null; developers: Array<{ id: string }> };
  result: Result;
}
interface Board {
  totalCount: number;
  higherIsBetter: boolean;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: Array<{ node: Entry }>;
}
const BOARD = `query Board($benchmark: ID!, $where: LeaderboardFilter, $first: Int, $after: String) {
  leaderboard(benchmark: $benchmark, where: $where, first: $first, after: $after) {
    totalCount higherIsBetter pageInfo { hasNextPage endCursor }
    edges { node { position model { id openWeights releaseDate developers { id } } result { key score value rank selfReported measuredBy } } }
  }
}`;
const board = async (variables: Record<string, unknown>) => {
  const answer = await graphql<{ leaderboard: Board }>(running.service.url, BOARD, variables);
  expect(answer.errors).toBeUndefined();
  return answer.data!.leaderboard;
};
const entries = (b: Board) => b.edges.map((e) => e.node);

describe('benchmark results', { timeout: 600_000 }, () => {
  it('load once: a second load of both catalogues changes nothing', async () => {
    const first = [await loadDefaultCatalogue(running.db, 'llm-stats'), await loadDefaultCatalogue(running.db, 'epoch-benchmarks')];
    expect(first[0]!.plan.results).toHaveLength(1728);
    expect(first[1]!.plan.results.length).toBeGreaterThan(2000);
    const loaded = await graphFingerprint(running.db);
    await loadDefaultCatalogue(running.db, 'llm-stats');
    await loadDefaultCatalogue(running.db, 'epoch-benchmarks');
    expect(fingerprintDiff(await graphFingerprint(running.db), loaded)).toEqual({});
    const [counts] = await running.db
      .scope()
      .read('MATCH ()-[r:SCORED_ON]->() RETURN count(r) AS results, count(r.url) AS withUrl, count(r.selfReported) AS said');
    expect(counts!.results).toBeGreaterThan(3700);
    expect(counts!.said).toBe(counts!.results);
  });

  it("keeps GPT-4o's MMLU results from every publisher, ranked independent first, then newer", async () => {
    const answer = await graphql<{ model: { benchmarks: Result[] } }>(
      running.service.url,
      `{ model(id: "gpt-4o") { benchmarks { key score value rank selfReported measuredBy date benchmark { id }
           citations { quote locator { row column } source { title } } } } }`,
    );
    const mmlu = answer.data!.model.benchmarks.filter((r) => r.benchmark.id === 'mmlu');
    expect(new Set(mmlu.map((r) => r.measuredBy))).toEqual(new Set(['Stanford CRFM', 'Microsoft', 'OpenAI']));
    expect(mmlu.map((r) => r.rank)).toEqual(mmlu.map((_, i) => i + 1));
    const firstSelfReported = mmlu.findIndex((r) => r.selfReported);
    expect(mmlu.slice(firstSelfReported).every((r) => r.selfReported)).toBe(true);
    const openai = mmlu.filter((r) => r.measuredBy === 'OpenAI');
    expect(openai.map((r) => r.date)).toEqual([...openai.map((r) => r.date)].sort().reverse());
    // Each result cites its catalogue row and the field its score stands in, the score as the quote.
    const stated = mmlu.find((r) => r.measuredBy === 'OpenAI')!;
    expect(stated.citations).toEqual([
      {
        quote: stated.score,
        locator: {
          row: expect.stringMatching(/^models\/openai\/gpt-4o-2024-0\d-\d\d\/model\.json$/),
          column: expect.stringMatching(/^qualitative_metrics\[\d+\]$/),
        },
        source: { title: 'LLM Stats, model cards and benchmark results' },
      },
    ]);
  });

  it("ranks a benchmark's leaderboard best first, one entry per model, a page at a time", async () => {
    const whole = await board({ benchmark: 'gpqa-diamond', first: 100 });
    expect(whole.higherIsBetter).toBe(true);
    const values = entries(whole).map((e) => e.result.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(entries(whole).map((e) => e.position)).toEqual(values.map((_, i) => i + 1));
    expect(new Set(entries(whole).map((e) => e.model.id)).size).toBe(values.length);
    // Each model enters with its best-ranked result.
    expect(entries(whole).every((e) => e.result.rank === 1)).toBe(true);
    const first = await board({ benchmark: 'gpqa-diamond', first: 10 });
    const next = await board({ benchmark: 'gpqa-diamond', first: 10, after: first.pageInfo.endCursor });
    expect([...entries(first), ...entries(next)].map((e) => e.model.id)).toEqual(
      entries(whole)
        .slice(0, 20)
        .map((e) => e.model.id),
    );
    expect(entries(next)[0]!.position).toBe(11);
    expect(next.totalCount).toBe(whole.totalCount);
  });

  it('filters a leaderboard by who measured, open weights, developer and release date', async () => {
    const independent = await board({ benchmark: 'mmlu', first: 100, where: { selfReported: false } });
    expect(entries(independent).length).toBeGreaterThan(10);
    expect(entries(independent).every((e) => !e.result.selfReported)).toBe(true);
    const open = await board({ benchmark: 'mmlu', first: 100, where: { openWeights: true } });
    expect(entries(open).every((e) => e.model.openWeights === true)).toBe(true);
    const openai = await board({ benchmark: 'mmlu', first: 100, where: { developer: 'OpenAI' } });
    expect(entries(openai).length).toBeGreaterThan(2);
    expect(entries(openai).every((e) => e.model.developers.some((d) => d.id === 'openai'))).toBe(true);
    const early = await board({ benchmark: 'mmlu', first: 100, where: { releasedBefore: '2023' } });
    expect(entries(early).every((e) => e.model.releaseDate !== null && e.model.releaseDate.slice(0, 4) <= '2023')).toBe(true);
    const all = await board({ benchmark: 'mmlu', first: 1 });
    expect(early.totalCount).toBeLessThan(all.totalCount);
  });

  it('refuses an unknown benchmark or a bad date in one sentence', async () => {
    const unknown = await graphql(running.service.url, BOARD, { benchmark: 'no-such-benchmark' });
    expect(unknown.errors![0]!.message).toBe('benchmark "no-such-benchmark" names no benchmark: give an id the benchmarks query lists.');
    const date = await graphql(running.service.url, BOARD, { benchmark: 'mmlu', where: { releasedBefore: 'June' } });
    expect(date.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'where.releasedBefore' } });
  });

  it('sets models side by side on the benchmarks any of them has results on', async () => {
    const answer = await graphql<{
      compareModels: { models: Array<{ id: string }>; benchmarkRows: Array<{ benchmark: { id: string }; results: Array<Result | null> }> };
    }>(
      running.service.url,
      `{ compareModels(ids: ["gpt-4o", "gpt-4"]) { models { id } benchmarkRows { benchmark { id } results { score rank selfReported } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.compareModels.models.map((m) => m.id)).toEqual(['gpt-4o', 'gpt-4']);
    const rows = answer.data!.compareModels.benchmarkRows;
    const mmlu = rows.find((r) => r.benchmark.id === 'mmlu')!;
    expect(mmlu.results).toHaveLength(2);
    expect(mmlu.results[0]).toMatchObject({ rank: 1 });
    expect(rows.some((r) => r.results.includes(null))).toBe(true);
  });

  it('answers an MCP client’s leaderboard and model_results calls from the same results, cited', async () => {
    const client = new Client({ name: 'benchmarks-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${running.service.url}/mcp`)));
    try {
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
        return { result, text: result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n') };
      };
      const top = await call('leaderboard', { benchmarkId: 'gpqa-diamond', first: 3, selfReported: false });
      expect(top.result.isError).toBeFalsy();
      const api = await board({ benchmark: 'gpqa-diamond', first: 3, where: { selfReported: false } });
      // The tool's lines are the API's entries, in its order, each with its score and a citation mark.
      const lines = top.text.split('\n').filter((line) => /^\d+\. /.test(line));
      expect(lines).toHaveLength(3);
      entries(api).forEach((entry, i) => {
        expect(lines[i]).toContain(`${entry.position}. `);
        expect(lines[i]).toContain(`(${entry.model.id}`);
        expect(lines[i]).toContain(`: ${entry.result.score} (`);
        expect(lines[i]).toMatch(/independent.*\) \[\d+\]/);
      });
      expect(top.text).toMatch(/^Sources:$/m);
      expect(top.text).toContain('More: call again with after');

      const gpt4o = await call('model_results', { modelId: 'gpt-4o' });
      expect(gpt4o.text).toMatch(/^GPT-4o \(gpt-4o\): results on \d+ benchmarks/);
      expect(gpt4o.text).toMatch(/^- MMLU \(mmlu\): .*independent, by (Stanford CRFM|Microsoft).* \[\d+\]/m);
      const unknown = await call('model_results', { modelId: 'no-such-model' });
      expect(unknown.result.isError).toBe(true);
      expect(unknown.text).toBe('No model has the id "no-such-model"; the search tool finds ids by name.');
    } finally {
      await client.close();
    }
  });

  it('shows results that disagree beyond their setting’s noise in conflicts', async () => {
    const answer = await graphql<{
      conflicts: Array<{ entityId: string; attribute: string; values: Array<{ value: string; preferred: boolean; resultKeys: string[] }> }>;
    }>(running.service.url, '{ conflicts(first: 100) { entityId attribute values { value preferred resultKeys } } }');
    const results = answer.data!.conflicts.filter((c) => c.attribute.startsWith('score on '));
    expect(results.length).toBeGreaterThan(5);
    for (const conflict of results) {
      expect(conflict.values.filter((v) => v.preferred)).toHaveLength(1);
      expect(conflict.values.every((v) => v.resultKeys.length > 0)).toBe(true);
    }
  });
});
