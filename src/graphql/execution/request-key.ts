import type { GraphqlHttpRequest } from './http.js';
import { headerOf } from './http.js';

/**
 * The request headers Apollo's answer depends on: CSRF prevention (the content type, or one of its
 * two preflight headers), the rule that a GET carries no other content type, and the content type
 * chosen from Accept. Two requests that agree on these, on the method and on the rest of the request
 * get the same answer from Apollo, so the answer Apollo gave one can stand for the other: the
 * response cache and the prepared path key their entries by them instead of applying Apollo's rules
 * again. (Authorization is not among them: the role is part of the cache key, and the prepared path
 * runs resolvers, which check it, every time.)
 */
const APOLLO_READS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'];
// An absent header differs from an empty one (Apollo lets an empty content type through, not a missing one).
const ABSENT = '\u0001';

export function apolloInputs(request: GraphqlHttpRequest): string {
  let key = request.method;
  for (const name of APOLLO_READS) key += `\u0000${headerOf(request.headers, name) ?? ABSENT}`;
  return key;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * The body's fields but its variables, in a form that tells any two bodies apart (each key and each
 * string with its length, other values as JSON ended by a character JSON never leaves unescaped):
 * cheaper than JSON.stringify of a copy without them, which cost a tenth of the executor's own time.
 */
function withoutVariables(body: Record<string, unknown>): string {
  let operation = '';
  for (const key in body) {
    if (key === 'variables') continue;
    const value = body[key];
    operation +=
      typeof value === 'string' ? `${key.length}:${key}${value.length}:${value}` : `${key.length}:${key}=${JSON.stringify(value)}\u0000`;
  }
  return operation;
}

/**
 * A request split into what names its operation (everything but the variables) and its variables,
 * or null when its variables are not an object (Apollo refuses those, and answers them itself).
 */
export function splitVariables(request: GraphqlHttpRequest): { operation: string; variables: Record<string, unknown> } | null {
  if (request.method === 'POST') {
    const body = request.body;
    if (!isRecord(body)) return null;
    const { variables } = body;
    if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
    return { operation: withoutVariables(body), variables: variables ?? {} };
  }
  if (request.method !== 'GET') return null;
  const others: Array<[string, string]> = [];
  let text: string | undefined;
  for (const [name, value] of new URLSearchParams(request.search)) {
    if (name !== 'variables') others.push([name, value]);
    else if (text !== undefined) return null;
    else text = value;
  }
  const operation = JSON.stringify(others);
  if (text === undefined) return { operation, variables: {} };
  try {
    const variables: unknown = JSON.parse(text);
    return isRecord(variables) ? { operation, variables } : null;
  } catch {
    return null;
  }
}
