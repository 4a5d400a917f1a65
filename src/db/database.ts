import neo4j, { isRetriableError, type Driver, type QueryResult, type SessionConfig } from 'neo4j-driver';
import { traced } from '../tracing/tracing.js';
import { toNative } from './native.js';
import { enableTcpNoDelay } from './tcp-no-delay.js';
import { BUMP_VERSION, changedData, DataVersion, READ_VERSION, VERSION_POLL_MS } from './data-version.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** The error the service raises when Neo4j is unreachable, too slow or restarting. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string | undefined;
  database: string | undefined;
  /** Transaction timeout applied to every statement unless a scope sets a shorter one. */
  timeoutMs: number;
  maxPoolSize?: number;
}

/** Per-request view of the database: counts round trips and carries the request's deadline. */
export interface DbScope {
  read(cypher: string, params?: Params): Promise<Row[]>;
  /**
   * A read too large to gather (the whole graph, for the measures): each row goes to `onRow` as it
   * arrives, so no list of millions is held and no turn of the event loop converts more than a fetch's
   * worth. Not retried, since `onRow` has seen rows. Resolves with the number of rows.
   */
  each(cypher: string, params: Params, onRow: (row: Row) => void): Promise<number>;
  write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T>;
  readonly roundTrips: number;
  /** The data version this scope's last committed write advanced the graph to; undefined if none changed data. */
  readonly writtenVersion?: number;
}

/** What a repository that opens its own scopes (loading, measures) needs of the database. */
export type DatabaseScopes = Pick<Database, 'scope'>;

export interface WriteTx {
  run(cypher: string, params?: Params): Promise<Row[]>;
  /**
   * A statement to run last, in the same transaction, once the data version this transaction moves the
   * graph to is known: it gets it as `$version` (a string). Not run when the transaction changed nothing.
   */
  stampVersion(cypher: string, params?: Params): void;
}

const TRANSIENT_CODES = /^(ServiceUnavailable|SessionExpired|Neo\.TransientError\.|Neo\.ClientError\.Transaction\.TransactionTimedOut)/;

const READ_ATTEMPTS = 3;
const RETRY_DELAY_MS = 100;

function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return TRANSIENT_CODES.test(code) || /connect|timed out|terminated/i.test(String((error as Error)?.message ?? ''));
}

/** The only module that talks to the driver: sessions, transactions, timeouts, bookmarks, round trips. */
export class Database {
  readonly driver: Driver;
  private totalRoundTrips = 0;
  private openSessions = 0;
  /** The graph's data version as this process knows it: see data-version.ts. */
  readonly version = new DataVersion(VERSION_POLL_MS, async () => {
    // Briefly: a request waits for this answer, and a frozen Neo4j must not cost it a second deadline.
    const [row] = await this.scope({ background: true, timeoutMs: 500 }).read(READ_VERSION);
    return Number(row?.version ?? 0);
  });

  constructor(private readonly options: DatabaseOptions) {
    enableTcpNoDelay();
    const auth = options.password === undefined ? undefined : neo4j.auth.basic(options.user, options.password);
    this.driver = neo4j.driver(options.uri, auth, {
      maxConnectionPoolSize: options.maxPoolSize ?? 50,
      connectionAcquisitionTimeout: Math.min(options.timeoutMs, 10_000),
      connectionTimeout: 5_000,
      maxTransactionRetryTime: Math.min(options.timeoutMs, 5_000),
      // Counts and sizes here stay far below 2^53, so plain numbers are exact and cheaper to decode.
      disableLosslessIntegers: true,
    });
  }

  get roundTrips(): number {
    return this.totalRoundTrips;
  }

  get activeSessions(): number {
    return this.openSessions;
  }

  /** Resolves when the server answers a query, or rejects within timeoutMs. */
  async ping(timeoutMs = 3_000): Promise<void> {
    await this.withDeadline(this.driver.executeQuery('RETURN 1', {}, this.queryConfig('READ')), timeoutMs);
  }

