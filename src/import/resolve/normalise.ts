/**
 * Name keys for matching: two names with the same key are spellings of one name.
 * "Llama 2-70B", "Llama-2-70B" and "LLaMA 2 70B" all become "llama 2 70b"; "Qwen2.5-Coder (32B)"
 * and "Qwen 2.5 Coder 32B" become "qwen 2.5 coder 32b"; "Google Deepmind" and "Google DeepMind" agree.
 */
export function nameKey(name: string): string {
  return (
    name
      .normalize('NFKC')
      .toLowerCase()
      // A letter followed by a digit starts a new token ("qwen2.5" = "qwen 2.5"); a digit followed by
      // a letter does not, so sizes and suffixes stay whole ("70b", "4o").
      .replace(/(\p{L})(?=\p{N})/gu, '$1 ')
      // Dots inside numbers are versions ("3.1"); every other separator, bracket or symbol splits.
      .replace(/(?<!\p{N})\.|\.(?!\p{N})/gu, ' ')
      .replace(/[^\p{L}\p{N}.]+/gu, ' ')
      .trim()
  );
}

/** An id in the seed's style: lower case, words joined by hyphens ("GPT-3.5" -> "gpt-3-5", "Baichuan2-13B" -> "baichuan2-13b"). */
export function slugOf(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
