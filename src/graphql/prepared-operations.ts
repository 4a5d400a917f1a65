import type { DocumentNode, ExecutionResult, OperationDefinitionNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { inSpan } from '../tracing/tracing.js';

/** A query Apollo has parsed, validated, checked and run once, kept with its compiled form. */
export interface PreparedOperation {
  document: DocumentNode;
  /** The operation's own name, for metrics and logs (as Apollo reports it). */
  name: string | undefined;
  compiled: CompiledQuery;
}

/** Runs a compiled operation inside the `graphql.execute` span: the one way both paths execute. */
export const runCompiled = (compiled: CompiledQuery, name: string | undefined, context: object, variables: Record<string, unknown>) =>
  inSpan('graphql.execute', { 'graphql.operation.name': name ?? '' }, async () => compiled.query(undefined, context, variables));

// Enough for the explorer's and playground's operations many times over; each entry is one document.
const MAX_OPERATIONS = 500;
// Longer texts are left to Apollo, whose document cache is bounded by size.
const MAX_QUERY_CHARS = 16 * 1024;

const keyOf = (query: string, operationName: string | undefined) => `${operationName ?? ''}\u0000${query}`;

/**
 * The read operations the service has run, so that a repeated one can skip Apollo Server's request
 * pipeline (graphql-serve.ts). Only Apollo admits operations here: the jit executor remembers a query
 * once Apollo has parsed and validated it and its plugins let it run (trusted documents, complexity),
 * so every check that depends on the text alone has passed; what depends on the request (variables'
 * complexity, the caller, CSRF) is checked again on every use. Keyed by text and operation name
 * (a persisted query sent by hash is looked up by the text Apollo's store gives for it); least
 * recently used dropped first.
 */
export class PreparedOperations {
  private readonly byKey = new LRUCache<string, PreparedOperation>({ max: MAX_OPERATIONS });

  remember(
    request: { query?: string; operationName?: string },
    document: DocumentNode,
    operation: OperationDefinitionNode,
    compiled: CompiledQuery,
  ): void {
    const { query } = request;
    if (query === undefined || query.length > MAX_QUERY_CHARS || operation.operation !== 'query') return;
    const key = keyOf(query, request.operationName);
    if (!this.byKey.has(key)) this.byKey.set(key, { document, name: operation.name?.value, compiled });
  }

  find(query: string, operationName: string | undefined): PreparedOperation | undefined {
    return this.byKey.get(keyOf(query, operationName));
  }
}

// A symbol-keyed property, as in cache-state.ts: Apollo's copy of the context keeps it.
const STASHED = Symbol('preparedResult');
type Carrier = { [STASHED]?: ExecutionResult };

/**
 * A result the prepared path computed but does not answer itself (it has errors): the request goes
 * on through Apollo, whose executor takes this instead of running the operation again, so errors are
 * formatted, logged and given their status by Apollo's one path, and a read runs once.
 */
export const stashedResult = {
  put(context: object, result: ExecutionResult): void {
    (context as Carrier)[STASHED] = result;
  },
  take(context: object): ExecutionResult | undefined {
    const result = (context as Carrier)[STASHED];
    delete (context as Carrier)[STASHED];
    return result;
  },
};
