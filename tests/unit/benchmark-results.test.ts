import { describe, expect, it } from 'vitest';
import { BenchmarkScale } from '../../src/domain/registry.js';
import { disagree, noiseOf } from '../../src/domain/result-noise.js';
import { benchmarkKey, nameReadings, spelledName } from '../../src/import/results/benchmark-names.js';
import { BenchmarkTable, curatedScales } from '../../src/import/results/benchmark-table.js';
import { normaliseScore, normaliseStderr } from '../../src/import/results/normalise.js';
import { inferSelfReported } from '../../src/import/results/self-reported.js';
import { settingProps } from '../../src/import/results/setting.js';
import { nameKey } from '../../src/resolve/names.js';
import { type Dated, frontier } from '../../web/src/benchmarks/frontier.js';

const TABLE = new BenchmarkTable([
  { id: 'mmlu', name: 'MMLU', aliases: ['Massive Multitask Language Understanding'] },
  { id: 'humaneval', name: 'HumanEval', aliases: [] },
  { id: 'humaneval-plus', name: 'HumanEval+', aliases: [] },
  { id: 'terminal-bench', name: 'Terminal-Bench', aliases: ['Terminal Bench'] },
  { id: 'aime-2024', name: 'AIME 2024', aliases: [] },
  { id: 'arc-challenge', name: 'ARC-Challenge', aliases: ['ARC (Challenge)', 'ARC-C'] },
]);

describe('benchmark names', () => {
  it('finds one benchmark whether a file says MMLU, mmlu.csv or "MMLU (5-shot)"', () => {
    for (const name of ['MMLU', 'mmlu', 'external_benchmark_mmlu.csv', 'MMLU (5-shot)', 'massive multitask language understanding'])
      expect(TABLE.find(name)?.id, name).toBe('mmlu');
    expect(TABLE.find('MMLU (5-shot)')?.setting).toEqual({ shots: 5 });
    expect(TABLE.find('MMLU (CoT)')?.setting).toEqual({ scorer: 'CoT' });
    expect(TABLE.find('MMLU (val)')?.setting).toEqual({ version: 'val' });
  });

  it('keeps apart what a symbol tells apart, and reads a trailing version but not a year', () => {
    expect(TABLE.find('HumanEval+')?.id).toBe('humaneval-plus');
    expect(TABLE.find('humaneval')?.id).toBe('humaneval');
    expect(benchmarkKey('Graphwalks BFS <128k')).not.toBe(benchmarkKey('Graphwalks BFS >128k'));
    expect(TABLE.find('Terminal Bench 2.1')).toEqual({ id: 'terminal-bench', setting: { version: '2.1' } });
    expect(TABLE.find('AIME 2024')?.id).toBe('aime-2024');
    expect(nameReadings('AIME 2025').map((r) => r.base)).toEqual(['AIME 2025']);
    expect(TABLE.find('ARC (Challenge)')?.id).toBe('arc-challenge');
    expect(TABLE.find('SWE-Lancer')).toBeUndefined();
  });

  it('spells out the symbols name keys drop, so a created benchmark is no namesake of another', () => {
    expect(spelledName('Graphwalks BFS >128k')).toBe('Graphwalks BFS over 128k');
    expect(nameKey(spelledName('Graphwalks BFS >128k'))).not.toBe(nameKey(spelledName('Graphwalks BFS <128k')));
    expect(spelledName('external_benchmark_aider_polyglot.csv')).toBe('aider polyglot');
  });

  it('reads the scale of every curated benchmark from seed/benchmarks.json', () => {
    const scales = curatedScales();
    expect(scales.get('mmlu')).toBe(BenchmarkScale.FRACTION);
    expect(scales.get('metr-time-horizon')).toBe(BenchmarkScale.POINTS);
    expect(scales.size).toBeGreaterThan(100);
  });
});

describe('scores', () => {
  it('normalises a percentage to a fraction and keeps other quantities as stated', () => {
    expect(normaliseScore('77.0%', BenchmarkScale.FRACTION, [])).toEqual({ value: 0.77, factor: 0.01 });
    expect(normaliseScore(88, BenchmarkScale.FRACTION, [])).toEqual({ value: 0.88, factor: 0.01 });
    expect(normaliseScore('0.850', BenchmarkScale.FRACTION, [])).toEqual({ value: 0.85, factor: 1 });
    // A column named as a percentage: a bare 0.5 is half a percent.
    expect(normaliseScore(0.5, BenchmarkScale.FRACTION, ['Percent correct'])).toEqual({ value: 0.005, factor: 0.01 });
    expect(normaliseScore('1312', BenchmarkScale.POINTS, ['ELO'])).toEqual({ value: 1312, factor: 1 });
    expect(normaliseScore('84.2%', null, [])).toEqual({ value: 0.842, factor: 0.01 });
    expect(normaliseScore(8.99, null, [])).toEqual({ value: 8.99, factor: 1 });
  });

  it('refuses what is no number or no share of items', () => {
    expect(normaliseScore('n/a', BenchmarkScale.FRACTION, [])).toEqual({ problem: 'score "n/a" is not a number' });
    expect('problem' in normaliseScore('150%', BenchmarkScale.FRACTION, [])).toBe(true);
  });

  it('normalises a standard error with its score, or by its own % sign', () => {
    expect(normaliseStderr('0.02', 1)).toBe(0.02);
    expect(normaliseStderr('2.2%', 1)).toBe(0.022);
    expect(normaliseStderr(0.6, 0.01)).toBe(0.006);
    expect(normaliseStderr(undefined, 1)).toBeUndefined();
  });
});

