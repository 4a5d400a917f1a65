/**
 * A whole label read a page at a time, in id order: each page its own transaction, so the deadline
 * bounds a page rather than a read of two million nodes, and no transaction holds the whole result.
 */
import { type DbScope, int, type Row } from '../db/database.js';

/** Rows per page of the reads that list the whole graph. */
const PAGE = 50_000;

/**
 * `cypher` filters on `n.id > $after`, orders by `n.id` and ends with `LIMIT $limit`; `parse` turns a
 * row into a value whose id the next page starts after.
 */
export async function readAllById<T extends { id: string }>(db: DbScope, cypher: string, parse: (row: Row) => T): Promise<T[]> {
  const out: T[] = [];
  for (let after = ''; ; ) {
    const rows = await db.read(cypher, { after, limit: int(PAGE) });
    for (const row of rows) out.push(parse(row));
    if (rows.length < PAGE) return out;
    after = out[out.length - 1]!.id;
  }
}
