import { describe, expect, it } from 'vitest';
import { type CorsConfig, type CorsRequest, corsDecision, PREFLIGHT_MAX_AGE_S } from '../../src/http/cors.js';

const LISTED: CorsConfig = { origins: ['http://localhost:5173'], anyOrigin: false };
const ANY: CorsConfig = { origins: ['http://localhost:5173'], anyOrigin: true };

const request = (origin: string | undefined, extra: Partial<CorsRequest> = {}): CorsRequest => ({
  method: 'POST',
  origin,
  requestMethod: undefined,
  requestHeaders: undefined,
  authorization: false,
  ...extra,
});
const preflight = (origin: string, requestHeaders = 'content-type', requestMethod = 'POST') =>
  request(origin, { method: 'OPTIONS', requestMethod, requestHeaders });

describe('the CORS policy (CORS_ORIGINS)', () => {
  it('grants a listed origin, with credentials, and says the answer varies by Origin', () => {
    expect(corsDecision(LISTED, request('http://localhost:5173', { authorization: true }))).toEqual({
      kind: 'request',
      headers: {
        vary: 'Origin',
        'access-control-allow-origin': 'http://localhost:5173',
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': 'x-request-id, x-graph-version, etag, retry-after, mcp-session-id',
      },
    });
  });

  it('grants nothing to an origin not on the list, and nothing when there is no Origin, but still varies by it', () => {
    expect(corsDecision(LISTED, request('http://evil.example'))).toEqual({ kind: 'request', headers: { vary: 'Origin' } });
    expect(corsDecision(LISTED, request(undefined))).toEqual({ kind: 'request', headers: { vary: 'Origin' } });
  });

  it('under * grants any origin anonymous reads only: no credentials header, and nothing to a request with Authorization', () => {
    const anonymous = corsDecision(ANY, request('https://notebook.example'));
    expect(anonymous.headers['access-control-allow-origin']).toBe('*');
    expect(anonymous.headers['access-control-allow-credentials']).toBeUndefined();
    expect(corsDecision(ANY, request('https://notebook.example', { authorization: true })).headers).toEqual({ vary: 'Origin' });
    // A listed origin keeps its credentials under * too.
    expect(corsDecision(ANY, request('http://localhost:5173', { authorization: true })).headers['access-control-allow-credentials']).toBe(
      'true',
    );
  });

  it("answers a listed origin's preflight with the methods, the headers Apollo's CSRF prevention needs, and a max age", () => {
    const decision = corsDecision(LISTED, preflight('http://localhost:5173', 'content-type, apollo-require-preflight, authorization'));
    expect(decision.kind).toBe('preflight');
    expect(decision.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST',
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
    });
    const allowed = decision.headers['access-control-allow-headers']!.split(', ');
    for (const name of ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'authorization'])
      expect(allowed).toContain(name);
    expect(decision.headers.vary).toMatch(/^Origin\b/);
  });

  it('refuses the preflight of an origin not on the list in one sentence naming CORS_ORIGINS', () => {
    const decision = corsDecision(LISTED, preflight('http://evil.example'));
    expect(decision).toMatchObject({
      kind: 'refused',
      message: 'The origin http://evil.example may not call this service from a browser: it is not in CORS_ORIGINS.',
    });
    expect(decision.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('under * answers an anonymous preflight without credentials or authorization, and refuses one asking to send Authorization', () => {
    const anonymous = corsDecision(ANY, preflight('https://notebook.example'));
    expect(anonymous.kind).toBe('preflight');
    expect(anonymous.headers['access-control-allow-origin']).toBe('*');
    expect(anonymous.headers['access-control-allow-credentials']).toBeUndefined();
    expect(anonymous.headers['access-control-allow-headers']).not.toContain('authorization');
    const credentialed = corsDecision(ANY, preflight('https://notebook.example', 'content-type, Authorization'));
    expect(credentialed).toMatchObject({ kind: 'refused', message: expect.stringMatching(/only without credentials.*CORS_ORIGINS/) });
  });

  it('refuses a preflight for a method the service does not answer', () => {
    expect(corsDecision(LISTED, preflight('http://localhost:5173', 'content-type', 'DELETE'))).toMatchObject({
      kind: 'refused',
      message: 'Access-Control-Request-Method DELETE is not allowed: this service answers GET and POST.',
    });
  });

  it('treats an OPTIONS without Access-Control-Request-Method as an ordinary request', () => {
    expect(corsDecision(LISTED, request('http://localhost:5173', { method: 'OPTIONS' })).kind).toBe('request');
  });
});
