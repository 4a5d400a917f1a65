import { describe, expect, it } from 'vitest';
import type { GraphqlHttpRequest } from '../../src/graphql/execution/http.js';
import { apolloInputs, splitVariables } from '../../src/graphql/execution/request-key.js';

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): GraphqlHttpRequest => ({
  method: 'POST',
  headers,
  search: '',
  body,
  text: JSON.stringify(body),
});
const get = (search: string, headers: Record<string, string> = {}): GraphqlHttpRequest => ({
  method: 'GET',
  headers,
  search,
  body: undefined,
  text: search,
});

describe("the keys the fast paths repeat Apollo's answers by", () => {
  it('tell apart every header Apollo reads, an absent one from an empty one, and nothing else', () => {
    const base = apolloInputs(post({}));
    expect(apolloInputs(post({}, { 'content-type': 'application/json', 'x-request-id': 'a', authorization: 'Bearer b' }))).toBe(base);
    const variants: Array<Record<string, string>> = [
      {},
      { 'content-type': '' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      { 'content-type': 'application/json', 'x-apollo-operation-name': 'Q' },
    ];
    for (const headers of variants) expect(apolloInputs(post({}, headers)), JSON.stringify(headers)).not.toBe(base);
    expect(apolloInputs(get(''))).not.toBe(apolloInputs(post({}, {})));
  });

  it('split a POST into its operation and its variables, the same operation for any variables', () => {
    const a = splitVariables(post({ query: '{ a }', variables: { id: 1 } }));
    const b = splitVariables(post({ query: '{ a }', variables: { id: 2 } }));
    expect(a?.variables).toEqual({ id: 1 });
    expect(a?.operation).toBe(b?.operation);
    expect(splitVariables(post({ query: '{ a }' }))?.operation).toBe(a?.operation);
    expect(splitVariables(post({ query: '{ a }', variables: null }))?.variables).toEqual({});
  });

  it('never give two different operations one key', () => {
    const bodies = [
      { query: '{ a }' },
      { query: '{ a }', operationName: 'A' },
      { query: '{ a }1:x' },
      { query: '{ a }', extensions: { persistedQuery: { version: 1 } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      { query: '{ a }', operationName: null },
      { query: 1 },
      { query: '1' },
    ];
    const keys = bodies.map((body) => splitVariables(post(body))?.operation);
    expect(new Set(keys).size).toBe(bodies.length);
    const gets = ['?query=%7B%20a%20%7D', '?query=%7B%20a%20%7D&operationName=A', '?query=%7B%20a%20%7D%26operationName%3DA'];
    expect(new Set(gets.map((search) => splitVariables(get(search))?.operation)).size).toBe(gets.length);
  });

  it('leave to Apollo what it refuses: variables that are not an object, given twice, or not JSON', () => {
    expect(splitVariables(post({ query: '{ a }', variables: '{"id":1}' }))).toBeNull();
    expect(splitVariables(post({ query: '{ a }', variables: [1] }))).toBeNull();
    expect(splitVariables(post([{ query: '{ a }' }]))).toBeNull();
    expect(splitVariables(get('?query=x&variables=%7B%7D&variables=%7B%7D'))).toBeNull();
    expect(splitVariables(get('?query=x&variables=nope'))).toBeNull();
    expect(splitVariables(get('?query=x&variables=%7B%22id%22%3A1%7D'))?.variables).toEqual({ id: 1 });
  });
});
