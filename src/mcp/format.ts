/**
 * Compact text for assistants: facts on short lines, each followed by the marks of the citations
 * behind it ([1][2]), and the numbered sources at the end with their quote and place.
 */

export interface CitedSource {
  id: string;
  title: string | null;
  file: string | null;
  url: string | null;
}

export interface CitationLike {
  quote: string | null;
  note: string | null;
  source: CitedSource;
  locator: { line: number | null; row: string | null; column: string | null; url: string | null } | null;
}

// Long catalogue quotes (abstracts) are cut in the text; the structured content keeps them whole.
const QUOTE_CHARS = 280;
// Citations marked per fact: the rest are in the structured content.
const MARKS_PER_FACT = 2;

const clip = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);

/** Where a citation points: a document's line, a catalogue's row and column, and the link that opens it. */
function place(citation: CitationLike): string {
  const { source, locator } = citation;
  const where = [source.file ?? undefined, locator?.line != null ? `line ${locator.line}` : undefined];
  // A catalogue's row locator reads "row 1069" already.
  if (locator?.row != null)
    where.push(`${/^\d+$/.test(locator.row) ? 'row ' : ''}${locator.row}${locator.column != null ? `, column ${locator.column}` : ''}`);
  const url = locator?.url ?? source.url;
  return [source.title ?? source.id, where.filter(Boolean).join(', '), url].filter(Boolean).join(' · ');
}

/** The numbered sources of one answer; the same citation cited twice gets one number. */
export class SourceList {
  private readonly lines: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The marks of these citations (" [1][2]"), or "" when there are none. */
  cite(citations: readonly CitationLike[]): string {
    const marks = citations.slice(0, MARKS_PER_FACT).map((citation) => {
      const said = citation.quote !== null ? `“${clip(citation.quote)}”` : citation.note !== null ? `(note) ${clip(citation.note)}` : '';
      const line = `${said} — ${place(citation)}`.trim();
      let number = this.numbers.get(line);
      if (number === undefined) {
        number = this.lines.length + 1;
        this.numbers.set(line, number);
        this.lines.push(`[${number}] ${line}`);
      }
      return `[${number}]`;
    });
    const more = citations.length > MARKS_PER_FACT ? `+${citations.length - MARKS_PER_FACT}` : '';
    return marks.length > 0 ? ` ${marks.join('')}${more}` : '';
  }

  /** "Sources:" and the numbered list, or "" when nothing was cited. */
  toString(): string {
    return this.lines.length > 0 ? `Sources:\n${this.lines.join('\n')}` : '';
  }
}

/** 1.75e11 → "175B", 7e9 → "7B", 1.5e12 → "1.5T". */
export function amount(value: number): string {
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  const [size, unit] = units.find(([size]) => Math.abs(value) >= size) ?? [1, ''];
  return `${Number((value / size).toPrecision(3))}${unit}`;
}

/** A claim's value as stored (JSON: '"2022-11-28"', '175000000000', '["text","image"]') as a person reads it: 2022-11-28, 175B, text, image. */
export function claimValue(stored: string): string {
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'number' && Math.abs(value) >= 1e4) return amount(value);
  } catch {
    // Not JSON: shown as it is.
  }
  return stored;
}

/** Lines and the sources they cite, as one answer. */
export const answerText = (lines: Array<string | undefined | false>, sources?: SourceList): string =>
  [...lines.filter((line): line is string => typeof line === 'string'), sources?.toString() ?? ''].filter((line) => line !== '').join('\n');

export interface GraphLike {
  nodes: ReadonlyArray<{ id: string; label: string; type: string; date: string | null }>;
  edges: ReadonlyArray<{ source: string; target: string; type: string; kind: string | null; citations: readonly CitationLike[] }>;
  truncated: boolean;
}

/** One line per edge ("GPT-4 —DERIVED_FROM (SUCCESSOR)→ GPT-3.5 [1]"), with a word when the graph was cut at its limit. */
export function graphLines(graph: GraphLike, sources: SourceList): string[] {
  const label = new Map(graph.nodes.map((node) => [node.id, `${node.label}${node.date ? ` (${node.date})` : ''}`]));
  const name = (id: string) => label.get(id) ?? id;
  const lines = graph.edges.map(
    (edge) =>
      `- ${name(edge.source)} —${edge.type}${edge.kind ? ` ${edge.kind}` : ''}→ ${name(edge.target)}${sources.cite(edge.citations)}`,
  );
  if (graph.truncated) lines.push('(More relationships exist than the limit allowed: raise limit, lower depth or filter by types.)');
  return lines;
}
