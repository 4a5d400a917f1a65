import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { Database } from '../db/database.js';
import { debugLogOf, explainFailedStart, fileSize, readSince } from './diagnose.js';
import { LocalNeo4jError, toolMissing } from './errors.js';
import { resolveClasspath } from './maven.js';
import { bulkImportCutShort, isAlive, readOrCreatePassword, readOwner, removeOwner, writeOwner } from './store-files.js';

export { LocalNeo4jError } from './errors.js';
export { LAUNCHER_DIR, resolveClasspath } from './maven.js';

const READY_LINE = /^neo4j-local ready (bolt:\/\/\S+)/m;
const PROGRESS_EVERY_MS = 5_000;
/** Lines of debug.log after which the database will not open, however long we wait. */
const FATAL_IN_DEBUG_LOG = / ERROR .*Failed to start DatabaseId|Transaction logs are missing and recovery is not possible/;
export const LOCAL_USER = 'neo4j';

// Neo4j 5 on Java 17 needs these; they are the flags its own neo4j script passes.
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
];

export interface LocalNeo4jOptions {
  dataDir: string;
  port: number;
  heapMb?: number;
  pageCacheMb?: number;
  startTimeoutMs?: number;
  /** Progress lines for a person waiting (Maven download, Neo4j's start). */
  onProgress?: (message: string) => void;
  /** `npm run neo4j`: a Neo4j others may reuse while it runs. */
  shared?: boolean;
  /** Short-lived tools (seed, export) may reuse the Neo4j of a running service; the service itself only a shared one. */
  reuseAny?: boolean;
  /** The bulk loader's own restart, before its fix-ups: the store's bulk-import marker is its own. */
  finishingBulkImport?: boolean;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  /** False when a Neo4j for the same data folder already served the port and we reused it. */
  owned: boolean;
  pid: number | undefined;
  /** Settles when the process ends (however it ends); never for a reused Neo4j, which is not ours to watch. */
  exited: Promise<NeoExit>;
  /** What the process printed last (at most 64 KB), for an account of why it ended. */
  recentOutput(): string;
  /** debug.log's size when this start began: what Neo4j wrote after it is this run's. */
  debugLogStart: number;
  stop(): Promise<void>;
}

