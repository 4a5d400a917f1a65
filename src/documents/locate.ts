/**
 * Where a citation's quote stands in its source. Documents are located by finding the quote in the
 * very text /documents serves: a line range (1-based) and character offsets (Unicode code points,
 * 0-based, end exclusive), so `[...text].slice(start, end).join('')` is the quote. Catalogue facts
 * are located by the row key the importer stored and the column the fact was read from.
 */
import type { RelationType } from '../domain/registry.js';

export interface Locator {
  line: number | null;
  endLine: number | null;
  start: number | null;
  end: number | null;
  /** A catalogue's row key as the importer names it: "row 457" (CSV record, header = 0), "assets/ai2.yaml#3", "line 7". */
  row: string | null;
  column: string | null;
  /** Where a reader opens it: /documents/<file>?start=&end=#L<line> for a document (the quote marked), the catalogue's page otherwise. */
  url: string | null;
}

const codePoints = (text: string): number => {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
};
const linesIn = (text: string): number => text.split('\n').length - 1;

/** The first occurrence of `quote` in `text`, or null when the text does not hold it verbatim. */
export function locateQuote(text: string, quote: string): Pick<Locator, 'line' | 'endLine' | 'start' | 'end'> | null {
  const index = quote === '' ? -1 : text.indexOf(quote);
  if (index < 0) return null;
  const before = text.slice(0, index);
  const line = linesIn(before) + 1;
  const start = codePoints(before);
  return { line, endLine: line + linesIn(quote.replace(/\n$/, '')), start, end: start + codePoints(quote) };
}

/** A document that copies catalogue rows (seed/documents/epoch-ai-rows.txt) heads each block "epoch-csv:row N" and writes "<column>: <cell>". */
const ROW_HEADER = /^([\w-]+):(row \d+)$/;
const CELL = /^([^:\n]{1,80}): /;

/**
 * The row and column of a quote inside such a document (nulls in any other): the column whose
 * cell supports the fact (a claim's attribute, a relationship's type) when the quote holds it,
 * else the column of the quote's first line.
 */
function documentCell(text: string, line: number, endLine: number, citation: CitationPlace): Pick<Locator, 'row' | 'column'> {
  const lines = text.split('\n');
  for (let i = line - 1; i >= 0; i -= 1) {
    const header = ROW_HEADER.exec(lines[i] ?? '');
    if (header) {
      const columns = lines.slice(line - 1, endLine).map((l) => CELL.exec(l)?.[1]);
      const wanted = supportingColumn(header[1]!, citation);
      return { row: header[2]!, column: columns.find((c) => c !== undefined && c === wanted) ?? columns[0] ?? null };
    }
    if (lines[i] === '') break;
  }
  return { row: null, column: null };
}

/** The URL of a served document; of a quote in it: its offsets marked, its lines highlighted and scrolled to. */
export function documentUrl(file: string, at?: Pick<Locator, 'line' | 'endLine' | 'start' | 'end'>): string {
  const page = `/documents/${encodeURIComponent(file)}`;
  if (at === undefined) return page;
  const lines = at.endLine !== at.line ? `L${at.line}-L${at.endLine}` : `L${at.line}`;
  return `${page}?start=${at.start}&end=${at.end}#${lines}`;
}

/** Columns each catalogue format reads its facts from (src/import/formats/), by what the citation supports. */
const CATALOGUE_COLUMNS: Record<
  string,
  { entity: string; attributes: Record<string, [string, string?]>; relations: Record<string, string> }
> = {
  'epoch-csv': {
    entity: 'Model',
    // [the value's column, the column the quoted words come from]
    attributes: {
      parameters: ['Parameters', 'Parameters notes'],
      releaseDate: ['Publication date'],
      openWeights: ['Model accessibility'],
    },
    relations: { DEVELOPED_BY: 'Organization', DERIVED_FROM: 'Base model', TRAINED_ON: 'Training dataset' },
  },
  'ecosystem-graphs': {
    entity: 'name',
    attributes: { releaseDate: ['created_date'], parameters: ['size'], openWeights: ['access'] },
    relations: {
      DEVELOPED_BY: 'organization',
      OFFERED_BY: 'organization',
      DERIVED_FROM: 'dependencies',
      TRAINED_ON: 'dependencies',
      POWERED_BY: 'dependencies',
    },
  },
  'hf-model-tree': { entity: 'id', attributes: {}, relations: { DERIVED_FROM: 'base_model' } },
};

/** The format of a catalogue snapshot's Source, from its id (`catalogue-<format>-<hash>`, src/import/catalogues.ts). */
const formatOf = (sourceId: string): string | undefined =>
  Object.keys(CATALOGUE_COLUMNS).find((format) => sourceId.startsWith(`catalogue-${format}-`));

/** What a citation row carries besides its quote (see ProjectionCompiler): enough to place it. */
export interface CitationPlace {
  quote?: string | null;
  note?: string | null;
  /** A catalogue's row key, stored with the citation by the importer. */
  locator?: string | null;
  /** Claims: the attribute; mentions: null. */
  attribute?: string | null;
  /** Relationship citations: the relationship's type. */
  relation?: RelationType | string | null;
  source: { id: string; file?: string | null; url?: string | null };
}

/** The importer's note on a relationship it cites: "Catalogue entry <row key>: <basis>" (src/import/apply.ts). */
const CATALOGUE_NOTE = /^Catalogue entry (.+?): /;

/** The column a catalogue of `format` states the cited fact in (its value's column, or its quoted notes' column). */
function supportingColumn(format: string, citation: CitationPlace): string | null {
  const columns = CATALOGUE_COLUMNS[format];
  if (columns === undefined) return null;
  if (citation.relation) return columns.relations[citation.relation] ?? null;
  if (citation.attribute) {
    const [value, quoted] = columns.attributes[citation.attribute] ?? [];
    return (citation.quote && quoted) || value || null;
  }
  return columns.entity;
}

function catalogueLocator(citation: CitationPlace): Locator | null {
  const format = formatOf(citation.source.id);
  const row = citation.locator ?? (format && citation.note ? (CATALOGUE_NOTE.exec(citation.note)?.[1] ?? null) : null);
  if (row === null || row === undefined) return null;
  const column = format ? supportingColumn(format, citation) : null;
  return { line: null, endLine: null, start: null, end: null, row, column, url: citation.source.url ?? null };
}

/**
 * The locator of a citation: in its document when the service holds the document and the quote is
 * in it, else in its catalogue when it carries a row key, else null (a web page cited by URL).
 */
export function locatorOf(citation: CitationPlace, documentText: (file: string) => string | null): Locator | null {
  const file = citation.source.file;
  const text = file ? documentText(file) : null;
  if (file && text !== null && citation.quote) {
    const found = locateQuote(text, citation.quote);
    if (found === null) return null;
    return { ...found, ...documentCell(text, found.line!, found.endLine!, citation), url: documentUrl(file, found) };
  }
  return catalogueLocator(citation);
}
