import { ConfigError, loadConfig } from '../config/config.js';
import { Database } from '../db/database.js';
import { LocalNeo4jError, startLocalNeo4j } from '../neo4j-local/local-neo4j.js';

/** Runs a command-line task against NEO4J_URI, or the embedded Neo4j when it is unset. */
export async function withDatabase(task: (db: Database) => Promise<void>): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
    process.exit(2);
  }
  let local: Awaited<ReturnType<typeof startLocalNeo4j>> | undefined;
  try {
    local =
      config.neo4j.uri === undefined ? await startLocalNeo4j({ dataDir: config.neo4j.localData, port: config.neo4j.localPort }) : undefined;
  } catch (error) {
    if (!(error instanceof LocalNeo4jError)) throw error;
    console.error(error.message);
    process.exit(3);
  }
  const db = new Database({ ...config.neo4j, uri: config.neo4j.uri ?? (local?.uri as string), timeoutMs: config.requestTimeoutMs });
  try {
    await task(db);
  } finally {
    await db.close();
    await local?.stop();
  }
}
