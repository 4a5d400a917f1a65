import path from 'node:path';
import { ConfigError, loadConfig } from '../config/config.js';
import { LocalNeo4jError, startLocalNeo4j } from '../neo4j-local/local-neo4j.js';
import { PASSWORD_FILE } from '../neo4j-local/store-files.js';

// Runs only the embedded Neo4j (NEO4J_LOCAL_PORT, NEO4J_LOCAL_DATA) until Ctrl-C, for tools such as
// cypher-shell; `npm start`, seed and export reuse it while it runs.
let neo4j: ReturnType<typeof loadConfig>['neo4j'];
try {
  ({ neo4j } = loadConfig());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
  process.exit(2);
}
try {
  const local = await startLocalNeo4j({
    dataDir: neo4j.localData,
    port: neo4j.localPort,
    heapMb: neo4j.localHeapMb,
    pageCacheMb: neo4j.localPageCacheMb,
    shared: true,
    onProgress: (message) => console.log(message),
  });
  const passwordFile = path.join(path.resolve(neo4j.localData), PASSWORD_FILE);
  console.log(`Neo4j is listening on ${local.uri}${local.owned ? '' : ' (already running)'}; Ctrl-C stops it.`);
  console.log(`Connect as user ${local.user} with the password in ${passwordFile} (readable only by you), e.g.:`);
  console.log(`  cypher-shell -a ${local.uri} -u ${local.user} -p "$(cat '${passwordFile}')"`);
  const stop = () => void local.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof LocalNeo4jError)) throw error;
  console.error(error.message);
  process.exit(3);
}
