import { TokenAuthenticator } from './auth/tokens.js';
import type { CatalogueName, Config } from './config/config.js';
import { DEFAULT_CATALOGUES } from './import/default-catalogues.js';
import { MeasuresService } from './analytics/measures.service.js';
import { DatabaseAvailability } from './db/availability.js';
import { type Database, DatabaseUnavailableError } from './db/database.js';
import { readiness } from './db/readiness.js';
import { RELATION_TYPES, RELATIONS, RelationType } from './domain/registry.js';
import { MeasuresRepository } from './repositories/measures.repository.js';
import { applyMigrations } from './db/migrations.js';
import { GraphqlExecutor } from './graphql/execution/executor.js';
import { createSchema } from './graphql/schema.js';
import { createHttpHandler, drain } from './http/server.js';
import { StartupGate } from './http/startup-gate.js';
import type { Logger } from './logging/logger.js';
import { Metrics } from './metrics/metrics.js';
import type { LocalNeo4j } from './neo4j-local/local-neo4j.js';
import { type Supervision, superviseLocalNeo4j } from './neo4j-local/supervisor.js';
import { SeedRepository } from './repositories/seed.repository.js';
import { migrateEntityIds, seedDatabase } from './seed/load.js';
import { connectToNeo4j } from './startup/connect.js';
import { startOtlpTracing, type Tracing } from './tracing/tracing.js';

export interface Service {
  url: string;
  database: Database;
  measures: MeasuresService;
  /** The embedded Neo4j's Java process now (it changes when the supervisor restarts it); undefined for NEO4J_URI. */
  neo4jPid(): number | undefined;
  stop(): Promise<void>;
}

const LINEAGE_TYPE = RelationType.DERIVED_FROM;

