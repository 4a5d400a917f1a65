/**
 * The frontier over time: at each release date, the best score any model released by then has on the
 * benchmark (the highest, or the lowest where lower is better). Entries without a release date cannot be
 * placed in time and are left out (counted). Free of imports, so the unit tests read it as it is.
 */

/** What the frontier reads of a leaderboard entry. */
export interface Dated {
  model: { releaseDate: string | null };
  result: { value: number };
}

export interface FrontierPoint<E extends Dated> {
  /** The release date as a fractional year. */
  year: number;
  value: number;
  entry: E;
}

export function frontier<E extends Dated>(
  entries: E[],
  higherIsBetter: boolean | null,
  yearOf: (date: string | null) => number | null,
): { points: Array<FrontierPoint<E>>; best: Array<FrontierPoint<E>>; undated: number } {
  const points = entries.flatMap((entry) => {
    const year = yearOf(entry.model.releaseDate);
    return year === null ? [] : [{ year, value: entry.result.value, entry }];
  });
  const better = (a: number, b: number) => (higherIsBetter === false ? a < b : a > b);
  const best: Array<FrontierPoint<E>> = [];
  for (const point of [...points].sort((a, b) => a.year - b.year || (better(a.value, b.value) ? -1 : 1))) {
    const last = best.at(-1);
    if (last === undefined || better(point.value, last.value)) best.push(point);
  }
  return { points, best, undated: entries.length - points.length };
}
