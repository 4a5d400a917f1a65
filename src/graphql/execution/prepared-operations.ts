import type { DocumentNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { inSpan } from '../../tracing/tracing.js';

/** A query Apollo has parsed, validated, checked and run, kept with its compiled form. */
export interface PreparedOperation {
  document: DocumentNode;
  /** The operation's own name, for metrics and logs (as Apollo reports it). */
  name: string | undefined;
  /** The operation name the request gave (what the complexity check selects by). */
  operationName: string | undefined;
  compiled: CompiledQuery;
  /** The persisted query hash it was resolved from, when it was sent with one. */
  hash: string | undefined;
}

/** A prepared operation and how Apollo answered it: its response headers, bar those set per request. */
export interface PreparedEntry extends PreparedOperation {
  headers: Record<string, string>;
}

/** Runs a compiled operation inside the `graphql.execute` span: the one way both paths execute. */
export const runCompiled = (compiled: CompiledQuery, name: string | undefined, context: object, variables: Record<string, unknown>) =>
  inSpan('graphql.execute', { 'graphql.operation.name': name ?? '' }, async () => compiled.query(undefined, context, variables));

// Enough for the explorer's and playground's operations many times over; each entry is one document.
const MAX_OPERATIONS = 500;
// Longer texts are left to Apollo, whose document cache is bounded by size.
const MAX_QUERY_CHARS = 16 * 1024;

/** What the jit executor hands over about a query it ran: the operation, if it may be prepared. */
export function preparable(
  request: { query?: string; operationName?: string; extensions?: Record<string, unknown> },
  document: DocumentNode,
  operation: { operation: string; name?: { value: string } },
  compiled: CompiledQuery,
): PreparedOperation | undefined {
  if (request.query === undefined || request.query.length > MAX_QUERY_CHARS || operation.operation !== 'query') return undefined;
  const persisted = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  return {
    document,
    name: operation.name?.value,
    operationName: request.operationName,
    compiled,
    hash: typeof persisted === 'string' ? persisted : undefined,
  };
}

/**
 * The read operations Apollo has admitted and run, by the request that asked for them minus its
 * variables (requestKey in request-key.ts): a repeat of such a request differs from one Apollo
 * answered only in its variables, so everything Apollo checked that does not depend on them
 * (CSRF prevention, content negotiation, the body's shape, parsing, validation, trusted
 * documents) holds again, and it can run from its compiled form. Least recently used dropped.
 */
export class PreparedOperations {
  private readonly byKey = new LRUCache<string, PreparedEntry>({ max: MAX_OPERATIONS });

  remember(key: string, entry: PreparedEntry): void {
    if (!this.byKey.has(key)) this.byKey.set(key, entry);
  }

  find(key: string): PreparedEntry | undefined {
    return this.byKey.get(key);
  }
}
