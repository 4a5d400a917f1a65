import { inject } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { startService, type Service } from '../../src/service.js';

/** The whole service on an ephemeral port against the run's Neo4j (or the env given). */
export function startTestService(env: Record<string, string> = {}): Promise<Service> {
  // Measures are recomputed in the background only where a test asks for it: a run rewrites every node.
  // An empty store gets the documents only, unless a test asks for the catalogues (tests/default-graph.test.ts).
  const config = loadConfig({
    DEFAULT_CATALOGUES: 'none',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    LOG_LEVEL: 'silent',
    MEASURES_ENABLED: 'false',
    ...env,
  });
  if (env.PORT === undefined) config.port = 0;
  return startService(config, createLogger(config.logLevel));
}

export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
