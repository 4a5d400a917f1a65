/**
 * The technique extractor: from a record's text fields and the alias table to cited facts. Pure
 * (no files, no database): a fact says the row's model USES a technique, its quote a verbatim slice of
 * one field, its locator the row and the field, with the rule that decided it (rules.ts).
 */
import { type AliasEntry, type CompiledAliases, compileAliases, findMentions, type Mention } from './aliases.js';
import { cellFacts } from './cell-rules.js';
import { FAMILY_ALL, notAFact, SELF_QUOTED, SELF_WORDS } from './cues.js';
import { familyName, ownNames } from './names.js';
import { ABSTRACT_FIELD, EXCLUSIVE, type Rule, RULES, type RuleId } from './rules.js';
import { frontedUse, notesPhrase, type Self, selfUses, spans, subjectlessSelf } from './sentence-rules.js';
import { quoteSpan, sentencesOf } from './sentences.js';

/** What the extractor reads of a catalogue record (CatalogueRecord has it). */
export interface TextRecord {
  rowKey: string;
  name: string;
  texts: Record<string, string>;
}

export interface TechniqueFact {
  rowKey: string;
  /** The field (column) the quote is from. */
  field: string;
  /** The technique the model USES. */
  to: string;
  quote: string;
  rule: RuleId;
  confidence: number;
  note?: string;
}

export interface ExtractOptions {
  /** Catalogue names of the other records carrying this very text (a family's shared abstract). */
  sharedWith?: (field: string, text: string) => string[];
}

/** What a field's sentences are read with: whether it is notes, whether other rows carry it, the row's names in it. */
interface Cell {
  text: string;
  notes: boolean;
  shared: boolean;
  names: RegExp[];
  family: RegExp | null;
}

const RULE_OF = new Map<string, Rule & { id: RuleId }>(Object.values(RULES).map((rule) => [rule.id, rule]));

/** Whether `offset` of `text` falls inside a quotation (a notes cell quoting the paper). */
function insideQuote(text: string, offset: number): boolean {
  let open = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '"') open = !open;
    else if (c === '“') open = true;
    else if (c === '”') open = false;
  }
  return open;
}

/** The extractor for one alias table (its names compiled once). */
export function techniqueExtractor(table: AliasEntry[]): (record: TextRecord, options?: ExtractOptions) => TechniqueFact[] {
  const aliases = compileAliases(table);
  return (record, options = {}) => new Extraction(record, table, aliases, options).run();
}

class Extraction {
  private readonly facts = new Map<string, TechniqueFact>();

  constructor(
    private readonly record: TextRecord,
    private readonly table: AliasEntry[],
    private readonly aliases: CompiledAliases,
    private readonly options: ExtractOptions,
  ) {}

  run(): TechniqueFact[] {
    for (const [field, text] of Object.entries(this.record.texts)) {
      const whole = cellFacts(field, text, this.table, this.aliases);
      if (whole !== null) for (const fact of whole) this.add(field, fact.to, fact.quote, fact.rule.id);
      else if (this.aliases.mayName(text)) this.readSentences(field, text);
    }
    return [...this.facts.values()];
  }

  /** One fact per technique: the first of the highest confidence. */
  private add(field: string, to: string, quote: string, ruleId: RuleId): void {
    const rule = RULE_OF.get(ruleId)!;
    const known = this.facts.get(to);
    if (known !== undefined && known.confidence >= rule.confidence) return;
    this.facts.set(to, {
      rowKey: this.record.rowKey,
      field,
      to,
      quote,
      rule: rule.id,
      confidence: rule.confidence,
      ...(rule.note !== undefined && { note: rule.note }),
    });
  }

  private allowed(mention: Mention, sentence: string): boolean {
    const exclusive = EXCLUSIVE[mention.id];
    if (exclusive?.row?.test(this.record.name) || exclusive?.sentence?.test(sentence)) return false;
    return notAFact(sentence, mention.start, mention.end) === null;
  }

  /**
   * Where a sentence speaks of the row's model. "We" is it only in a text no other row carries, and
   * in notes only inside the paper's quoted words; a shared text speaks of a member by its own name, or
   * of all its models at once.
   */
  private selves(cell: Cell, sentence: string, start: number): Self[] {
    const words = cell.shared
      ? spans(FAMILY_ALL, sentence).map((s) => ({ ...s, rule: RULES.familyAll.id }))
      : spans(SELF_WORDS, sentence)
          .filter((s) => !cell.notes || insideQuote(cell.text, start + s.start) || SELF_QUOTED.test(sentence.slice(0, s.start)))
          .map((s) => ({ ...s, rule: RULES.selfUses.id }));
    const named = cell.names.flatMap((name) => spans(name, sentence)).map((s) => ({ ...s, rule: RULES.selfUses.id }));
    const members = cell.family === null ? [] : spans(cell.family, sentence).map((s) => ({ ...s, rule: RULES.familyNamed.id }));
    return [...words, ...named, ...members].sort((a, b) => a.end - b.end);
  }

  private readSentences(field: string, text: string): void {
    const others = this.options.sharedWith?.(field, text) ?? [];
    const cell: Cell = {
      text,
      notes: field !== ABSTRACT_FIELD,
      shared: others.length > 0,
      names: ownNames(this.record.name, others),
      family: familyName(this.record.name, others),
    };
    for (const { text: sentence, start } of sentencesOf(text)) {
      const all = findMentions(sentence, this.aliases);
      const mentions = all.filter((m) => this.allowed(m, sentence));
      if (mentions.length === 0) continue;
      const selves = this.selves(cell, sentence, start);
      const implicit = cell.notes ? subjectlessSelf(sentence, all[0]) : null;
      if (implicit !== null) selves.unshift(implicit);
      for (const mention of mentions) {
        // "Mamba" in "Falcon Mamba" is the model's name, not a statement.
        if (selves.some((s) => s.start <= mention.start && mention.end <= s.end)) continue;
        if (implicit !== null && mention === all[0]) {
          this.quote(field, sentence, mention.id, { start: 0, end: mention.end }, RULES.notesSubjectless.id);
          continue;
        }
        const tied = selfUses(sentence, selves, mention) ?? frontedUse(sentence, selves, mention);
        if (tied !== null) this.quote(field, sentence, mention.id, tied.span, tied.self.rule);
        else if (cell.notes && notesPhrase(sentence, mention))
          this.quote(field, sentence, mention.id, { start: 0, end: mention.end }, RULES.notesPhrase.id);
      }
    }
  }

  private quote(field: string, sentence: string, to: string, span: { start: number; end: number }, rule: RuleId): void {
    const quote = quoteSpan(sentence, span.start, span.end);
    if (quote !== null) this.add(field, to, quote, rule);
  }
}
