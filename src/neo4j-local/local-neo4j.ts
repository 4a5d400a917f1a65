import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the Maven project of the Java launcher lives (same relative spot from src/ and dist/). */
export const LAUNCHER_DIR = fileURLToPath(new URL('../../tools/neo4j-local/', import.meta.url));
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, 'src', 'main', 'java', 'dev', 'llmgraph', 'Neo4jLocal.java');
const LAUNCHER_CLASS = path.join(LAUNCHER_DIR, 'target', 'classes', 'dev', 'llmgraph', 'Neo4jLocal.class');
const READY_LINE = /^neo4j-local ready (bolt:\/\/\S+)/m;

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

/** A problem the user fixes by installing something or changing config; the message is one sentence. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions {
  dataDir: string;
  port: number;
  heapMb?: number;
  pageCacheMb?: number;
  startTimeoutMs?: number;
  onLog?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  /** False when another process already served Bolt on the port and we reused it. */
  owned: boolean;
  pid: number | undefined;
  stop(): Promise<void>;
}

function toolMissing(tool: string, install: string): LocalNeo4jError {
  return new LocalNeo4jError(
    `The embedded Neo4j needs ${tool}, which was not found on PATH: install ${install}, or set NEO4J_URI to use an existing Neo4j.`,
  );
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

function isFresh(target: string, inputs: string[]): boolean {
  if (!existsSync(target)) return false;
  const built = statSync(target).mtimeMs;
  return inputs.every((input) => statSync(input).mtimeMs <= built);
}

/**
 * Compiles the launcher and resolves Neo4j's jars through Maven, once; later runs read the cached
 * classpath and need neither Maven nor the network.
 */
export function resolveClasspath(mvnCommand = 'mvn'): string {
  const inputs = [path.join(LAUNCHER_DIR, 'pom.xml'), LAUNCHER_SOURCE];
  if (!isFresh(CLASSPATH_FILE, inputs) || !isFresh(LAUNCHER_CLASS, inputs)) {
    const result = spawnSync(
      mvnCommand,
      ['-q', '-B', 'compile', 'dependency:build-classpath', '-Dmdep.includeScope=runtime', `-Dmdep.outputFile=${CLASSPATH_FILE}`],
      { cwd: LAUNCHER_DIR, encoding: 'utf8' },
    );
    if (result.error) throw toolMissing('Maven (mvn)', 'Maven 3.8+ (Debian: apt-get install maven)');
    if (result.status !== 0) {
      const tail = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-5).join(' ');
      throw new LocalNeo4jError(`Maven could not fetch Neo4j for the embedded database (is Maven Central reachable?): ${tail}`);
    }
  }
  return [path.join(LAUNCHER_DIR, 'target', 'classes'), readFileSync(CLASSPATH_FILE, 'utf8').trim()].join(path.delimiter);
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

/**
 * Starts Neo4j Community on 127.0.0.1:port with its store in dataDir, or reuses one already
 * listening there, and resolves once Bolt answers.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const uri = `bolt://127.0.0.1:${options.port}`;
  if (await portAnswers(options.port)) {
    return { uri, owned: false, pid: undefined, stop: async () => {} };
  }
  checkJava();
  const classpath = resolveClasspath();
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });

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
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 30_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };

  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new LocalNeo4jError(
          `The embedded Neo4j did not become ready within ${(options.startTimeoutMs ?? 120_000) / 1000} s; its log is in ${dataDir}/logs.`,
        ),
      );
    }, options.startTimeoutMs ?? 120_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) options.onLog?.(line.trim());
      if (READY_LINE.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`The embedded Neo4j could not be started: ${error.message}.`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const reason = output.trim().split('\n').filter(Boolean).slice(-3).join(' ');
      reject(
        new LocalNeo4jError(
          `The embedded Neo4j exited with code ${code} before it was ready (port ${options.port} busy or store locked?): ${reason}`,
        ),
      );
    });
  });
  child.removeAllListeners('exit');
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  // Keep draining its pipes so the JVM never blocks on a full buffer.
  child.stdout?.resume();
  child.stderr?.resume();

  return { uri, owned: true, pid: child.pid, stop };
}
