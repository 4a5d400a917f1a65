/**
 * A result's score as a number: "77.0%" is 0.77; on a benchmark scoring a share of items (scale FRACTION),
 * a bare number above 1, or one in a column or metric named as a percentage, is a percentage too; anything
 * else (Elo, an index, minutes, or a benchmark whose scale nobody curated) is kept as stated.
 */
import { BenchmarkScale } from '../../domain/registry.js';

export type Normalised = { value: number; factor: number } | { problem: string };

const PERCENT_NAME = /%|percent/i;

/** The number a score cell states ("77.0%", "$1.21", "1,350", 0.416), or NaN. */
const numberIn = (text: string): number => Number(text.replace(/[%$,\s]/g, ''));

export function normaliseScore(score: string | number, scale: BenchmarkScale | null, hints: Array<string | undefined>): Normalised {
  const text = String(score).trim();
  const stated = typeof score === 'number' ? score : numberIn(text);
  if (text === '' || !Number.isFinite(stated)) return { problem: `score "${text}" is not a number` };
  const percent = text.endsWith('%') || (scale === BenchmarkScale.FRACTION && (stated > 1 || hints.some((h) => h && PERCENT_NAME.test(h))));
  const factor = percent ? 0.01 : 1;
  const value = Math.round(stated * factor * 1e9) / 1e9;
  if (scale === BenchmarkScale.FRACTION && (value < 0 || value > 1))
    return { problem: `score "${text}" is no share of items (the benchmark scores from 0 to 100 %)` };
  return { value, factor };
}

/** A standard error given beside a score, in the score's unit: normalised by the same factor. */
export function normaliseStderr(stderr: string | number | undefined, factor: number): number | undefined {
  if (stderr === undefined) return undefined;
  const value = typeof stderr === 'number' ? stderr : numberIn(String(stderr));
  // A standard error written with its own % sign is a percentage whatever the score's unit.
  const own = typeof stderr === 'string' && stderr.trim().endsWith('%') ? 0.01 : factor;
  return Number.isFinite(value) && value >= 0 ? Math.round(value * own * 1e9) / 1e9 : undefined;
}
