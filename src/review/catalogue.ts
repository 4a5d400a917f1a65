/**
 * The technique facts the default graph takes from a catalogue, for a person to judge: Epoch's
 * language rows planned against seed/ (what an empty database is loaded with), then the technique
 * pass, each fact with its row, field, rule and the sentences around its quote.
 */
import { RelationType } from '../domain/registry.js';
import { type DEFAULT_CATALOGUES, readDefaultCatalogue } from '../import/default-catalogues.js';
import { existingFromSeed } from '../import/existing.js';
import { planImport } from '../import/plan.js';
import { sentencesOf } from '../import/techniques/sentences.js';
import { Decisions } from '../resolve/decisions.js';

export interface CatalogueFact {
  /** The technique (or limitation): the review is stratified by it. */
  stratum: string;
  statement: string;
  rowKey: string;
  /** The row's catalogue name. */
  name: string;
  field: string;
  quote: string;
  /** The rule and note, as the citation's note carries them. */
  basis: string;
  confidence: number;
  /** The quote's sentence with one sentence either side, from its cell. */
  context: string;
}

/** The sentences of `cell` holding `quote`, with one more either side. */
export function contextOf(cell: string, quote: string): string {
  const at = cell.indexOf(quote);
  if (at < 0) return '(quote not found in the cell)';
  const sentences = sentencesOf(cell);
  const first = sentences.findIndex((s) => s.start + s.text.length > at);
  let last = first;
  while (last + 1 < sentences.length && (sentences[last + 1]?.start ?? Infinity) < at + quote.length) last++;
  return sentences
    .slice(Math.max(0, first - 1), last + 2)
    .map((s) => s.text)
    .join(' ');
}

export function catalogueFacts(seedDir: string, catalogue: keyof typeof DEFAULT_CATALOGUES = 'epoch'): CatalogueFact[] {
  const parsed = readDefaultCatalogue(catalogue);
  const plan = planImport(parsed, existingFromSeed(seedDir), Decisions.read());
  const recordOf = new Map(parsed.records.map((r) => [r.rowKey, r]));
  // The technique pass's facts: the only USES a catalogue plan holds, each with its quote.
  const facts = plan.relationships.filter((rel) => rel.type === RelationType.USES && rel.quote !== undefined);
  return facts.map((rel) => {
    const record = recordOf.get(rel.rowKey)!;
    const field = rel.basis.slice(0, rel.basis.indexOf(' ('));
    const quote = rel.quote ?? '';
    return {
      stratum: rel.to,
      statement: `${rel.from} ${rel.type} ${rel.to}`,
      rowKey: rel.rowKey,
      name: record.name.trim(),
      field,
      quote,
      basis: rel.basis,
      confidence: rel.confidence ?? 0,
      context: contextOf(record.texts[field] ?? '', quote),
    };
  });
}

/** The sample as text for a person to judge, with each fact's rule (the review's table gives each rule's precision). */
export function renderCatalogueSample(facts: CatalogueFact[], sample: CatalogueFact[], seed: number): string {
  const lines = [
    `# Catalogue review sample: ${sample.length} of ${facts.length} technique facts (Epoch's language rows, the default graph), seed ${seed}`,
    `Strata (technique: in sample/all): ${[...new Set(facts.map((f) => f.stratum))]
      .map((s) => `${s} ${sample.filter((f) => f.stratum === s).length}/${facts.filter((f) => f.stratum === s).length}`)
      .join(', ')}`,
    'Judge each against seed/README.md: stated (the quote, with its row and column, says this model uses the technique) / inference / not stated.',
  ];
  sample.forEach((fact, i) => {
    lines.push(
      '',
      `## ${i + 1}. [${fact.stratum}] ${fact.statement} — ${fact.rowKey} "${fact.name}", ${fact.field} (${fact.basis.slice(fact.field.length + 2, -1)}; confidence ${fact.confidence})`,
      `  quote:   ${fact.quote.replace(/\s*\n\s*/g, ' ⏎ ')}`,
      `  context: ${fact.context.replace(/\s*\n\s*/g, ' ⏎ ')}`,
    );
  });
  return `${lines.join('\n')}\n`;
}
