/**
 * The alias table: every name a technique goes by, in English and Chinese. It is the seed's
 * (seed/techniques.json: name and aliases), the one place names live; this module only turns each
 * name into a matcher that finds it on word boundaries.
 */
export interface AliasEntry {
  /** The technique's id. */
  id: string;
  /** Its name and aliases. */
  names: string[];
}

export interface Mention {
  id: string;
  /** Offsets of the matched name in the sentence. */
  start: number;
  end: number;
}

interface Matcher {
  id: string;
  pattern: RegExp;
}

/** The table's names compiled: one matcher per name, and a quick test for text that may name any (most sentences name none). */
export interface CompiledAliases {
  matchers: Matcher[];
  mayName: (text: string) => boolean;
}

const CJK = /[\u3400-\u9fff]/;
/** A name with a capital inside a word (MoE, RLHF, GQA, RoPE, LoRA) is an acronym: matched in its own case. */
const ACRONYM = /[\p{L}\p{N}]\p{Lu}/u;
/**
 * What may join a name with a hyphen and keep it the name ("Transformer-based", "hybrid Transformer-Mamba"):
 * anything else makes another word ("Transformer-XL", "MoE-1.1T"), which is not the technique; so does any
 * word before a hyphen ("non-MoE", "MiniCPM-DPO").
 */
const SUFFIX_OK = /^-(?:based|style|decoder|encoder|layers?|blocks?|architectures?|models?|Mamba|attention)\b/i;
const PREFIX_BAD = /[\p{L}\p{N}]-$/u;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A letter as a class of both its cases ("[mM]"): case-blind without the i flag. */
const eitherCase = (c: string) => (c.toLowerCase() === c.toUpperCase() ? escapeRegExp(c) : `[${c.toLowerCase()}${c.toUpperCase()}]`);
/**
 * A name's words joined by a space, a hyphen or nothing ("pre-training" = "pretraining" = "pre training"),
 * each letter in either case when `caseBlind`; null when it has no words.
 */
export function flexibleName(name: string, caseBlind = false): string | null {
  const words = name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  const word = (w: string) => (caseBlind ? [...w].map(eitherCase).join('') : escapeRegExp(w));
  return words.length === 0 ? null : words.map(word).join('[\\s-]?');
}

/**
 * A name's pattern: words joined by a space or a hyphen match either or none ("pre-training",
 * "pretraining", "pre training"); a plural s is allowed; Latin names need word boundaries (ASCII ones:
 * the names are, and Unicode classes make every search slower); Chinese names, with no spaces to bound
 * them, match anywhere.
 */
function patternOf(name: string): RegExp | null {
  const body = flexibleName(name);
  if (body === null) return null;
  if (CJK.test(name)) return new RegExp(body, 'gu');
  return new RegExp(`(?<![A-Za-z0-9_])${body}(?:e?s)?(?![A-Za-z0-9_])`, ACRONYM.test(name) ? 'g' : 'gi');
}

export function compileAliases(table: AliasEntry[]): CompiledAliases {
  const matchers = table.flatMap((entry) =>
    entry.names.flatMap((name) => {
      const pattern = patternOf(name);
      return pattern === null ? [] : [{ id: entry.id, pattern }];
    }),
  );
  // Acronyms in their case, so "RL" is not looked for in "world".
  const names = table.flatMap((entry) => entry.names);
  const union = (list: string[], flags: string) => {
    const bodies = list.map((name) => flexibleName(name)).filter((body) => body !== null);
    return new RegExp(bodies.length === 0 ? '(?!)' : bodies.join('|'), flags);
  };
  const latin = names.filter((n) => !CJK.test(n));
  const acronyms = union(
    latin.filter((n) => ACRONYM.test(n)),
    '',
  );
  const words = union(
    latin.filter((n) => !ACRONYM.test(n)),
    'i',
  );
  const chinese = union(
    names.filter((n) => CJK.test(n)),
    'u',
  );
  return { matchers, mayName: (text) => acronyms.test(text) || words.test(text) || chinese.test(text) };
}

/**
 * Every place a sentence names a technique, in order, the longest name winning where
 * names overlap ("sparse mixture of experts" over "mixture of experts"). `compounds` keeps names
 * joined to other words by hyphens, as a model's own name joins them ("AWD-LSTM", "Transformer-XL").
 */
export function findMentions(sentence: string, aliases: CompiledAliases, options: { compounds?: boolean } = {}): Mention[] {
  if (!aliases.mayName(sentence)) return [];
  const found: Mention[] = [];
  for (const { id, pattern } of aliases.matchers) {
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!options.compounds && PREFIX_BAD.test(sentence.slice(Math.max(0, start - 8), start))) continue;
      if (!options.compounds && sentence[end] === '-' && !SUFFIX_OK.test(sentence.slice(end))) continue;
      found.push({ id, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const mention of found) if (!kept.some((k) => mention.start < k.end && k.start < mention.end)) kept.push(mention);
  return kept;
}
