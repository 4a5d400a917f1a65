/** A problem the user fixes by installing something or changing config; the message is one sentence. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export function toolMissing(tool: string, install: string): LocalNeo4jError {
  return new LocalNeo4jError(
    `The embedded Neo4j needs ${tool}, which was not found on PATH: install ${install}, or set NEO4J_URI to use an existing Neo4j.`,
  );
}
