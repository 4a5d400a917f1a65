import type { IncomingHttpHeaders } from 'node:http';

/** A GraphQL request as the HTTP layer read it: method, headers, query string and parsed body. */
export interface GraphqlHttpRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** The query string with its '?', or ''. */
  search: string;
  /** A POST's parsed JSON body; undefined for a GET, or a body that is not JSON. */
  body: unknown;
  /** What identifies the request for caching: the POST body's text, or the GET query string. */
  text: string;
}

/** The answer to send, as it is: the HTTP layer writes it without reading it. */
export interface GraphqlHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | AsyncIterable<string>;
}

/** The first value of a header, as Apollo reads it. */
export const headerOf = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};
