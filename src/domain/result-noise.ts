/**
 * When two results of one model on one benchmark disagree: their settings must be comparable (the same
 * shots and benchmark version, or one of them unstated) and their values further apart than the noise of
 * such measurements: twice their combined standard error where the sources give one, and never less than
 * 2 points on a share of items or 3 % of the value on another scale (harness, prompt and sampling differences).
 */
import { BenchmarkScale } from './registry.js';

export interface ComparableResult {
  value: number;
  shots?: number | null;
  benchmarkVersion?: string | null;
  stderr?: number | null;
}

const FRACTION_FLOOR = 0.02;
const RELATIVE_FLOOR = 0.03;

const compatible = <T>(a: T | null | undefined, b: T | null | undefined): boolean =>
  a === null || a === undefined || b === null || b === undefined || a === b;

/** The difference two comparable results may show without disagreeing; null when their settings are not comparable. */
export function noiseOf(a: ComparableResult, b: ComparableResult, scale: BenchmarkScale | null): number | null {
  if (!compatible(a.shots, b.shots) || !compatible(a.benchmarkVersion, b.benchmarkVersion)) return null;
  const errors = [a.stderr, b.stderr].filter((e): e is number => typeof e === 'number');
  const stated = errors.length === 0 ? 0 : 2 * Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0));
  const floor = scale === BenchmarkScale.FRACTION ? FRACTION_FLOOR : RELATIVE_FLOOR * Math.max(Math.abs(a.value), Math.abs(b.value));
  return Math.max(stated, floor);
}

export function disagree(a: ComparableResult, b: ComparableResult, scale: BenchmarkScale | null): boolean {
  const noise = noiseOf(a, b, scale);
  return noise !== null && Math.abs(a.value - b.value) > noise;
}
