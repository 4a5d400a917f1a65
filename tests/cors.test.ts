import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

// CORS over real HTTP: preflights answered before Apollo's CSRF check, and every answer — cached,
// prepared or fresh — granted per request origin.

const LISTED = 'http://localhost:5173';
const OTHER = 'http://evil.example';
let service: Service;
let open: Service;

beforeAll(async () => {
  service = await startTestService({ CORS_ORIGINS: LISTED, API_TOKENS });
  open = await startTestService({ CORS_ORIGINS: `*,${LISTED}` });
});
afterAll(async () => {
  await service?.stop();
  await open?.stop();
});

const preflight = (url: string, origin: string, headers = 'content-type') =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });

const post = (url: string, origin: string | undefined, query: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}), ...headers },
    body: JSON.stringify({ query }),
  });

async function cacheHits(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/graphql_response_cache_total\{outcome="hit"\} (\d+)/.exec(text)?.[1] ?? 0);
}

describe('CORS on /graphql', () => {
  it("answers a listed origin's preflight 204 before the CSRF check, with the headers Apollo's CSRF prevention needs", async () => {
    const response = await preflight(`${service.url}/graphql`, LISTED, 'content-type, apollo-require-preflight, authorization');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toMatch(
      /apollo-require-preflight.*x-apollo-operation-name.*authorization/,
    );
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it("refuses an unlisted origin's preflight with 403 and one sentence", async () => {
    const response = await preflight(`${service.url}/graphql`, OTHER);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toBe(`The origin ${OTHER} may not call this service from a browser: it is not in CORS_ORIGINS.`);
  });

  it('grants each request by its own origin, the cached answers too, and always says Vary: Origin', async () => {
    const query = '{ model(id: "gpt-4") { name } }';
    const first = await post(service.url, LISTED, query);
    expect(first.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(first.headers.get('vary')).toBe('Origin');
    const hitsBefore = await cacheHits(service.url);
    const stranger = await post(service.url, OTHER, query);
    const none = await post(service.url, undefined, query);
    const again = await post(service.url, LISTED, query);
    // The last three were answered from the response cache: the same bytes, with headers per origin.
    expect(await cacheHits(service.url)).toBe(hitsBefore + 3);
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(stranger.headers.get('vary')).toBe('Origin');
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    expect(again.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(await again.json()).toEqual(await first.json());
  });

  it('keeps the grant and Vary on a 304 of a GET', async () => {
    const url = `${service.url}/graphql?query=${encodeURIComponent('{ model(id: "gpt-3") { name } }')}`;
    const headers = { origin: LISTED, 'apollo-require-preflight': 'true' };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag')!;
    const revalidated = await fetch(url, { headers: { ...headers, 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(revalidated.headers.get('vary')).toBe('Origin');
  });
});

describe('CORS with * (anonymous reads only)', () => {
  it('grants any origin anonymous reads without credentials', async () => {
    const response = await post(open.url, OTHER, '{ model(id: "gpt-4") { name } }');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives no grant to a request with Authorization from an unlisted origin, and refuses its preflight', async () => {
    const response = await post(open.url, OTHER, '{ model(id: "gpt-4") { name } }', bearer(EDITOR_TOKEN));
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(`${open.url}/graphql`, OTHER, 'content-type, authorization')).status).toBe(403);
    // A listed origin still may send credentials.
    const listed = await preflight(`${open.url}/graphql`, LISTED, 'content-type, authorization');
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
  });
});

describe('CORS on /mcp and /documents', () => {
  it('answers the MCP endpoint cross-origin for a listed origin', async () => {
    expect((await preflight(`${service.url}/mcp`, LISTED, 'content-type, mcp-protocol-version')).status).toBe(204);
    const response = await fetch(`${service.url}/mcp`, {
      method: 'POST',
      headers: { origin: LISTED, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'cors-test', version: '1' } },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(((await response.json()) as { result: { serverInfo: { name: string } } }).result.serverInfo.name).toBe('llm-knowledge-graph');
  });

  it('serves the source documents cross-origin, and not the probes', async () => {
    const documents = await fetch(`${service.url}/documents/`, { headers: { origin: LISTED } });
    expect(documents.headers.get('access-control-allow-origin')).toBe(LISTED);
    const health = await fetch(`${service.url}/health`, { headers: { origin: LISTED } });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });
});
