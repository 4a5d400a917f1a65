import type { AddressInfo } from 'node:net';
import { TokenAuthenticator } from './auth/tokens.js';
import type { Config } from './config/config.js';
import { Database } from './db/database.js';
import { applyMigrations } from './db/migrations.js';
import { SeedRepository } from './repositories/seed.repository.js';
import { seedDatabase } from './seed/load.js';
import { createSchema } from './graphql/schema.js';
import { createHttpServer } from './http/server.js';
import type { Logger } from './logging/logger.js';
import { startLocalNeo4j, type LocalNeo4j } from './neo4j-local/local-neo4j.js';
import { startOtlpTracing, type Tracing } from './tracing/tracing.js';

export interface Service {
  url: string;
  database: Database;
  stop(): Promise<void>;
}

const STARTUP_ATTEMPTS = 8;

/** Waits for Neo4j with exponential backoff, so the API may start before its database. */
async function connectWithBackoff(database: Database, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await database.ping(5_000);
      return;
    } catch (error) {
      if (attempt >= STARTUP_ATTEMPTS) throw error;
      const delayMs = Math.min(500 * 2 ** (attempt - 1), 10_000);
      log.warn({ attempt, delayMs, reason: (error as Error).message }, 'Neo4j not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** Starts everything the service needs (local Neo4j when NEO4J_URI is unset) and the HTTP server. */
export async function startService(config: Config, log: Logger): Promise<Service> {
  let local: LocalNeo4j | undefined;
  let database: Database | undefined;
  let tracing: Tracing | undefined;
  try {
    // Only when asked for: an untraced service registers nothing (see src/tracing).
    if (config.otlpEndpoint !== undefined) tracing = await startOtlpTracing();
    let uri = config.neo4j.uri;
    if (uri === undefined) {
      log.info({ port: config.neo4j.localPort, data: config.neo4j.localData }, 'starting the embedded Neo4j');
      local = await startLocalNeo4j({ dataDir: config.neo4j.localData, port: config.neo4j.localPort });
      uri = local.uri;
      log.info({ uri, reused: !local.owned }, 'embedded Neo4j is up');
    }
    database = new Database({ ...config.neo4j, uri, timeoutMs: config.requestTimeoutMs });
    await connectWithBackoff(database, log);
    if (await new SeedRepository(database).isEmpty()) {
      log.info('the graph is empty; loading the seed data');
      // Applies the constraints and indexes first, as every load does.
      await seedDatabase(database);
    } else {
      await applyMigrations(database);
    }

    const { httpServer, apollo } = await createHttpServer({
      schema: await createSchema(),
      database,
      log,
      auth: new TokenAuthenticator(config.apiTokens),
      readsRequireToken: config.readsRequireToken,
      requestTimeoutMs: config.requestTimeoutMs,
      debugErrors: config.debugErrors,
      cacheMaxAgeS: config.cacheMaxAgeS,
      responseCacheMb: config.responseCacheMb,
      trustedDocuments: config.trustedDocuments,
    });
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
    const address = httpServer.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    log.info({ url: `${url}/graphql` }, 'service ready');

    const db = database;
    return {
      url,
      database: db,
      stop: async () => {
        // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
        await apollo.stop();
        await db.close();
        await local?.stop();
        await tracing?.shutdown();
      },
    };
  } catch (error) {
    await database?.close();
    await local?.stop();
    await tracing?.shutdown();
    throw error;
  }
}
