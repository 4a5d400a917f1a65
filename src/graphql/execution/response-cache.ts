import { LRUCache } from 'lru-cache';

/** A stored answer: the exact bytes sent, and the headers that do not vary per request. */
export interface CachedResponse {
  body: Buffer;
  headers: Record<string, string>;
}

// Bookkeeping per entry besides its key and body (the entry object, its headers, the LRU's slots).
const ENTRY_OVERHEAD_BYTES = 300;

/**
 * Complete GraphQL responses of successful queries, keyed by role and request text, valid for one
 * data version: the first request that brings a newer version empties the cache, and an answer
 * computed under an older version is never stored. Bounded in bytes (least recently used dropped).
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse> | undefined;
  private version = Number.NaN;

  constructor(maxBytes: number) {
    this.entries =
      maxBytes > 0
        ? new LRUCache<string, CachedResponse>({
            maxSize: maxBytes,
            sizeCalculation: (value, key) => value.body.length + key.length * 2 + ENTRY_OVERHEAD_BYTES,
          })
        : undefined;
  }

  get enabled(): boolean {
    return this.entries !== undefined;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }

  get(key: string, version: number): CachedResponse | undefined {
    return this.entries !== undefined && this.moveTo(version) ? this.entries.get(key) : undefined;
  }

  set(key: string, version: number, response: CachedResponse): void {
    if (this.entries !== undefined && this.moveTo(version)) this.entries.set(key, response);
  }

  /** Empties the cache for a newer version; false for an older one (its answers may predate a write). */
  private moveTo(version: number): boolean {
    if (version === this.version) return true;
    if (version < this.version) return false;
    this.entries?.clear();
    this.version = version;
    return true;
  }
}
