import { loadConfig } from '../config/config.js';
import { LocalNeo4jError, startLocalNeo4j } from '../neo4j-local/local-neo4j.js';

// Runs only the embedded Neo4j (NEO4J_LOCAL_PORT, NEO4J_LOCAL_DATA) until Ctrl-C, for tools such as cypher-shell.
const { neo4j } = loadConfig();
try {
  const local = await startLocalNeo4j({ dataDir: neo4j.localData, port: neo4j.localPort });
  console.log(`Neo4j is listening on ${local.uri}${local.owned ? '' : ' (already running)'}; Ctrl-C stops it.`);
  const stop = () => void local.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof LocalNeo4jError)) throw error;
  console.error(error.message);
  process.exit(3);
}
