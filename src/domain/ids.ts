import anyAscii from 'any-ascii';
import { ID_PATTERN } from './registry.js';

/** The longest id the write rules accept (write-rules.ts idRule). */
export const MAX_ID_LENGTH = 80;

/**
 * The one id rule every writer follows (seed curation, importers, migrations): an ASCII slug of the
 * name, lower case, words joined by single dashes ("GPT-3.5" -> "gpt-3-5", "TÜLU-V2-mix" ->
 * "tulu-v2-mix"). Letters outside ASCII are transliterated (any-ascii: "Wrocław" -> "wroclaw",
 * "月之暗面" -> "yuezhianmian"), so an id is always one the validators accept; the name itself, Chinese
 * or not, stays the name. A name that is pure ASCII gets the id the importer always gave it, so
 * existing ids stay as they were. Ids longer than MAX_ID_LENGTH are cut at a dash.
 */
export function idOf(name: string): string {
  const slug = anyAscii(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID_LENGTH) return slug || 'entity';
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_ID_LENGTH).replace(/-+$/, '');
}

/** True when an id follows the rule (ids written before the rule may not: a migration maps them). */
export const isValidId = (id: string): boolean => id.length <= MAX_ID_LENGTH && ID_PATTERN.test(id);

/** The id `base`, or `base-2`, `base-3`… : the first one `taken` does not hold (and within the length limit). */
export function freeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken(id)) return id;
  }
}
