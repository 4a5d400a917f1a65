/**
 * The frontier over time: at each release date, the best score any model released by then has on the
 * benchmark (the highest, or the lowest where lower is better). Entries without a release date cannot be
 * placed in time and are left out (counted).
 */
import { dateToYear } from '../format';
import type { LeaderboardEntry } from '../types';

export interface FrontierPoint {
  /** The release date as a fractional year. */
  year: number;
  value: number;
  entry: LeaderboardEntry;
}

export function frontier(
  entries: LeaderboardEntry[],
  higherIsBetter: boolean | null,
): { points: FrontierPoint[]; best: FrontierPoint[]; undated: number } {
  const points = entries.flatMap((entry) => {
    const year = dateToYear(entry.model.releaseDate);
    return year === null ? [] : [{ year, value: entry.result.value, entry }];
  });
  const better = (a: number, b: number) => (higherIsBetter === false ? a < b : a > b);
  const best: FrontierPoint[] = [];
  for (const point of [...points].sort((a, b) => a.year - b.year || (better(a.value, b.value) ? -1 : 1))) {
    const last = best.at(-1);
    if (last === undefined || better(point.value, last.value)) best.push(point);
  }
  return { points, best, undated: entries.length - points.length };
}
