/**
 * The graph's data version: one number in Neo4j, advanced in the same transaction by every write
 * that changed data (Database.scope().write), so a version names one state of the graph. It is a
 * timestamp in milliseconds, bumped by one when two writes fall in the same millisecond, so it
 * only grows, even across a reset or a restored backup (a plain counter restarting at 1 would
 * make old ETags match new data).
 */
export const VERSION_LABEL = 'GraphVersion';

/** How old this process's idea of the version may be before it asks Neo4j again. */
export const VERSION_POLL_MS = 1_000;

export const READ_VERSION = `OPTIONAL MATCH (v:${VERSION_LABEL} {id: 'graph'}) RETURN v.value AS version`;

// Taking the node's write lock (SET v.lock) before reading the value is Neo4j's documented way to
// avoid lost updates under concurrent increments.
export const BUMP_VERSION = `MERGE (v:${VERSION_LABEL} {id: 'graph'})
  SET v.lock = true
  WITH v
  SET v.value = CASE WHEN coalesce(v.value, 0) >= timestamp() THEN v.value + 1 ELSE timestamp() END
  REMOVE v.lock
  RETURN v.value AS version`;

/** Whether a statement's counters show a change to data (schema commands and no-op writes do not count). */
export function changedData(updates: Record<string, number>): boolean {
  return (
    (updates.nodesCreated ?? 0) +
      (updates.nodesDeleted ?? 0) +
      (updates.relationshipsCreated ?? 0) +
      (updates.relationshipsDeleted ?? 0) +
      (updates.propertiesSet ?? 0) +
      (updates.labelsAdded ?? 0) +
      (updates.labelsRemoved ?? 0) >
    0
  );
}

/**
 * This process's knowledge of the version. Reads ask Neo4j at most once per `pollMs` (measured from
 * when the question was sent, so a write committed anywhere is seen within `pollMs`); concurrent
 * requests share one question. A write through this process advances it at once.
 */
export class DataVersion {
  private value = 0;
  private askedAt = Number.NEGATIVE_INFINITY;
  private asking: Promise<number> | undefined;

  constructor(
    private readonly pollMs: number,
    private readonly fetch: () => Promise<number>,
  ) {}

  /** The last version this process learned, however old (for responses that did not read one first). */
  get known(): number {
    return this.value;
  }

  /** The version if it is known to be current, without waiting; undefined when it must be asked. */
  fresh(): number | undefined {
    return performance.now() - this.askedAt < this.pollMs ? this.value : undefined;
  }

  /** The current version, asking Neo4j when the last answer is older than pollMs. */
  current(): Promise<number> {
    const known = this.fresh();
    if (known !== undefined) return Promise.resolve(known);
    if (this.asking === undefined) {
      const askedAt = performance.now();
      this.asking = this.fetch()
        .then((fetched) => {
          this.value = Math.max(this.value, fetched);
          this.askedAt = Math.max(this.askedAt, askedAt);
          return this.value;
        })
        .finally(() => {
          this.asking = undefined;
        });
    }
    return this.asking;
  }

  /** Called when this process committed a write: its own next read must see it. */
  advanceTo(version: number): void {
    this.value = Math.max(this.value, version);
  }
}
