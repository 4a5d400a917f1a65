import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EntityType } from '../../src/domain/registry.js';
import { existingFromSeed } from '../../src/import/existing.js';
import { readEpochBenchmarks } from '../../src/import/formats/epoch-benchmarks.js';
import { readLlmStats } from '../../src/import/formats/llm-stats.js';
import { planImport } from '../../src/import/plan.js';
import { emptyRecord, type ParseResult } from '../../src/import/records.js';
import { Decisions } from '../../src/resolve/decisions.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SEED = existingFromSeed(root('seed'));
const DECISIONS = Decisions.read(root('seed/resolution.json'));

// The vendored snapshots of Epoch's Benchmarking Hub and LLM Stats through their readers and the planner
// (against the seed, no database): what each row becomes, and what the results pass places.
describe("Epoch AI's Benchmarking Hub", () => {
  const parsed = readEpochBenchmarks(root('catalogues/epoch-benchmarks'));
  const named = (name: string) => parsed.records.find((r) => r.name === name && !r.reference)!;

  it('reads every row of its files: versions, runs and 37 files of published results', () => {
    expect(parsed.rowsRead).toBe(574 + 541 + 2558);
    expect(parsed.warnings).toEqual([]);
    // Rows naming no model, or no score, are reported with their row; none is dropped silently.
    expect(parsed.skipped.length).toBeLessThan(100);
    expect(parsed.skipped).toContainEqual({
      rowKey: 'external_benchmark_anli.csv row 1',
      kind: 'missing-field',
      reason: 'no score in Score.',
    });
    const results = parsed.records.flatMap((r) => r.results ?? []);
    expect(results.length).toBeGreaterThan(3000);
    expect(results.filter((r) => r.sourceUrl).length).toBe(results.length - 2);
  });

  it('files the versions of one model under the model its Model column names, with its stamped ids as identifiers', () => {
    const gpt4o = named('GPT-4o');
    expect(gpt4o).toMatchObject({ keyIn: { format: 'epoch-csv', name: 'GPT-4o' }, attributes: { releaseDate: '2024-05-13' } });
    expect(gpt4o.identifiers).toEqual(['gpt-4o-2024-05-13', 'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20']);
    // A variant the Hub files under its base model is no identifier of it: its results are placed by its own name.
    expect(named('Qwen-14B').identifiers).toEqual(['Qwen/Qwen-14B']);
    const claude = named('Claude 3.7 Sonnet');
    expect(claude.identifiers).toEqual(['claude-3-7-sonnet-20250219']);
    expect(claude.results!.some((r) => r.setting?.['model version'] === 'claude-3-7-sonnet-20250219_64K')).toBe(true);
  });

  it("reads Epoch's runs as independently measured, with their logs and standard errors", () => {
    const run = parsed.records.flatMap((r) => r.results ?? []).find((r) => r.rowKey === 'benchmarks_runs.csv row 2')!;
    expect(run).toMatchObject({
      benchmark: 'FrontierMath',
      score: '0.097',
      setting: { 'model version': 'o3-2025-04-16_low', version: '2025-02-28 Private', scorer: 'verification_code (task 1.1.0)' },
      date: '2025-11-16',
      selfReported: false,
      publisher: 'Epoch AI',
      stderr: '0.02',
      logUrl: expect.stringMatching(/^https:\/\/epoch-benchmarks-production-private\./),
    });
  });

  it('says who published each result and whether it is the developer’s own', () => {
    const piqa = named('Llama 2-7B').results!.filter((r) => r.benchmark === 'external_benchmark_piqa.csv');
    const by = (publisher: string) => piqa.find((r) => r.publisher === publisher);
    expect(by('Meta AI')).toMatchObject({ selfReported: true, score: '78.8%', sourceUrl: 'http://arxiv.org/abs/2307.09288' });
    expect(by('Google DeepMind')).toMatchObject({ selfReported: false, setting: expect.objectContaining({ shots: '0' }) });
    expect(by('Alibaba (Qwen team)')?.selfReported).toBe(false);
  });

  it('keeps a result naming its model only by a name cell as a reference record', () => {
    const palmyra = parsed.records.find((r) => r.name === 'Palmyra X (43B)')!;
    expect(palmyra).toMatchObject({ reference: true, aliases: ['Palmyra X'] });
    expect(palmyra.results!.length).toBeGreaterThan(0);
  });

  it('places results through the resolution stage and reports those it cannot', () => {
    const plan = planImport(parsed, SEED, DECISIONS);
    expect(plan.results.length).toBeGreaterThan(2000);
    // The Hub's Qwen-14B-Chat version is filed under Qwen-14B; its results go to the seed's qwen-14b-chat.
    const chat = plan.results.filter((r) => r.props.modelVersion === 'Qwen-14B-Chat');
    expect(chat.length).toBeGreaterThan(0);
    expect(new Set(chat.map((r) => r.from))).toEqual(new Set(['qwen-14b-chat']));
    expect(plan.results.filter((r) => r.from === 'gpt-4o' && r.to === 'mmlu').length).toBeGreaterThanOrEqual(3);
    expect(plan.unresolved).toContainEqual(expect.objectContaining({ name: 'Palmyra X (43B)', relation: 'MODEL' }));
    expect(plan.resultsNotPlaced).toContainEqual(
      expect.objectContaining({
        rowKey: 'external_benchmark_gsm8k.csv row 1',
        reason: expect.stringContaining('"Palmyra X (43B)" was not placed'),
      }),
    );
    // Each result is cited by its own row, keyed by catalogue, row and column.
    const keys = plan.results.map((r) => `${r.from}|${r.to}|${r.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('LLM Stats', () => {
  const parsed = readLlmStats(root('catalogues/llm-stats'));
  const named = (name: string) => parsed.records.find((r) => r.name === name)!;

  it('reads 126 cards into 124 models: versions of one canonical model are one', () => {
    expect(parsed.rowsRead).toBe(126);
    expect(parsed.records).toHaveLength(124);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records.flatMap((r) => r.results ?? [])).toHaveLength(1728);
    const gpt4o = named('GPT-4o');
    expect(gpt4o).toMatchObject({
      rowKey: 'models/openai/gpt-4o-2024-05-13/model.json',
      organizations: ['OpenAI'],
      identifiers: ['gpt-4o-2024-05-13', 'gpt-4o-2024-08-06'],
      attributes: { releaseDate: '2024-05-13', contextWindow: 128000, openWeights: false },
      license: 'Proprietary',
    });
    expect(gpt4o.texts.description).toMatch(/^GPT-4o/);
  });

  it('reads sizes, cut-offs, licences, weights and the base a model is fine-tuned from', () => {
    const r1 = named('DeepSeek-R1');
    expect(r1).toMatchObject({ attributes: { parameters: 671e9, openWeights: true, releaseDate: '2025-01-20' } });
    expect(r1.dependencies).toEqual([expect.objectContaining({ name: 'DeepSeek-V3', type: 'DERIVED_FROM', lineage: 'FINE_TUNE' })]);
    // DeepSeek R1 Zero's card links R1's weights: an id two cards give identifies neither.
    expect(named('DeepSeek R1 Zero').identifiers).toEqual(['deepseek-r1-zero']);
    expect(r1.identifiers).toEqual(['deepseek-r1']);
    expect(named('Gemma 3 27B').identifiers).toEqual(['gemma-3-27b-it', 'google/gemma-3-27b-it']);
    expect(named('Claude 3.7 Sonnet').attributes.knowledgeCutoff).toBe('2024-10');
  });

  it('keeps each result as stated, with whether it is self-reported and its source', () => {
    const mmlu = named('GPT-4o').results!.find((r) => r.benchmark === 'MMLU')!;
    expect(mmlu).toMatchObject({
      score: 0.887,
      selfReported: true,
      publisher: 'OpenAI',
      sourceUrl: 'https://openai.com/blog/gpt-4o',
      setting: { 'model version': 'gpt-4o-2024-05-13', method: 'Accuracy' },
    });
  });

  it('plans its benchmarks: the curated ones found by name, the others created under the catalogue’s name', () => {
    const plan = planImport(parsed, SEED, DECISIONS);
    expect(plan.results).toHaveLength(1728);
    expect(plan.resultsNotPlaced).toEqual([]);
    const created = plan.toCreate.filter((e) => e.kind === EntityType.BENCHMARK).map((e) => e.name);
    expect(created).toContain('Graphwalks BFS under 128k');
    expect(created).not.toContain('MMLU');
    const gpqa = plan.results.find((r) => r.from === 'gpt-4o' && r.to === 'gpqa')!;
    expect(gpqa.props).toMatchObject({ value: 0.536, selfReported: true, measuredBy: 'OpenAI' });
  });
});

describe('a models.dev-shaped record', () => {
  // What the models.dev reader puts on a record (src/import/records.ts ResultRecord): results with a source
  // link and a metric, without saying who measured them.
  const record = {
    ...emptyRecord('models/anthropic/claude-opus-4-20250514.toml', EntityType.MODEL, 'Claude Opus 4'),
    organizations: ['Anthropic'],
    attributes: { releaseDate: '2025-05-22' },
    results: [
      {
        benchmark: 'SWE-Bench Verified',
        score: 72.5,
        metric: 'resolved',
        sourceUrl: 'https://www.anthropic.com/news/claude-4',
        field: 'benchmarks[0]',
      },
      {
        benchmark: 'Aider Polyglot',
        score: 72,
        metric: 'percent correct',
        sourceUrl: 'https://aider.chat/docs/leaderboards/',
        date: '2025-06',
      },
    ],
  };
  const parsed: ParseResult = { format: 'models-dev', rowsRead: 1, records: [record], skipped: [], warnings: [] };

  it('flows into results: normalised, self-reported inferred from the source, noted as inferred', () => {
    const plan = planImport(parsed, SEED, DECISIONS);
    const [swe, aider] = plan.results;
    expect(swe).toMatchObject({
      to: 'swe-bench-verified',
      quote: '72.5',
      props: { value: 0.725, selfReported: true, url: 'https://www.anthropic.com/news/claude-4' },
    });
    expect(swe!.basis).toBe("self-reported inferred: the source (www.anthropic.com) is Anthropic's site");
    expect(aider).toMatchObject({ to: 'aider-polyglot', field: 'result 2', props: { value: 0.72, selfReported: false, date: '2025-06' } });
  });

  it('keys a result by its row, field and score: the same snapshot again is the same result, a corrected score in a newer one another', () => {
    const [swe] = planImport(parsed, SEED, DECISIONS).results;
    expect(planImport(parsed, SEED, DECISIONS).results[0]!.key).toBe(swe!.key);
    const corrected = { ...record, results: [{ ...record.results[0]!, score: 74.5 }] };
    const [newer] = planImport({ ...parsed, records: [corrected] }, SEED, DECISIONS).results;
    expect(newer).toMatchObject({ rowKey: swe!.rowKey, field: swe!.field, quote: '74.5' });
    expect(newer!.key).not.toBe(swe!.key);
  });
});
