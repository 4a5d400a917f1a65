import type { IncomingHttpHeaders } from 'node:http';
import type { GraphqlExecutor } from '../graphql/execution/executor.js';
import type { TypedDocumentString } from './generated/graphql.js';

/** A refusal the assistant reads as it is: one sentence, no stack. */
export class ToolError extends Error {
  override name = 'ToolError';
}

/** Runs one of the tools' GraphQL documents and gives its data, or throws a ToolError with the API's own words. */
export type RunOperation = <Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables) => Promise<Result>;

interface GraphqlBody<Result> {
  data?: Result | null;
  errors?: Array<{ message: string }>;
}

async function textOf(body: Buffer | AsyncIterable<string>): Promise<string> {
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  let text = '';
  for await (const chunk of body) text += chunk;
  return text;
}

const operationName = (query: string): string | undefined => /^\s*query\s+(\w+)/m.exec(query)?.[1];

/**
 * The request body: the document by its trusted id (the manifest holds its text, so it runs under
 * TRUSTED_DOCUMENTS=only too, and the cache keys stay short), as the explorer sends its own.
 */
function requestBody(document: TypedDocumentString<unknown, unknown>, variables: unknown): string {
  const hash = String(document.__meta__?.hash ?? '').replace(/^sha256:/, '');
  const persistedQuery = { version: 1, sha256Hash: hash };
  return JSON.stringify({ operationName: operationName(document.toString()), variables, extensions: { persistedQuery } });
}

/**
 * Tools run as GraphQL operations through the service's one executor, as a client's POST /graphql
 * would (src/graphql/execution): the caller's Authorization decides the role, and the complexity
 * budget, caps, deadline, caches and error wording are the API's. `caller` holds the headers of the
 * MCP request over HTTP; none over stdio (an anonymous reader).
 */
export function operationRunner(executor: GraphqlExecutor, caller: IncomingHttpHeaders = {}): RunOperation {
  return async <Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> => {
    const text = requestBody(document as TypedDocumentString<unknown, unknown>, variables);
    const headers: IncomingHttpHeaders = { 'content-type': 'application/json', accept: 'application/json' };
    if (caller.authorization !== undefined) headers.authorization = caller.authorization;
    if (typeof caller['x-request-id'] === 'string') headers['x-request-id'] = caller['x-request-id'];
    const response = await executor.execute({ method: 'POST', headers, search: '', body: JSON.parse(text), text });
    const answer = JSON.parse(await textOf(response.body)) as GraphqlBody<Result>;
    const error = answer.errors?.[0];
    if (error !== undefined) throw new ToolError(error.message);
    if (answer.data == null) throw new ToolError(`The service answered ${response.status} without data.`);
    return answer.data;
  };
}
