/**
 * Texts several records carry word for word (a family's paper: Epoch gives GPT-3's eight sizes one
 * abstract). Such a text says "we" of the family, so it describes a member only where it names it.
 */
import type { TextRecord } from './extract.js';

/**
 * Copies of one abstract differ in line breaks ("DeepSeek-\nR1") and where the catalogue cut them off
 * (Ministral 3B and 8B): compared without spacing, over their first 300 characters.
 */
const normalise = (text: string) => text.replace(/\s+/g, '').toLowerCase().slice(0, 300);

/** For each text (in any field), the names of the records carrying it; `sharedWith` answers for one record. */
export function sharedTexts(records: TextRecord[]): (record: TextRecord) => (field: string, text: string) => string[] {
  const carriers = new Map<string, Set<TextRecord>>();
  for (const record of records)
    for (const text of Object.values(record.texts)) {
      const key = normalise(text);
      carriers.set(key, (carriers.get(key) ?? new Set()).add(record));
    }
  return (record) => (_field, text) =>
    [...(carriers.get(normalise(text)) ?? [])].filter((other) => other !== record).map((other) => other.name);
}
