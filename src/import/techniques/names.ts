/**
 * The names a row's own model goes by in its text: the catalogue's name, without its bracketed
 * remark ("DeepSeek-V2 (MoE-236B)" → "DeepSeek-V2"), and its stem before a size ("Mixtral 8x7B" →
 * "Mixtral"). In a text other rows share (a family's paper), only the names that are this row's alone.
 */
import { flexibleName } from './aliases.js';

const SIZE = /[\s-]+\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?\s*[BMKT]\b.*$/i;

export function nameVariants(name: string): string[] {
  const plain = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const stem = plain.replace(SIZE, '').trim();
  return [...new Set([name.trim(), plain, stem])].filter((n) => n.length >= 3);
}

/**
 * A name as a pattern: spaces and hyphens interchangeable, not part of a longer name ("DeepSeek-R1" is
 * not in "DeepSeek-R1-Zero", "Llama 3" not in "Llama 3.1"); case-blind when it has a digit or an inner
 * capital (a model's name, not a word: "Switch" stays a name only as written).
 */
export function namePattern(name: string): RegExp {
  let pattern = patterns.get(name);
  if (pattern === undefined) {
    // Each row compiles its own names, and compiling costs more than searching: case-blind by letter
    // classes rather than the i flag, and ASCII word classes rather than Unicode ones where the name is ASCII.
    const body = flexibleName(name, /\d|^.+[A-Z]/.test(name)) ?? '';
    const [word, flags] = /^[\x20-\x7e]*$/.test(name) ? ['A-Za-z0-9', 'g'] : ['\\p{L}\\p{N}', 'gu'];
    pattern = new RegExp(`(?<![${word}_-])${body}(?![${word}_]|[-.][${word}])`, flags);
    patterns.set(name, pattern);
  }
  return pattern;
}
const patterns = new Map<string, RegExp>();

const key = (name: string) => name.toLowerCase().replace(/[\s-]+/g, '');

/**
 * This row's names, less those that begin another name of a row sharing the text (`others`: their
 * catalogue names): "Qwen1.5" names Qwen1.5-7B as much as Qwen1.5-32B, "DeepSeek-R1" begins "DeepSeek-R1-Zero".
 */
export function ownNames(name: string, others: string[]): RegExp[] {
  return nameVariants(name)
    .filter((variant) => !others.some((other) => key(other).startsWith(key(variant))))
    .map(namePattern);
}

/** A name without its bracketed remark and its size ("Vicuna-7B-v1.5" → "Vicuna-v1.5", "Llama 3.2 1B" → "Llama 3.2"). */
const familyStem = (name: string) =>
  name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/[\s-]*(?<![\p{L}\p{N}.])\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?\s*[BMKT](?![\p{L}\p{N}])/iu, '')
    .trim();

/**
 * The family's name in a text other rows share, when every row carrying it has that name but for its
 * size ("Vicuna v1.5" for Vicuna-7B-v1.5 and Vicuna-13B-v1.5): the row's own name makes it a member.
 */
export function familyName(name: string, others: string[]): RegExp | null {
  const stem = familyStem(name);
  if (others.length === 0 || stem.length < 3 || !others.every((other) => key(familyStem(other)) === key(stem))) return null;
  return namePattern(stem);
}
