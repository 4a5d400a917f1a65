import { TokenAuthenticator } from './auth/tokens.js';
import type { Config } from './config/config.js';
import { type Database, DatabaseUnavailableError } from './db/database.js';
import { applyMigrations } from './db/migrations.js';
import { createSchema } from './graphql/schema.js';
import { createHttpServer } from './http/server.js';
import { StartupGate } from './http/startup-gate.js';
import type { Logger } from './logging/logger.js';
import { type LocalNeo4j, startLocalNeo4j } from './neo4j-local/local-neo4j.js';
import { SeedRepository } from './repositories/seed.repository.js';
import { seedDatabase } from './seed/load.js';
import { connectToNeo4j } from './startup/connect.js';

export interface Service {
  url: string;
  database: Database;
  stop(): Promise<void>;
}

/**
 * Test-only: the process kills itself (SIGKILL) after this many seed batches ("last": after the last
 * one, before the completion marker), to prove that a cut load is resumed by the next start.
 */
const KILL_AFTER_BATCH = process.env.LLM_GRAPH_TEST_KILL_AFTER_BATCH;

/**
 * Starts the HTTP server first (probes answer at once, with the phase), then the embedded Neo4j when
 * NEO4J_URI is unset, the driver, the first load if the graph is not complete, and the API.
 */
export async function startService(config: Config, log: Logger): Promise<Service> {
  const gate = new StartupGate();
  const url = await gate.listen(config.port, config.host);
  log.info({ url }, `listening on ${url}; /health answers, /ready says what the start is doing`);
  let local: LocalNeo4j | undefined;
  let database: Database | undefined;
  try {
    let uri = config.neo4j.uri;
    let password = config.neo4j.password;
    if (uri === undefined) {
      gate.phase = 'starting Neo4j';
      log.info(
        { port: config.neo4j.localPort, data: config.neo4j.localData },
        `starting the embedded Neo4j (store in ${config.neo4j.localData})`,
      );
      local = await startLocalNeo4j({
        dataDir: config.neo4j.localData,
        port: config.neo4j.localPort,
        onProgress: (message) => log.info(message),
      });
      ({ uri, password } = local);
      log.info({ uri, reused: !local.owned }, `embedded Neo4j is up at ${uri}`);
    }
    gate.phase = 'connecting to Neo4j';
    const target = { ...config.neo4j, uri, password, timeoutMs: config.requestTimeoutMs };
    database = await connectToNeo4j(target, log, local ? `the password in ${config.neo4j.localData}` : 'NEO4J_PASSWORD');
    await prepareGraph(database, gate, log);

    gate.phase = 'building the API';
    const { handler, apollo } = await createHttpServer({
      schema: await createSchema(),
      database,
      log,
      auth: new TokenAuthenticator(config.apiTokens),
      readsRequireToken: config.readsRequireToken,
      requestTimeoutMs: config.requestTimeoutMs,
      debugErrors: config.debugErrors,
      httpServer: gate.server,
    });
    gate.open(handler);
    log.info(
      { explorer: `${url}/`, playground: `${url}/graphql`, api: `${url}/graphql` },
      `service ready: explorer ${url}/ · playground ${url}/graphql (in a browser) · API POST ${url}/graphql`,
    );

    const db = database;
    return {
      url,
      database: db,
      stop: async () => {
        // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
        await apollo.stop();
        await db.close();
        await local?.stop();
      },
    };
  } catch (error) {
    gate.server.close();
    await database?.close();
    await local?.stop();
    throw error;
  }
}

/** The first load, or the rest of one that was cut short: the completion marker is written last. */
async function loadIfIncomplete(database: Database, gate: StartupGate, log: Logger): Promise<void> {
  const seeds = new SeedRepository(database);
  if (await seeds.isSeeded()) {
    await applyMigrations(database);
    return;
  }
  const resuming = !(await seeds.isEmpty());
  gate.phase = 'loading the graph 0 %';
  log.info(resuming ? 'the last load of the graph did not finish; loading it again' : 'the graph is empty; loading the seed data');
  let lastLogged = -1;
  // Applies the constraints and indexes first, as every load does.
  await seedDatabase(database, {
    onBatch: (done, total) => {
      const percent = Math.floor((100 * done) / total);
      gate.phase = `loading the graph ${percent} %`;
      if (percent >= lastLogged + 25 || done === total) {
        lastLogged = percent;
        log.info(`loading the graph: ${percent} %`);
      }
      if (KILL_AFTER_BATCH === String(done) || (KILL_AFTER_BATCH === 'last' && done === total)) process.kill(process.pid, 'SIGKILL');
    },
  });
}

/**
 * loadIfIncomplete, asked again when Neo4j was too slow for a moment (a busy or just-thawed server):
 * every step of it is idempotent, so a retry resumes where it stopped.
 */
async function prepareGraph(database: Database, gate: StartupGate, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await loadIfIncomplete(database, gate, log);
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError) || attempt >= 5) throw error;
      const delayMs = 1_000 * attempt;
      log.warn(
        { reason: error.message },
        `Neo4j was too slow while preparing the graph (${error.message}); trying again in ${delayMs / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
