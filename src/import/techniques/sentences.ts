/**
 * Sentences of a catalogue cell, each a verbatim slice of it (a quote must stand in the cell as it is).
 * A sentence ends at a line break (not a wrapped line's), at Chinese end marks, or at . ! ? followed by a
 * space and a capital, a digit, a quote or a bracket — not after the abbreviations papers use mid-sentence.
 */
export interface Sentence {
  text: string;
  /** Offset of the sentence in its cell. */
  start: number;
}

/** Words a full stop follows without ending the sentence. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|approx|Fig|Figs|Eq|Sec|No|Dr|Mr|Ms|Inc|Ltd|Co|St|U\.S|resp|al)|\b[A-Z])\.$/;
const BOUNDARY = /[.!?]+["”’)\]]?\s+(?=[A-Z0-9"“‘'([•*-])|[。！？]|\n+/g;

/** A single line break after a word's hyphen ("DeepSeek-\nR1"), a comma or a lower-case word ("build on the\nTransformer") wraps a line; it ends none. */
const wrapped = (before: string) => /[-,\p{Ll}]/u.test(before);

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') out.push({ text: trimmed, start: start + lead });
  };
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].trimEnd().length;
    if (match[0][0] === '.' && ABBREVIATION.test(text.slice(Math.max(start, match.index - 8), match.index + 1))) continue;
    // "(!)" and "(?)" are remarks inside a sentence.
    if (text[match.index - 1] === '(' && /^[!?]\)/.test(match[0])) continue;
    if (match[0] === '\n' && wrapped(text[match.index - 1] ?? '')) continue;
    push(end);
    start = match.index + match[0].length;
  }
  push(text.length);
  return out;
}

/** The longest a quote may be (as for the documents' quotes). */
export const MAX_QUOTE = 400;

/**
 * The part of a sentence a quote keeps: the whole sentence when it fits, else the clauses (cut at
 * ", " "; " " – ") from the one holding `from` to the one holding `to`, or null when even they are too long.
 */
export function quoteSpan(sentence: string, from: number, to: number): string | null {
  if (sentence.length <= MAX_QUOTE) return sentence;
  const cuts = [0, ...[...sentence.matchAll(/[,;:]\s+|\s[–—-]\s/g)].map((m) => m.index + m[0].length), sentence.length];
  const begin = Math.max(...cuts.filter((c) => c <= from));
  const end = Math.min(...cuts.filter((c) => c >= to));
  const span = sentence
    .slice(begin, end)
    .replace(/[,;:\s–—-]+$/, '')
    .trim();
  return span.length <= MAX_QUOTE ? span : null;
}
