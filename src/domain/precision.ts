/**
 * Values compared at the precision their source states them: "2023-03" is the whole of March, so it
 * agrees with "2023-03-15"; 540B is stated to two significant digits, so it agrees with 540.35B. Used by
 * the plausibility rules (src/quality) and by `conflicts`, so both read a value the same way.
 */

const DAY_MS = 86_400_000;

/** The days an ISO date covers (days since 1970): a year, a month or one day. */
export interface DayInterval {
  start: number;
  end: number;
}

export function dateInterval(iso: string): DayInterval {
  const [year, month, day] = iso.split('-').map(Number) as [number, number | undefined, number | undefined];
  const start = Date.UTC(year, (month ?? 1) - 1, day ?? 1) / DAY_MS;
  if (day !== undefined) return { start, end: start };
  // Day 0 of the next month (or year) is the last day of this one.
  const end = month === undefined ? Date.UTC(year + 1, 0, 0) : Date.UTC(year, month, 0);
  return { start, end: end / DAY_MS };
}

/** Days from the end of `a` to the start of `b`: positive when b begins after a ends, ≤ 0 when they overlap or b is earlier. */
export const daysAfter = (a: DayInterval, b: DayInterval): number => b.start - a.end;

/** Days between two dates read as intervals; 0 when they overlap (2023-03 and 2023-03-15). */
export function daysApart(a: string, b: string): number {
  const [x, y] = [dateInterval(a), dateInterval(b)];
  return Math.max(0, daysAfter(x, y), daysAfter(y, x));
}

/** Significant digits a number is written with: 540000000000 has 2, 540350000000 has 5, 7 has 1. */
export function significantDigits(n: number): number {
  const mantissa = Math.abs(n).toExponential().split('e')[0]!;
  return Math.max(1, mantissa.replace('.', '').replace(/0+$/, '').length);
}

/** Whether two counts agree at the coarser one's precision (540B and 540.35B do; 7B and 70B do not). */
export function sameCount(a: number, b: number): boolean {
  if (a === b) return true;
  const digits = Math.min(significantDigits(a), significantDigits(b));
  const [x, y] = [Number(a.toPrecision(digits)), Number(b.toPrecision(digits))];
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value);

/**
 * How far apart two claimed values are, 0 when they agree at their stated precision: dates in years
 * between them, counts as log10 of their ratio, anything else 1 when it differs. Comparable across
 * attributes, so a list of disagreements can be ranked (ChatGPT 2020 vs 2022-11 ≈ 1.8, PaLM 2 340B vs 14.7B ≈ 1.4).
 */
export function disagreement(a: unknown, b: unknown): number {
  if (isIsoDate(a) && isIsoDate(b)) return daysApart(a, b) / 365.25;
  if (typeof a === 'number' && typeof b === 'number') {
    if (sameCount(a, b)) return 0;
    const [low, high] = [Math.min(Math.abs(a), Math.abs(b)), Math.max(Math.abs(a), Math.abs(b))];
    return low === 0 ? 1 : Math.log10(high / low);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const [x, y] = [new Set(a.map(String)), new Set(b.map(String))];
    return x.size === y.size && [...x].every((v) => y.has(v)) ? 0 : 1;
  }
  return a === b ? 0 : 1;
}
