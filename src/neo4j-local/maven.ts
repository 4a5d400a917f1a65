import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalNeo4jError, toolMissing } from './errors.js';

/** Where the Maven project of the Java launcher lives (same relative spot from src/ and dist/). */
export const LAUNCHER_DIR = fileURLToPath(new URL('../../tools/neo4j-local/', import.meta.url));
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, 'src', 'main', 'java', 'dev', 'llmgraph', 'Neo4jLocal.java');
const LAUNCHER_CLASS = path.join(LAUNCHER_DIR, 'target', 'classes', 'dev', 'llmgraph', 'Neo4jLocal.class');
const PROGRESS_EVERY_MS = 5_000;

function isFresh(target: string, inputs: string[]): boolean {
  if (!existsSync(target)) return false;
  const built = statSync(target).mtimeMs;
  return inputs.every((input) => statSync(input).mtimeMs <= built);
}

/**
 * Compiles the launcher and resolves Neo4j's jars through Maven, once; later runs read the cached
 * classpath and need neither Maven nor the network. The first run downloads about 150 MB, so it
 * reports how far it got every few seconds.
 */
export async function resolveClasspath(onProgress: (message: string) => void = () => {}, mvnCommand = 'mvn'): Promise<string> {
  const inputs = [path.join(LAUNCHER_DIR, 'pom.xml'), LAUNCHER_SOURCE];
  if (!isFresh(CLASSPATH_FILE, inputs) || !isFresh(LAUNCHER_CLASS, inputs)) {
    onProgress('preparing the embedded Neo4j with Maven (the first time, it downloads Neo4j 5.26 from Maven Central into ~/.m2)');
    await runMaven(mvnCommand, onProgress);
  }
  return [path.join(LAUNCHER_DIR, 'target', 'classes'), readFileSync(CLASSPATH_FILE, 'utf8').trim()].join(path.delimiter);
}

function runMaven(mvnCommand: string, onProgress: (message: string) => void): Promise<void> {
  const args = ['-B', 'compile', 'dependency:build-classpath', '-Dmdep.includeScope=runtime', `-Dmdep.outputFile=${CLASSPATH_FILE}`];
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let downloads = 0;
    let kilobytes = 0;
    let tail: string[] = [];
    const child = spawn(mvnCommand, args, { cwd: LAUNCHER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        const done = /^(?:\[INFO\] )?Downloaded from \S+: \S+ \(([\d.]+) (kB|MB|B)/.exec(line);
        if (done) {
          downloads += 1;
          kilobytes += Number(done[1]) * (done[2] === 'MB' ? 1024 : done[2] === 'kB' ? 1 : 1 / 1024);
        }
        if (line.trim()) tail = [...tail.slice(-19), line.trim()];
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      onProgress(
        downloads > 0
          ? `Maven: ${downloads} files (${Math.round(kilobytes / 1024)} MB) downloaded so far, ${seconds} s`
          : `Maven: resolving Neo4j's jars, ${seconds} s`,
      );
    }, PROGRESS_EVERY_MS);
    child.once('error', () => {
      clearInterval(timer);
      reject(toolMissing('Maven (mvn)', 'Maven 3.8+ (Debian: apt-get install maven)'));
    });
    // 'close', not 'exit': the error lines quoted below may still be in the pipes when the process exits.
    child.once('close', (code) => {
      clearInterval(timer);
      if (code === 0) return resolve();
      const errors = tail.filter((line) => line.startsWith('[ERROR]')).slice(0, 3);
      reject(
        new LocalNeo4jError(
          `Maven could not fetch Neo4j for the embedded database (is Maven Central reachable?): ${(errors.length > 0 ? errors : tail.slice(-3)).join(' ')}`,
        ),
      );
    });
  });
}
