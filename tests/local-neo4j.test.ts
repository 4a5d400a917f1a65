import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { checkJava, LocalNeo4jError, portAnswers, startLocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import { freePort } from './helpers/ports.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-local-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function connect(uri: string): Database {
  return new Database({ uri, user: 'neo4j', password: undefined, database: undefined, timeoutMs: 10_000 });
}

function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the embedded Neo4j', () => {
  it('starts on the given port, answers Bolt, keeps data across restarts and stops with nothing left running', async () => {
    const port = await freePort();
    const first = await startLocalNeo4j({ dataDir, port });
    expect(first.owned).toBe(true);
    expect(first.uri).toBe(`bolt://127.0.0.1:${port}`);
    const db = connect(first.uri);
    await db.scope().write((tx) => tx.run("CREATE (:Probe {id: 'persisted'})"));
    await db.close();
    await first.stop();
    expect(await portAnswers(port)).toBe(false);
    expect(isRunning(first.pid)).toBe(false);

    const second = await startLocalNeo4j({ dataDir, port });
    const again = connect(second.uri);
    const rows = await again.scope().read("MATCH (p:Probe {id: 'persisted'}) RETURN count(p) AS n");
    expect(rows).toEqual([{ n: 1 }]);
    await again.close();
    await second.stop();
    expect(isRunning(second.pid)).toBe(false);
  }, 120_000);

  it('reuses a Neo4j that already serves the port instead of starting another', async () => {
    const uri = new URL(`http://${(await import('vitest')).inject('neo4jUri').slice('bolt://'.length)}`);
    const reused = await startLocalNeo4j({ dataDir: path.join(dataDir, 'unused'), port: Number(uri.port) });
    expect(reused.owned).toBe(false);
    expect(reused.pid).toBeUndefined();
    await reused.stop();
    expect(await portAnswers(Number(uri.port))).toBe(true);
  });

  it('says in one sentence what to install when java is missing', () => {
    let error: unknown;
    try {
      checkJava('/nonexistent/bin/java');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as Error).message).toBe(
      'The embedded Neo4j needs Java 17 or newer, which was not found on PATH: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.',
    );
  });

  it('accepts the installed java', () => {
    expect(spawnSync('java', ['-version']).status).toBe(0);
    expect(() => checkJava()).not.toThrow();
  });
});
