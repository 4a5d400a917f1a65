/**
 * What a model's name says about it: the size it advertises ("Llama 2-7B", "Mixtral 8x7B") and the
 * version of its line ("o3-mini" is version 3 of OpenAI's o line, "Qwen2.5-72B" 2.5 of Qwen).
 */

const UNIT: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * A size token: a number with K/M/B/T, optionally "8x" in front (a mixture of experts), not glued to a
 * letter before it ("A2.7B" is Qwen-MoE's active size) or after it, and not a count of tokens or words
 * ("3T token checkpoint", "RNN for 1B words").
 */
const SIZE = /(?<![a-z0-9.])(?:(\d+)\s*[x×]\s*)?(\d+(?:\.\d+)?)\s*([kmbt])(?![a-z0-9])(?!\s*(?:tokens?|words?|characters?|samples?)\b)/i;

/** The range of parameter counts the name's first size token allows: 7B is 7e9; 8x7B is 7e9 to 5.6e10. */
export interface NamedSize {
  text: string;
  low: number;
  high: number;
}

export function sizeInName(name: string): NamedSize | null {
  const match = SIZE.exec(name);
  if (!match) return null;
  const [text, experts, number, unit] = match as unknown as [string, string | undefined, string, string];
  const size = Number(number) * (UNIT[unit.toLowerCase()] as number);
  return { text: text.trim(), low: size, high: size * (experts === undefined ? 1 : Number(experts)) };
}

/**
 * A line and its version, from the start of a name: "GPT-3.5 Turbo" is gpt 3.5, "o3-mini" is o 3,
 * "DeepSeek-V3" is deepseek-v 3. A number that is a size (7B), a mixture (8x7B) or a date-like build
 * ("v24.09", ten or more) is no version.
 */
const VERSION = /^(?<stem>[a-z]+(?:[ -][a-z]+)*?)[ -]?(?<version>\d+(?:\.\d+)?)(?![\d.]|\s*[kmbt](?![a-z])|\s*[x×]\s*\d)/i;

export interface NamedVersion {
  line: string;
  version: number;
}

/** A Hugging Face repo id: its author ("user1/…") is no line; the repo's own name is read. */
const REPO_ID = /^[^\s/]+\/(?<repo>[^\s/]+)$/;

export function versionInName(name: string): NamedVersion | null {
  const own = name.trim();
  const match = VERSION.exec(REPO_ID.exec(own)?.groups?.repo ?? own);
  const stem = match?.groups?.stem;
  const version = Number(match?.groups?.version);
  if (stem === undefined || !(version < 10)) return null;
  // One-letter lines are told apart by case ("o1" is OpenAI's, "S4" is not the "s1" line); longer ones are not ("LLaMA 2", "Llama 3").
  const line = stem.length === 1 ? stem : stem.toLowerCase().replace(/[ -]+/g, ' ');
  return { line, version };
}
