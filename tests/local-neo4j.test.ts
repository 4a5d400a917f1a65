import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { checkJava, LocalNeo4jError, portAnswers, startLocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import { bulkImportCutShort, clearBulkImport, markBulkImport, PASSWORD_FILE } from '../src/neo4j-local/store-files.js';
import { freePort } from './helpers/ports.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-local-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function connect(uri: string, password: string): Database {
  return new Database({ uri, user: 'neo4j', password, database: undefined, timeoutMs: 10_000 });
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
    const first = await startLocalNeo4j({ dataDir, port, shared: true });
    expect(first.owned).toBe(true);
    expect(first.uri).toBe(`bolt://127.0.0.1:${port}`);
    const db = connect(first.uri, first.password);
    await db.scope().write((tx) => tx.run("CREATE (:Probe {id: 'persisted'})"));
    await db.close();
    // A shared one (npm run neo4j) is reused for its own data folder, with its password.
    const reused = await startLocalNeo4j({ dataDir, port });
    expect(reused.owned).toBe(false);
    expect(reused.password).toBe(first.password);
    await reused.stop();
    expect(await portAnswers(port)).toBe(true);
    await first.stop();
    expect(await portAnswers(port)).toBe(false);
    expect(isRunning(first.pid)).toBe(false);

    const second = await startLocalNeo4j({ dataDir, port });
    const again = connect(second.uri, second.password);
    const rows = await again.scope().read("MATCH (p:Probe {id: 'persisted'}) RETURN count(p) AS n");
    expect(rows).toEqual([{ n: 1 }]);
    await again.close();
    await second.stop();
    expect(isRunning(second.pid)).toBe(false);
  }, 600_000);

  it('refuses a Bolt client with a wrong password, and keeps the generated one readable by its owner only', async () => {
    const wrong = connect(inject('neo4jUri'), 'not-the-password');
    await expect(wrong.probe(10_000)).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    await wrong.close();
    const noPassword = new Database({
      uri: inject('neo4jUri'),
      user: 'neo4j',
      password: undefined,
      database: undefined,
      timeoutMs: 10_000,
    });
    await expect(noPassword.probe(10_000)).rejects.toMatchObject({ code: expect.stringMatching(/^Neo\.ClientError\.Security\./) });
    await noPassword.close();
    const right = connect(inject('neo4jUri'), inject('neo4jPassword'));
    await right.probe(10_000);
    await right.close();
    expect(statSync(path.join(inject('neo4jDataDir'), PASSWORD_FILE)).mode & 0o777).toBe(0o600);
  });

  it('names the root cause when the store is locked by another Neo4j', async () => {
    const port = new URL(inject('neo4jUri').replace('bolt:', 'http:')).port;
    const error = await startLocalNeo4j({ dataDir: inject('neo4jDataDir'), port: await freePort() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as Error).message).toBe(
      `The embedded Neo4j store in ${inject('neo4jDataDir')} is locked by another process (another Neo4j uses this NEO4J_LOCAL_DATA): stop that process, or set NEO4J_LOCAL_DATA to another folder.`,
    );
    // The running one is untouched.
    expect(await portAnswers(Number(port))).toBe(true);
  }, 400_000);

  it('refuses a store a cut-short bulk import left half written, in one sentence', async () => {
    const cut = mkdtempSync(path.join(tmpdir(), 'llm-graph-cut-'));
    try {
      markBulkImport(cut);
      const error = await startLocalNeo4j({ dataDir: cut, port: await freePort() }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LocalNeo4jError);
      expect((error as Error).message).toBe(
        `A bulk import into ${cut} was cut short and left the store half written; it began on an empty store, so delete ${cut} and run the import again.`,
      );
      clearBulkImport(cut);
      expect(bulkImportCutShort(cut)).toBe(false);
    } finally {
      rmSync(cut, { recursive: true, force: true });
    }
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
