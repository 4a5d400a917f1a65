/**
 * The rules that read one sentence: where the model stands in it (selves), and whether a technique
 * it names is tied to the model (self-uses, fronted-use) or described as the model's kind by a notes
 * phrase. Each returns the span the quote must keep, or null.
 */
import type { Mention } from './aliases.js';
import { AFTER_VERB, COPULA, FOREIGN_GAP, MAX_GAP_WORDS, OTHER_SUBJECT, OWNER_OF, PARTICIPLE, USES_LINK } from './cues.js';
import { RULES, type RuleId } from './rules.js';

export interface Span {
  start: number;
  end: number;
}
/** A place the sentence speaks of the model, and the rule that reads it so. */
export interface Self extends Span {
  rule: RuleId;
}

export const spans = (pattern: RegExp, text: string): Span[] =>
  [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Verbal names ("pre-train", "fine-tuned", "distill") are the verb themselves: "we pre-train X". */
const VERBAL = /(?:train|trains|trained|tune|tunes|tuned|distill|distills|distilled)$/i;
/** Words that may stand between the model and a verbal name: "we further pre-train", "the model was then fine-tuned". */
const AUXILIARY =
  /^(?:further|then|also|first|continually|additionally|jointly|subsequently|finally|both|is|are|was|were|has|have|had|been|be)$/i;

/** The self-uses rule: the model (the last self before the technique) tied to it by a verb of use or "is a". */
export function selfUses(sentence: string, selves: Self[], mention: Mention): { span: Span; self: Self } | null {
  const self = selves.filter((s) => s.end <= mention.start).at(-1);
  if (self === undefined) return null;
  const found = { span: { start: self.start, end: mention.end }, self };
  const between = sentence.slice(self.end, mention.start);
  // A relative clause speaks of the noun before it ("fine-tuned from Y, which uses RLHF"), of the model only right after it.
  if (/\b(?:which|whose|who|where)\b/i.test(between.replace(/^\s*,?\s*(?:which|who)\b/i, ''))) return null;
  const alias = sentence.slice(mention.start, mention.end);
  const link = spans(USES_LINK, between).at(-1);
  if (link === undefined) {
    const auxiliaries = between.split(/\s+/).filter(Boolean);
    return VERBAL.test(alias) && auxiliaries.every((w) => AUXILIARY.test(w)) ? found : null;
  }
  const subject = between.slice(0, link.start);
  if (words(subject) <= 3 && OTHER_SUBJECT.test(subject)) return null;
  // "we mix the data to fine-tune LLaMA": an infinitive of purpose says what was done.
  const gap = VERBAL.test(alias) ? between.slice(link.end).replace(/\bto\s*$/, '') : between.slice(link.end);
  if (words(gap) > MAX_GAP_WORDS || FOREIGN_GAP.test(gap) || OWNER_OF.test(gap)) return null;
  // "pre-trained weights of Qwen-7B": an adjective is its noun's, so only "is a"/", a" makes it the model's.
  const adjective = PARTICIPLE.test(alias) && !AFTER_VERB.test(sentence.slice(mention.end));
  if (adjective && !COPULA.test(between.slice(link.start, link.end).trim())) return null;
  return found;
}

/** An opening clause of use, then the model as the main clause's subject. */
const FRONTED =
  /^[\s"“]*(?:using|with|through|via|leveraging|applying|adopting|employing|based on|built (?:on|upon)|(?:continually |further )?(?:trained|pre-?trained|fine-?tuned|distilled|instruction-tuned) (?:on|from|with|using|via)|(?:pre-?training|fine-?tuning|distilling)\s+(?:a|an|the|our|on|with|from)\b)/i;

/** The fronted-use rule: "Through RL, DeepSeek-R1-Zero …" — the technique in the opening clause, the model right after it. */
export function frontedUse(sentence: string, selves: Self[], mention: Mention): { span: Span; self: Self } | null {
  if (!FRONTED.test(sentence)) return null;
  const comma = sentence.indexOf(', ');
  if (comma < 0 || mention.end > comma) return null;
  const self = selves.find((s) => s.start > comma && words(sentence.slice(comma + 2, s.start)) <= 2);
  if (self === undefined) return null;
  return { span: { start: 0, end: self.end }, self: { ...self, rule: self.rule === RULES.selfUses.id ? RULES.fronted.id : self.rule } };
}

/**
 * A notes sentence with no subject that opens with the technique's verb stands for the row's model:
 * the model is an implicit self before it ("Fine-tuned from Vicuna-13B", "Finetunes using LoRA").
 */
const SUBJECTLESS_LEAD = /^[\s"“•*-]*(?:(?:the )?model (?:was|is|has been) )?/i;
export function subjectlessSelf(sentence: string, first: Mention | undefined): Self | null {
  if (first === undefined) return null;
  const lead = SUBJECTLESS_LEAD.exec(sentence)?.[0] ?? '';
  if (first.start !== lead.length) return null;
  const alias = sentence.slice(first.start, first.end);
  if (!VERBAL.test(alias.replace(/s$/, '')) || !AFTER_VERB.test(sentence.slice(first.end))) return null;
  return { start: 0, end: 0, rule: RULES.notesSubjectless.id };
}

/**
 * A phrase that makes the model one of the technique's kind: an optional article and size, the
 * technique, then a noun for a model ("Mixture of experts model.", "MoE architecture"), or a size and
 * the technique alone ("132B mixture of experts."). A bare name is a heading or a list item, not a statement.
 */
const PHRASE_HEAD =
  /^[\s"“]*(?:(?:a|an|the)\s+)?(?<size>[\d.,]+\s*[BMKT]?(?:\s+(?:total|parameters?|params?))*\s+)?(?:(?:sparse|hybrid|large|small)\s+)*$/i;
const PHRASE_NOUN = /^(?:\s*\([^)]{1,12}\))?\s+(?:language\s+)?(?:model|architecture|LLM|transformer|network)\b/i;
const PHRASE_END = /^(?:\s*\([^)]{1,12}\))?\s*[.,]?\s*["”]?$/;

export function notesPhrase(sentence: string, mention: Mention): boolean {
  // "Pre-trained model is Transformer (…)" speaks of another model the row starts from.
  if (PARTICIPLE.test(sentence.slice(mention.start, mention.end))) return false;
  const head = PHRASE_HEAD.exec(sentence.slice(0, mention.start));
  if (head === null) return false;
  const tail = sentence.slice(mention.end);
  return PHRASE_NOUN.test(tail) || (head.groups?.size !== undefined && PHRASE_END.test(tail));
}
