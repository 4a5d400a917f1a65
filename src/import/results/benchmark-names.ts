/**
 * Benchmark names as catalogues write them: "MMLU", "mmlu", "external_benchmark_mmlu.csv" and "MMLU (5-shot)"
 * name one benchmark. A name's key ignores case, spaces and punctuation but keeps the symbols that tell
 * benchmarks apart ("HumanEval+" is not HumanEval, "<128k" is not ">128k"); a trailing aside in brackets or
 * a trailing version is the result's setting when the rest names a benchmark.
 */

/** What a name says of the setting besides the benchmark: shots, the benchmark's version or subset, how it was scored. */
export interface NamedSetting {
  shots?: number;
  version?: string;
  scorer?: string;
}

/** A Benchmarking Hub file name is its benchmark's name ("external_benchmark_aider_polyglot.csv" is "aider polyglot"). */
const fileStem = (name: string): string =>
  name
    .trim()
    .replace(/^external_benchmark_/i, '')
    .replace(/\.csv$/i, '')
    .replace(/_/g, ' ');

export function benchmarkKey(name: string): string {
  return fileStem(name)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\+/g, ' plus ')
    .replace(/</g, ' under ')
    .replace(/>/g, ' over ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The setting a bracketed aside states: "5-shot", "CoT", "val", "long, no subtitles". */
export function asideSetting(aside: string): NamedSetting {
  const shots = /\b(\d+)[- ]?shots?\b/i.exec(aside);
  if (shots) return { shots: Number(shots[1]) };
  if (/\b(cot|chain[- ]of[- ]thought)\b/i.test(aside) || /\bgrader\b/i.test(aside)) return { scorer: aside.trim() };
  return { version: aside.trim() };
}

/** Readings of a name, most literal first: the whole name; without its bracketed aside; without its trailing version. */
export function nameReadings(name: string): Array<{ base: string; setting: NamedSetting }> {
  const stem = fileStem(name);
  const readings: Array<{ base: string; setting: NamedSetting }> = [{ base: stem, setting: {} }];
  const aside = /^(.*\S)\s*\(([^()]+)\)$/.exec(stem);
  if (aside) readings.push({ base: aside[1]!, setting: asideSetting(aside[2]!) });
  const version = /^(.*?[A-Za-z+])[\s-]*(v?\d+(?:\.\d+)*)$/i.exec(stem);
  if (version && !/^\d{4}$/.test(version[2]!)) readings.push({ base: version[1]!, setting: { version: version[2]! } });
  return readings;
}

/**
 * The name of a benchmark a catalogue names that the graph does not have yet: as written, with the symbols
 * resolution's name keys drop spelled out, so two benchmarks apart by a symbol stay apart under every key.
 */
export const spelledName = (name: string): string =>
  fileStem(name).replace(/\+/g, ' plus').replace(/</g, 'under ').replace(/>/g, 'over ').replace(/\s+/g, ' ').trim();