describe('settings', () => {
  it('files what a catalogue states by what it is', () => {
    expect(settingProps({ shots: '25-shot', 'model version': 'Yi-6B', agent: 'OpenHands', version: 'LiveBench-2024-11-25' }, {})).toEqual({
      shots: 25,
      benchmarkVersion: 'LiveBench-2024-11-25',
      scorer: 'OpenHands',
      modelVersion: 'Yi-6B',
    });
    // LLM Stats writes the shots into its method.
    expect(settingProps({ method: '0-shot CoT' }, {})).toMatchObject({ shots: 0, scorer: '0-shot CoT' });
    expect(settingProps({ judge: 'GPT-4' }, { shots: 5 })).toMatchObject({ shots: 5, scorer: 'judge: GPT-4' });
  });
});

describe('self-reported, where the catalogue does not say', () => {
  it('is the developer’s own site', () => {
    expect(inferSelfReported('https://www.anthropic.com/news/claude-4', ['Anthropic'])).toMatchObject({ selfReported: true });
    expect(inferSelfReported('https://mistral.ai/news/mistral-large', ['Mistral AI'])).toMatchObject({ selfReported: true });
    expect(inferSelfReported('https://deepmind.google/models/gemini', ['Google DeepMind'])).toMatchObject({ selfReported: true });
    const other = inferSelfReported('https://aider.chat/docs/leaderboards/', ['Anthropic']);
    expect(other).toEqual({ selfReported: false, basis: "inferred: the source (aider.chat) is not the developer's site" });
    expect(inferSelfReported(undefined, ['OpenAI']).selfReported).toBe(false);
  });
});

describe('disagreement beyond noise', () => {
  it('compares results of comparable settings against their standard errors and a floor', () => {
    expect(disagree({ value: 0.887 }, { value: 0.843 }, BenchmarkScale.FRACTION)).toBe(true);
    expect(disagree({ value: 0.887 }, { value: 0.875 }, BenchmarkScale.FRACTION)).toBe(false);
    // Twice the combined standard error of 0.05 each: 0.14 of room.
    expect(noiseOf({ value: 0.84, stderr: 0.05 }, { value: 0.72, stderr: 0.05 }, BenchmarkScale.FRACTION)).toBeCloseTo(0.1414, 3);
    expect(disagree({ value: 0.84, stderr: 0.05 }, { value: 0.72, stderr: 0.05 }, BenchmarkScale.FRACTION)).toBe(false);
    // 5-shot and 0-shot are not compared; an unstated setting is.
    expect(noiseOf({ value: 0.8, shots: 5 }, { value: 0.6, shots: 0 }, BenchmarkScale.FRACTION)).toBeNull();
    expect(disagree({ value: 0.8, shots: 5 }, { value: 0.6 }, BenchmarkScale.FRACTION)).toBe(true);
    expect(disagree({ value: 1300 }, { value: 1330 }, BenchmarkScale.POINTS)).toBe(false);
  });
});

describe('the frontier over time', () => {
  const entry = (name: string, releaseDate: string | null, value: number): Dated & { name: string } => ({
    name,
    model: { releaseDate },
    result: { value },
  });
  const year = (date: string | null) => (date === null ? null : Number(date.slice(0, 4)) + (Number(date.slice(5, 7) || 1) - 1) / 12);

  it('is the best score released by each date, in the benchmark’s direction', () => {
    const entries = [entry('a', '2022-01', 0.5), entry('b', '2023-01', 0.4), entry('c', '2023-06', 0.7), entry('d', null, 0.9)];
    const up = frontier(entries, true, year);
    expect(up.best.map((p) => p.entry.name)).toEqual(['a', 'c']);
    expect(up.undated).toBe(1);
    expect(frontier(entries, false, year).best.map((p) => p.entry.name)).toEqual(['a', 'b']);
  });
});
