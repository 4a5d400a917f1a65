/**
 * `npm run mcp`: the MCP server over stdio, for an assistant that starts it as a subprocess. It
 * starts or connects to the graph as `npm start` does (same configuration), serves no HTTP, and logs
 * to stderr only: stdout carries the protocol.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { createLogger } from '../logging/logger.js';
import { operationRunner } from '../mcp/run.js';
import { createMcpServer } from '../mcp/server.js';
import { SERVICE_VERSION } from '../mcp/version.js';
import { LocalNeo4jError } from '../neo4j-local/errors.js';
import { StartupError } from '../startup/startup-error.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
  process.exit(2);
}
const log = createLogger(config.logLevel, config.logFormat, 2);
const { startGraphApi } = await import('../service.js');
const api = await startGraphApi(config, log).catch((error: unknown) => {
  // A cause the user fixes is one sentence, without a stack trace.
  if (error instanceof LocalNeo4jError || error instanceof StartupError) console.error(error.message);
  else log.fatal({ err: error }, 'the MCP server could not start');
  process.exit(error instanceof LocalNeo4jError || error instanceof StartupError ? 3 : 1);
});

const server = createMcpServer(operationRunner(api.executor), SERVICE_VERSION, log);
let stopping = false;
const stop = (why: string) => {
  if (stopping) return;
  stopping = true;
  log.info(`MCP server stopping (${why})`);
  void server
    .close()
    .then(() => api.stop())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
// The client closing our stdin is the end of the session.
process.stdin.on('end', () => stop('stdin closed'));
await server.connect(new StdioServerTransport());
log.info('MCP server ready on stdio');
