/**
 * What changed between two releases, table by table: rows added, changed (with the columns that
 * differ) and removed, keyed by id. Names repeated for readers (`from_name`, `to_name`) and the
 * computed places of quotes are not changes of the graph.
 */
import type { Table } from './tables.js';

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface Change {
  /** The table's file, e.g. entities/models.csv. */
  table: string;
  id: string;
  change: ChangeKind;
  /** For a changed row: the columns that differ. */
  columns: string[];
}

const IGNORED = new Set(['from_name', 'to_name']);

/** A cell as compared: JSON arrays of citations without their computed `located` places. */
function comparable(column: string, value: string): string {
  if ((column !== 'citations' && column !== 'claims') || value === '') return value;
  const list = JSON.parse(value) as Array<Record<string, unknown>>;
  return JSON.stringify(list.map(({ located: _located, ...rest }) => rest));
}

export function diffTables(previous: Table[], current: Table[]): Change[] {
  const changes: Change[] = [];
  const before = new Map(previous.map((t) => [t.file, t]));
  for (const table of current) {
    const old = new Map((before.get(table.file)?.rows ?? []).map((row) => [row.id!, row]));
    const seen = new Set<string>();
    for (const row of table.rows) {
      const id = row.id!;
      seen.add(id);
      const was = old.get(id);
      if (was === undefined) {
        changes.push({ table: table.file, id, change: 'added', columns: [] });
        continue;
      }
      const columns = table.columns.filter((c) => !IGNORED.has(c) && comparable(c, row[c] ?? '') !== comparable(c, was[c] ?? ''));
      if (columns.length > 0) changes.push({ table: table.file, id, change: 'changed', columns });
    }
    for (const id of old.keys()) if (!seen.has(id)) changes.push({ table: table.file, id, change: 'removed', columns: [] });
  }
  for (const [file, table] of before)
    if (!current.some((t) => t.file === file))
      for (const row of table.rows) changes.push({ table: file, id: row.id!, change: 'removed', columns: [] });
  return changes;
}

/** Counts per table and kind of change, tables in the order given. */
export function summarise(changes: Change[], tables: string[]): Array<{ table: string } & Record<ChangeKind, number>> {
  return tables.map((table) => {
    const mine = changes.filter((c) => c.table === table);
    const count = (kind: ChangeKind) => mine.filter((c) => c.change === kind).length;
    return { table, added: count('added'), changed: count('changed'), removed: count('removed') };
  });
}