  /**
   * One attempt, no retry (ping's executeQuery retries for seconds): resolves when the server takes
   * our credentials and database, else rejects with the driver's own error, so start-up can tell a
   * wrong password or database from a server that is still coming up.
   */
  async probe(timeoutMs: number): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await this.withDeadline(Promise.resolve(session.run('RETURN 1')), timeoutMs);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * A request's view of the database. Its deadline covers all its statements: Neo4j enforces it as
   * a transaction timeout, and the client enforces it too, since a frozen server enforces nothing.
   */
  scope(options: { timeoutMs?: number; metadata?: Params; background?: boolean } = {}): DbScope {
    let roundTrips = 0;
    let writtenVersion: number | undefined;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const deadline = Date.now() + timeoutMs;
    const txConfig = { timeout: timeoutMs, metadata: options.metadata ?? {} };
    const count = () => {
      roundTrips += 1;
      // The process's own bookkeeping (the data-version poll) is not a request's round trip.
      if (!options.background) this.totalRoundTrips += 1;
    };
    return {
      get roundTrips() {
        return roundTrips;
      },
      get writtenVersion() {
        return writtenVersion;
      },
      // A read is one auto-commit statement in a READ session: the driver routes it to a follower or
      // read replica like executeRead would, with the same bookmarks, timeout and metadata, but in one
      // Bolt exchange (RUN+PULL) instead of three (BEGIN, RUN+PULL, COMMIT). Reads are idempotent,
      // so the retry on transient failures that executeRead gives is done here, within the deadline.
      read: (cypher, params = {}) =>
        this.session('READ', deadline, async (session) => {
          for (let attempt = 1; ; attempt += 1) {
            try {
              count();
              return this.rows(
                await traced('READ', cypher, this.options.database, () => withoutCallerStack(() => session.run(cypher, params, txConfig))),
              );
            } catch (error) {
              const delayMs = RETRY_DELAY_MS * 2 ** (attempt - 1);
              if (attempt >= READ_ATTEMPTS || !isRetriableError(error) || Date.now() + delayMs >= deadline) throw error;
              await new Promise((resolve) => setTimeout(resolve, delayMs));
            }
          }
        }),
      each: (cypher, params, onRow) =>
        this.session('READ', deadline, async (session) => {
          count();
          return await traced('READ', cypher, this.options.database, () =>
            withoutCallerStack(
              () =>
                new Promise<number>((resolve, reject) => {
                  let rows = 0;
                  let failure: unknown;
                  session.run(cypher, params, txConfig).subscribe({
                    onNext: (record) => {
                      if (failure !== undefined) return;
                      rows += 1;
                      try {
                        onRow(rowOf(record));
                      } catch (error) {
                        // The rest of the rows are let through unseen: a session closed mid-stream waits on it.
                        failure = error;
                      }
                    },
                    onCompleted: () => (failure === undefined ? resolve(rows) : reject(failure)),
                    onError: reject,
                  });
                }),
            ),
          );
        }),
      // Every transaction that changed data advances the data version in the same transaction, so
      // caches keyed by it (the response cache, src/graphql/execution) can never outlive a committed write; this replica learns the
      // new version at commit, the others within VERSION_POLL_MS.
      write: async (work) => {
        const { result, version } = await this.session('WRITE', deadline, (session) =>
          session.executeWrite(async (tx) => {
            let changed = false;
            const stamps: Array<[string, Params]> = [];
            const run = async (cypher: string, params: Params = {}) => {
              count();
              const outcome = await traced('WRITE', cypher, this.options.database, () => withoutCallerStack(() => tx.run(cypher, params)));
              changed ||= changedData(outcome.summary.counters.updates());
              return outcome;
            };
            const result = await work({
              run: async (cypher, params) => this.rows(await run(cypher, params)),
              stampVersion: (cypher, params = {}) => void stamps.push([cypher, params]),
            });
            if (!changed) return { result, version: undefined };
            const [row] = this.rows(await run(BUMP_VERSION));
            const version = Number(row?.version);
            for (const [cypher, params] of stamps) await run(cypher, { ...params, version: String(version) });
            return { result, version };
          }, txConfig),
        );
        if (version !== undefined) this.version.advanceTo(version);
        writtenVersion = version;
        return result;
      },
    };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private rows(result: QueryResult): Row[] {
    return result.records.map(rowOf);
  }

  private async session<T>(
    mode: 'READ' | 'WRITE',
    deadline: number,
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new DatabaseUnavailableError('The request ran out of time before reaching the database.');
    const config: SessionConfig = {
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // One bookmark manager for the process: a read after a write sees it, even on a cluster follower.
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    };
    const session = this.driver.session(config);
    this.openSessions += 1;
    const running = work(session).finally(async () => {
      this.openSessions -= 1;
      // A failure to close after the work settled must not turn its result into an error.
      await session.close().catch(() => undefined);
    });
    try {
      // A little grace so Neo4j's own timeout, which reports more precisely, normally fires first.
      return await this.withDeadline(running, remaining + 500);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      if (isUnavailable(error)) throw new DatabaseUnavailableError(`The database is unavailable: ${(error as Error).message}`);
      throw error;
    }
  }

  private queryConfig(mode: 'READ' | 'WRITE') {
    return { database: this.options.database, routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE };
  }

  private async withDeadline<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        promise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new DatabaseUnavailableError(`The database did not answer within ${timeoutMs} ms.`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A record as plain JavaScript values, for reads gathered (rows) and streamed (each) alike. */
const rowOf = (record: QueryResult['records'][number]): Row => toNative(record.toObject()) as Row;

/** Integers for LIMIT and similar: JavaScript numbers would reach Cypher as floats. */
export const int = (value: number) => neo4j.int(value);

/**
 * The driver formats the caller's stack into every Result it creates, for the rare error it may carry:
 * a tenth of the service's CPU on a cheap read (bench/README.md, cpu-share). Its frames would name this
 * module; the log of an unexpected error names the request and the GraphQL field whose statement failed.
 */
function withoutCallerStack<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
