/**
 * Whether a result is self-reported, where the catalogue does not say: it is when its source link is on
 * the developer's own site (a host label is a word of a developer's name: anthropic.com for Anthropic,
 * mistral.ai for Mistral AI), and measured by someone else otherwise. A rule, not a statement: the
 * citation's note says the value was inferred and how.
 */

/** Words too common to tell an organization's site ("ai", "research", "labs", "google" is kept: it is the name). */
const COMMON = new Set(['ai', 'the', 'inc', 'labs', 'lab', 'research', 'team', 'group', 'university', 'institute', 'technology']);

const wordsOf = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !COMMON.has(w));

export function inferSelfReported(url: string | undefined, developers: string[]): { selfReported: boolean; basis: string } {
  if (url === undefined) return { selfReported: false, basis: 'inferred: no source link names the developer' };
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return { selfReported: false, basis: 'inferred: the source link is no URL' };
  }
  const labels = host.split('.');
  const developer = developers.find((name) => {
    const squashed = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    return labels.includes(squashed) || wordsOf(name).some((word) => labels.includes(word));
  });
  return developer === undefined
    ? { selfReported: false, basis: `inferred: the source (${host}) is not the developer's site` }
    : { selfReported: true, basis: `inferred: the source (${host}) is ${developer}'s site` };
}
