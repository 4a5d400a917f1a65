import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/documents/store.js';
import { diffTables } from '../../src/release/changelog.js';
import { formatTable, fromTables, toTables } from '../../src/release/tables.js';
import { loadDatasetOrThrow } from '../../src/seed/dataset.js';
import { toGraphRows } from '../../src/seed/graph-rows.js';
import { DEFAULT_SEED_DIR } from '../../src/seed/load.js';

const rows = toGraphRows(loadDatasetOrThrow(DEFAULT_SEED_DIR));
const tables = toTables(rows, documentText);
const texts = new Map(tables.map((t) => [t.file, formatTable(t)]));

describe('the release tables', () => {
  it('read back as the rows they were written from', () => {
    const back = fromTables((file) => texts.get(file) ?? null);
    expect(back.sources).toEqual(rows.sources.map((s) => ({ license: null, ...s, version: null, retrieved: null })));
    expect(back.entities).toEqual(rows.entities);
    expect(back.relationships).toEqual(rows.relationships);
    const withoutLocator = back.citations.map(({ locator: _locator, ...c }) => c);
    expect(withoutLocator).toEqual(rows.citations);
  });

  it('place every document quote by its lines and offsets', () => {
    const models = tables.find((t) => t.file === 'entities/models.csv')!;
    const gpt4 = models.rows.find((r) => r.id === 'gpt-4')!;
    const [first] = JSON.parse(gpt4.citations!) as Array<{
      source: string;
      quote: string;
      located: { line: number; start: number; end: number };
    }>;
    const text = documentText(rows.sources.find((s) => s.id === first!.source)!.file!)!;
    expect([...text].slice(first!.located.start, first!.located.end).join('')).toBe(first!.quote);
    expect(text.split('\n')[first!.located.line - 1]).toContain(first!.quote);
  });

  it('tell what was added, changed and removed between two releases, ignoring names kept for reading', () => {
    const before = tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r })) }));
    const after = tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r })) }));
    const models = after.find((t) => t.file === 'entities/models.csv')!;
    models.rows = models.rows.filter((r) => r.id !== 'gpt-2');
    models.rows.find((r) => r.id === 'gpt-4')!.description = 'Changed.';
    models.rows.push({ ...models.rows[0]!, id: 'new-model' });
    after.find((t) => t.file === 'relationships/uses.csv')!.rows[0]!.from_name = 'Renamed for reading only';
    expect(diffTables(before, after)).toEqual([
      { table: 'entities/models.csv', id: 'gpt-4', change: 'changed', columns: ['description'] },
      { table: 'entities/models.csv', id: 'new-model', change: 'added', columns: [] },
      { table: 'entities/models.csv', id: 'gpt-2', change: 'removed', columns: [] },
    ]);
  });
});
