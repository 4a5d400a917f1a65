/**
 * The three systems under test, each started inside its own child process (bench/server.ts) so
 * the load generator never shares an event loop with a server:
 *  - ours: the service itself (startService) pointed at the bench Neo4j, LOG_LEVEL=silent;
 *  - raw:  a minimal node:http handler sending the scenario's hand-written Cypher as one auto-commit
 *          statement per request (the cheapest way the driver offers);
 *  - peer: @neo4j/graphql over the same graph, on the same Express 5 + Apollo Server 5 stack.
 * Each reports its Cypher round trips (and its RSS) to the parent over IPC.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { enableTcpNoDelay } from '../src/db/tcp-no-delay.js';
import { freePort } from './neo4j.js';
import { PEER_TYPEDEFS } from './peer-typedefs.js';
import { SCENARIO_BY_NAME } from './scenarios.js';

export type SystemName = 'ours' | 'cached' | 'raw' | 'peer';

export interface RunningSystem {
  /** Where requests go: GraphQL endpoint, or the raw handler's prefix (scenario name appended). */
  url: string;
  roundTrips(): number;
  stop(): Promise<void>;
}

/**
 * The service as `npm start` runs it: the build in dist/ (bench/child.ts builds it first when src/ changed), not
 * the sources through tsx, whose helpers (a name set on every closure created) cost ours a few percent per request.
 */
const built = async () => {
  const [{ loadConfig }, { createLogger }, { startService }] = await Promise.all([
    import(DIST_CONFIG) as Promise<typeof import('../src/config/config.js')>,
    import(DIST_LOGGER) as Promise<typeof import('../src/logging/logger.js')>,
    import(DIST_SERVICE) as Promise<typeof import('../src/service.js')>,
  ]);
  return { loadConfig, createLogger, startService };
};
const DIST_CONFIG = new URL('../dist/config/config.js', import.meta.url).href;
const DIST_LOGGER = new URL('../dist/logging/logger.js', import.meta.url).href;
const DIST_SERVICE = new URL('../dist/service.js', import.meta.url).href;

/** ours with the response cache off (RESPONSE_CACHE_MB=0), so every request reaches Neo4j; `cached` with it on. */
export async function startOurs(neo4jUri: string, cacheMb = 0): Promise<RunningSystem> {
  const port = await freePort();
  const { loadConfig, createLogger, startService } = await built();
  const config = loadConfig({
    NEO4J_URI: neo4jUri,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    RESPONSE_CACHE_MB: String(cacheMb),
    // The measures are recomputed once after a load and then only after writes, which the bench never
    // sends; left on, that one-off run would land in whichever scenario is measured first.
    // bench/results/measures-*.md times it on its own.
    MEASURES_ENABLED: 'false',
  });
  const service = await startService(config, createLogger('silent'));
  return { url: `${service.url}/graphql`, roundTrips: () => service.database.roundTrips, stop: () => service.stop() };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startRaw(neo4jUri: string): Promise<RunningSystem> {
  // Same socket setting as ours (src/db/tcp-no-delay.ts), so the comparison measures query handling, not Nagle.
  enableTcpNoDelay();
  const driver = neo4j.driver(neo4jUri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
  });
  let roundTrips = 0;
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const name = (req.url ?? '').replace(/^\/raw\//, '');
        const scenario = SCENARIO_BY_NAME.get(name);
        const body = JSON.parse(await readBody(req)) as { variables?: Record<string, unknown> };
        if (!scenario) throw new Error(`unknown scenario ${name}`);
        const variables = body.variables ?? {};
        roundTrips += 1;
        // The cheapest way to send one read: an auto-commit statement (RUN+PULL, no BEGIN/COMMIT).
        const session = driver.session({ defaultAccessMode: neo4j.session.READ });
        const result = await session
          .run(scenario.raw.cypher, scenario.raw.params ? scenario.raw.params(variables) : variables)
          .finally(() => session.close());
        const payload = JSON.stringify({ data: result.records.map((r) => r.toObject()) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
        res.end(payload);
      } catch (error) {
        const payload = JSON.stringify({ errors: [{ message: (error as Error).message }] });
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(payload);
      }
    })();
  });
  server.keepAliveTimeout = 60_000;
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/raw/`,
    roundTrips: () => roundTrips,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await driver.close();
    },
  };
}

/** A driver whose sessions count every statement they (or their transactions) run. */
function countingDriver(driver: Driver, count: () => void): Driver {
  const wrapTx = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'run' && typeof value === 'function') {
          return (...args: unknown[]) => {
            count();
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const fn = value as (...a: unknown[]) => unknown;
        if (prop === 'executeRead' || prop === 'executeWrite' || prop === 'readTransaction' || prop === 'writeTransaction') {
          return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
            fn.call(target, (tx: ManagedTransaction) => work(wrapTx(tx)), config);
        }
        if (prop === 'beginTransaction') return (...args: unknown[]) => wrapTx(fn.apply(target, args) as object);
        if (prop === 'run') {
          return (...args: unknown[]) => {
            count();
            return fn.apply(target, args);
          };
        }
        return fn.bind(target);
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'session' && typeof value === 'function') {
        return (...args: unknown[]) => wrapSession((value as (...a: unknown[]) => Session).apply(target, args));
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function startPeer(neo4jUri: string): Promise<RunningSystem> {
  enableTcpNoDelay();
  const driver = neo4j.driver(neo4jUri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? ''), { maxConnectionPoolSize: 50 });
  let roundTrips = 0;
  const counted = countingDriver(driver, () => {
    roundTrips += 1;
  });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPEDEFS, driver: counted }).getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema, introspection: false });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const port = await freePort();
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    roundTrips: () => roundTrips,
    stop: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await driver.close();
    },
  };
}

export const STARTERS: Record<SystemName, (uri: string) => Promise<RunningSystem>> = {
  ours: (uri) => startOurs(uri, 0),
  cached: (uri) => startOurs(uri, 64),
  raw: startRaw,
  peer: startPeer,
};
