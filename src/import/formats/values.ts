import { RowProblem } from '../records.js';

/** Catalogue dates: YYYY, YYYY-MM or YYYY-MM-DD (a time part is dropped); empty and "unknown" are no date. */
export function parseDate(raw: unknown, field: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = (raw instanceof Date ? raw.toISOString() : String(raw)).trim();
  if (text === '' || /^(unknown|n\/a|none|tbd)$/i.test(text)) return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match) throw new RowProblem('bad-date', `${field} "${text}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD).`);
  const [, year, month, day] = match;
  const y = Number(year);
  if (y < 1900 || y > 2100) throw new RowProblem('bad-date', `${field} "${text}" has an implausible year.`);
  if (month === undefined) return year;
  const m = Number(month);
  if (m < 1 || m > 12) throw new RowProblem('bad-date', `${field} "${text}" has no month ${month}.`);
  if (day === undefined) return `${year}-${month}`;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) throw new RowProblem('bad-date', `${field} "${text}" has no day ${day} in that month.`);
  return `${year}-${month}-${day}`;
}

const MAGNITUDE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

const COUNT = /(?<![\w.])(\d+(?:\.\d+)?)\s*([KMBT]|(?:thousand|million|billion|trillion|bn)(?![a-z]))(?![A-Za-z])/gi;

/**
 * Counts written with a magnitude ("2.4B", "175 billion", "1.5T") in free text, as numbers; with
 * aboutParameters, only those followed within three words by "parameter(s)". Single letters count
 * only in upper case: notes say "Fig 1b" and "400k vocab" about other things.
 */
export function countsInText(text: string, aboutParameters = false): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(COUNT)) {
    if (match[2]!.length === 1 && match[2] !== match[2]!.toUpperCase()) continue;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 60);
    if (aboutParameters && !/^\s*(?:\S+\s+){0,2}param/i.test(after)) continue;
    const value = Number(match[1]) * MAGNITUDE[match[2]!.toLowerCase()]!;
    if (Number.isFinite(value) && value > 0) out.push(value);
  }
  return out;
}

/**
 * A unit error is a count that disagrees with every count its own note states by a factor of 100 or
 * more (millions read as billions, a missing exponent). A short note ("2.4B") is the count itself; a
 * long one proves something only when it names a parameter count; a note without counts proves nothing.
 */
export function contradictsNote(value: number, note: string): boolean {
  const stated = countsInText(note);
  if (stated.length === 0) return false;
  if (note.length > 40 && countsInText(note, true).length === 0) return false;
  return stated.every((n) => Math.max(n / value, value / n) >= 100);
}

/** A positive count from a catalogue cell ("2400000000.0", "2.4e9"); empty is no count. */
export function parseCount(raw: string, field: string): number | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new RowProblem('unit-error', `${field} "${text}" is not a positive count.`);
  // A count is whole; exports written from floats carry noise such as 243000000.00000003.
  return value >= 1 ? Math.round(value) : value;
}

/**
 * Splits a multi-value cell ("Google DeepMind,Google", "A, B") into trimmed non-empty values, order
 * kept, no repeats. A comma inside brackets does not split: "BookCorpus (BooksCorpus, Toronto Book
 * Corpus)" is one value.
 */
export function splitList(raw: string | undefined): string[] {
  if (!raw) return [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of raw) {
    if ('([（'.includes(char)) depth += 1;
    else if (')]）'.includes(char)) depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return [...new Set(parts.map((part) => cleanName(part)))].filter((part) => part !== '');
}

/**
 * A value that lists its other names in brackets: "BookCorpus (BooksCorpus, Toronto Book Corpus)" is
 * BookCorpus, also called BooksCorpus and Toronto Book Corpus. A single bracketed word is part of the
 * name ("Conceptual Captions (CC3M)" stays whole: CC3M is one of several Conceptual Captions).
 */
export function nameWithAliases(value: string): { name: string; aliases: string[] } {
  const match = /^(.+?)\s*\(([^()]*,[^()]*)\)$/.exec(value);
  if (!match) return { name: value, aliases: [] };
  return { name: cleanName(match[1]!), aliases: splitList(match[2]) };
}

/** Stray whitespace (tabs, newlines, doubled spaces) removed from a name. */
export const cleanName = (raw: string): string => raw.replace(/\s+/g, ' ').trim();