/** How the Java process ended. */
export interface NeoExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Checks that java (17 or newer) is available. */
export function checkJava(javaCommand = 'java'): void {
  const result = spawnSync(javaCommand, ['-version'], { encoding: 'utf8' });
  if (result.error) throw toolMissing('Java 17 or newer', 'a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)');
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new LocalNeo4jError(
      `The embedded Neo4j needs Java 17 or newer but "${javaCommand} -version" reports ${major || 'an unknown version'}: install a JDK 17, or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Null when Bolt on the URI accepts the password, else the driver's reason. */
async function boltRefusal(uri: string, password: string): Promise<string | null> {
  const db = new Database({ uri, user: LOCAL_USER, password, database: undefined, timeoutMs: 3_000 });
  try {
    await db.ping(3_000);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await db.close().catch(() => undefined);
  }
}

/**
 * What to do about a listener already on the port: reuse it when it is the Neo4j of this data folder
 * (owner file, live process, Bolt and our password all agree) and its owner allows it, else refuse.
 */
async function reuseOrRefuse(options: LocalNeo4jOptions, dataDir: string, uri: string, password: string): Promise<LocalNeo4j | 'free'> {
  const { port } = options;
  let owner = readOwner(dataDir);
  // A service killed hard leaves its Neo4j shutting down by itself (its stdin closed): wait for it.
  if (owner?.port === port && !isAlive(owner.ownerPid) && isAlive(owner.javaPid)) {
    options.onProgress?.(`waiting for the embedded Neo4j left by a stopped process (pid ${owner.javaPid}) to shut down`);
    for (let waited = 0; waited < 60_000 && isAlive(owner.javaPid); waited += 250) await sleep(250);
    if (!(await portAnswers(port))) return 'free';
    owner = readOwner(dataDir);
  }
  const ours = owner?.port === port && isAlive(owner.javaPid);
  const refusal = ours ? await boltRefusal(uri, password) : 'no Neo4j of this data folder is running';
  if (!owner || refusal !== null) {
    throw new LocalNeo4jError(
      `Port ${port} (NEO4J_LOCAL_PORT) is already in use by something that is not the embedded Neo4j of ${dataDir} (${refusal}): stop it, or set NEO4J_LOCAL_PORT to a free port.`,
    );
  }
  if (!owner.shared && !options.reuseAny && isAlive(owner.ownerPid)) {
    throw new LocalNeo4jError(
      `The embedded Neo4j on port ${port} belongs to another running service (pid ${owner.ownerPid}) and stops with it: stop that service, or give this one its own NEO4J_LOCAL_PORT and NEO4J_LOCAL_DATA.`,
    );
  }
  return {
    uri,
    user: LOCAL_USER,
    password,
    owned: false,
    pid: undefined,
    exited: new Promise<NeoExit>(() => {}),
    recentOutput: () => '',
    debugLogStart: 0,
    stop: async () => {},
  };
}

/**
 * Starts Neo4j Community on 127.0.0.1:port with its store in dataDir and authentication on, or
 * reuses the one already started there for the same data folder, and resolves once Bolt answers.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const uri = `bolt://127.0.0.1:${options.port}`;
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!options.finishingBulkImport && bulkImportCutShort(dataDir))
    throw new LocalNeo4jError(
      `A bulk import into ${dataDir} was cut short and left the store half written; it began on an empty store, so delete ${dataDir} and run the import again.`,
    );
  const password = readOrCreatePassword(dataDir);
  if (await portAnswers(options.port)) {
    const reused = await reuseOrRefuse(options, dataDir, uri, password);
    if (reused !== 'free') return reused;
  }
  checkJava();
  const classpath = await resolveClasspath(options.onProgress);
  const debugLogStart = fileSize(debugLogOf(dataDir));

  const child = spawn(
    'java',
    [
      `-Xms${Math.min(256, options.heapMb ?? 768)}m`,
      `-Xmx${options.heapMb ?? 768}m`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      'dev.llmgraph.Neo4jLocal',
      dataDir,
      String(options.port),
      String(options.pageCacheMb ?? 128),
    ],
    // stdin stays a pipe: the launcher exits when it closes, so a crashed parent leaves no orphan.
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NEO4J_LOCAL_PASSWORD: password } },
  );

  const stop = async () => {
    removeOwner(dataDir, child.pid);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 30_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };

  let output = '';
  const started = Date.now();
  const startTimeoutMs = options.startTimeoutMs ?? 300_000;
  const progress = setInterval(
    () => options.onProgress?.(`starting Neo4j, ${Math.round((Date.now() - started) / 1000)} s so far`),
    PROGRESS_EVERY_MS,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        void stop();
        reject(
          new LocalNeo4jError(
            `The embedded Neo4j did not become ready within ${startTimeoutMs / 1000} s; its log is ${debugLogOf(dataDir)}.`,
          ),
        );
      }, startTimeoutMs);
      // A database that fails to open does not end the JVM (the DBMS keeps running without it), so
      // Neo4j's own log is watched for the failure that would otherwise only show as a time-out.
      const watchLog = setInterval(() => {
        const debugLog = readSince(debugLogOf(dataDir), debugLogStart);
        if (!FATAL_IN_DEBUG_LOG.test(debugLog)) return;
        clearTimeout(timer);
        clearInterval(watchLog);
        void stop();
        reject(new LocalNeo4jError(explainFailedStart({ dataDir, port: options.port, exitCode: null, output, debugLog })));
      }, 2_000);
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-64_000);
        if (READY_LINE.test(output)) {
          clearTimeout(timer);
          clearInterval(watchLog);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        clearInterval(watchLog);
        reject(new LocalNeo4jError(`The embedded Neo4j could not be started: ${error.message}.`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        clearInterval(watchLog);
        const debugLog = readSince(debugLogOf(dataDir), debugLogStart);
        reject(new LocalNeo4jError(explainFailedStart({ dataDir, port: options.port, exitCode: code, output, debugLog })));
      });
    });
  } finally {
    clearInterval(progress);
  }
  child.removeAllListeners('exit');
  const exited = new Promise<NeoExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // Keep draining its pipes so the JVM never blocks on a full buffer, keeping the tail for an account of its end.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-64_000);
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.removeAllListeners('data');
    stream?.on('data', keep);
  }
  writeOwner(dataDir, { port: options.port, javaPid: child.pid as number, ownerPid: process.pid, shared: options.shared ?? false });

  return { uri, user: LOCAL_USER, password, owned: true, pid: child.pid, exited, recentOutput: () => output, debugLogStart, stop };
}
