import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './logging/logger.js';
import { LocalNeo4jError } from './neo4j-local/errors.js';
import { StartupError } from './startup/startup-error.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel, config.logFormat);
  // Loaded after the configuration is known to be good: GraphQL, Apollo and the driver take seconds
  // to load on a busy machine, and a typo in a variable should not wait for them.
  const { startService } = await import('./service.js');
  let service: Awaited<ReturnType<typeof startService>>;
  try {
    service = await startService(config, log);
  } catch (error) {
    // A cause the user fixes is one sentence, without a stack trace.
    if (error instanceof LocalNeo4jError || error instanceof StartupError) {
      console.error(error.message);
      process.exit(3);
    }
    log.fatal({ err: error }, 'the service could not start');
    process.exit(1);
  }
  const running = service;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