/** The graph behind the API: Neo4j connected (started when embedded), the graph loaded, the GraphQL executor ready. */
export interface GraphApi {
  database: Database;
  executor: GraphqlExecutor;
  metrics: Metrics;
  measures: MeasuresService;
  availability: DatabaseAvailability;
  neo4jPid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the HTTP server first (probes answer at once, with the phase), then the graph and the API
 * (startGraphApi), and opens the API last.
 */
export async function startService(config: Config, log: Logger): Promise<Service> {
  const gate = new StartupGate({ keepAliveMs: config.http.keepAliveTimeoutMs, headersMs: config.http.headersTimeoutMs });
  const url = await gate.listen(config.port, config.host);
  log.info({ url }, `listening on ${url}; /health answers, /ready says what the start is doing`);
  let api: GraphApi;
  try {
    api = await startGraphApi(config, log, (phase) => {
      gate.phase = phase;
    });
  } catch (error) {
    gate.server.close();
    throw error;
  }
  const { database, executor, metrics, availability } = api;
  // Last, with nothing awaited after it: once /ready answers 200, main.ts already listens for SIGTERM.
  gate.open(
    createHttpHandler({
      executor,
      readiness: () => readiness(database, availability),
      availability: () => availability.now,
      metrics,
      log,
      cors: config.cors,
    }),
  );
  log.info(
    { explorer: `${url}/`, playground: `${url}/graphql`, api: `${url}/graphql`, mcp: `${url}/mcp` },
    `service ready: explorer ${url}/ · playground ${url}/graphql (in a browser) · API POST ${url}/graphql · MCP ${url}/mcp`,
  );

  return {
    url,
    database,
    measures: api.measures,
    neo4jPid: api.neo4jPid,
    stop: async () => {
      // No new requests; those in flight finish first.
      await drain(gate.server);
      await api.stop();
    },
  };
}

/**
 * The embedded Neo4j when NEO4J_URI is unset, the driver, the first load if the graph is not
 * complete, the GraphQL executor and the measures; `onPhase` hears what it is doing. The service
 * serves it over HTTP; `npm run mcp` over stdio.
 */
export async function startGraphApi(config: Config, log: Logger, onPhase: (phase: string) => void = () => {}): Promise<GraphApi> {
  const availability = new DatabaseAvailability();
  let local: Supervision<LocalNeo4j> | undefined;
  let database: Database | undefined;
  let tracing: Tracing | undefined;
  try {
    // Only when asked for: an untraced service registers nothing (see src/tracing).
    if (config.otlpEndpoint !== undefined) tracing = await startOtlpTracing();
    let uri = config.neo4j.uri;
    let password = config.neo4j.password;
    if (uri === undefined) {
      onPhase('starting Neo4j');
      log.info(
        { port: config.neo4j.localPort, data: config.neo4j.localData },
        `starting the embedded Neo4j (store in ${config.neo4j.localData})`,
      );
      local = await superviseLocalNeo4j(
        {
          dataDir: config.neo4j.localData,
          port: config.neo4j.localPort,
          heapMb: config.neo4j.localHeapMb,
          pageCacheMb: config.neo4j.localPageCacheMb,
          onProgress: (message) => log.info(message),
        },
        { availability, log },
      );
      ({ uri, password } = local.current);
      log.info({ uri, reused: !local.current.owned }, `embedded Neo4j is up at ${uri}`);
    }
    onPhase('connecting to Neo4j');
    const target = { ...config.neo4j, uri, password, timeoutMs: config.requestTimeoutMs };
    database = await connectToNeo4j(target, log, local ? `the password in ${config.neo4j.localData}` : 'NEO4J_PASSWORD');
    await prepareGraph(database, config.defaultCatalogues, onPhase, log);

    onPhase('building the API');
    const metrics = new Metrics(database);
    const executor = await GraphqlExecutor.start({
      schema: await createSchema(),
      database,
      log,
      metrics,
      auth: new TokenAuthenticator(config.apiTokens),
      readsRequireToken: config.readsRequireToken,
      requestTimeoutMs: config.requestTimeoutMs,
      debugErrors: config.debugErrors,
      cacheMaxAgeS: config.cacheMaxAgeS,
      responseCacheMb: config.responseCacheMb,
      trustedDocuments: config.trustedDocuments,
      availability,
    });
    const db = database;
    const measuresRepository = new MeasuresRepository(db);
    const measures = new MeasuresService(
      measuresRepository,
      {
        currentVersion: async () => String(await db.version.current()),
        lineageType: LINEAGE_TYPE,
        symmetricTypes: new Set(RELATION_TYPES.filter((type) => RELATIONS[type].bothField !== undefined)),
        pollMs: config.measures.pollMs,
        quietMs: config.measures.quietMs,
        connection: target,
      },
      log,
    );
    if (config.measures.enabled) await measures.start();
    return {
      database: db,
      executor,
      metrics,
      measures,
      availability,
      neo4jPid: () => local?.current.pid,
      stop: async () => {
        await executor.stop();
        await measures.stop();
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

/**
 * The first load, or the rest of one that was cut short: the documents, then the default catalogues
 * (DEFAULT_CATALOGUES), and the completion marker last. A graph that has the marker is never loaded
 * again, whatever DEFAULT_CATALOGUES says now: a catalogue is added to it with `npm run import`.
 */
async function loadIfIncomplete(
  database: Database,
  catalogues: CatalogueName[],
  onPhase: (phase: string) => void,
  log: Logger,
): Promise<void> {
  const seeds = new SeedRepository(database);
  if (await seeds.isSeeded()) {
    await applyMigrations(database);
    await migrateEntityIds(database, log);
    return;
  }
  const resuming = !(await seeds.isEmpty());
  const what = ['the documents', ...catalogues.map((name) => DEFAULT_CATALOGUES[name].title)].join(' and ');
  onPhase('loading the graph 0 %');
  log.info(resuming ? `the last load of the graph did not finish; loading ${what} again` : `the graph is empty; loading ${what}`);
  let lastLogged = -1;
  let batches = 0;
  // Applies the constraints and indexes first, as every load does.
  await seedDatabase(database, {
    catalogues,
    onProgress: ({ what, step, steps, done, total }) => {
      // Each step is an equal share of the bar: the catalogues' batch counts are known only once planned.
      const percent = Math.floor((100 * (step - 1 + done / total)) / steps);
      onPhase(`loading the graph ${percent} %`);
      if (percent >= lastLogged + 25 || done === total) {
        lastLogged = percent;
        log.info(`loading the graph: ${percent} % (${what})`);
      }
      batches += 1;
      // One line per committed batch, for whoever follows a load closely (tests cut a load at a chosen batch).
      log.debug({ phase: what, step, steps, done, total, batch: batches }, `load batch ${batches} committed (${what} ${done}/${total})`);
    },
    onCatalogue: (name, { plan, notWritten, before, after, quality }) =>
      log.info(
        {
          catalogue: name,
          rows: plan.rowsRead,
          selected: plan.recordsParsed,
          matched: plan.matched.length,
          created: plan.toCreate.length,
          ambiguous: plan.ambiguous.length,
          relationships: plan.relationships.length,
          claims: plan.claims.length,
          conflicts: plan.conflicts.length,
          skipped: plan.skipped.length,
          notWritten: notWritten.length,
          implausible: quality.flagged,
        },
        `loaded ${DEFAULT_CATALOGUES[name].title}: ${plan.recordsParsed} rows of ${plan.rowsRead}, ${plan.matched.length} matched, ` +
          `${plan.toCreate.length} created, ${plan.ambiguous.length} ambiguous, ${plan.conflicts.length} conflicts; ` +
          `models ${before.nodes.Model ?? 0} -> ${after.nodes.Model ?? 0}`,
      ),
  });
}

/**
 * loadIfIncomplete, asked again when Neo4j was too slow for a moment (a busy or just-thawed server):
 * every step of it is idempotent, so a retry resumes where it stopped.
 */
async function prepareGraph(database: Database, catalogues: CatalogueName[], onPhase: (phase: string) => void, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await loadIfIncomplete(database, catalogues, onPhase, log);
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
