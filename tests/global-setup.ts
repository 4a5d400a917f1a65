import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { Database } from '../src/db/database.js';
import { seedDatabase } from '../src/seed/load.js';
import { startLocalNeo4j } from '../src/neo4j-local/local-neo4j.js';
import { freePort } from './helpers/ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The generated password of the run's Neo4j (authentication is on, as in production). */
    neo4jPassword: string;
    /** Its store folder (with the password and owner files). */
    neo4jDataDir: string;
  }
}

/** One real Neo4j for the whole run, on a free port with a throwaway store. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-test-'));
  // A generous start timeout: on a shared, busy machine the first start can take minutes.
  const neo4j = await startLocalNeo4j({ dataDir, port: await freePort(), heapMb: 1024, pageCacheMb: 256, startTimeoutMs: 600_000 });
  const db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: undefined, timeoutMs: 60_000 });
  await seedDatabase(db);
  await db.scope().read('CALL db.awaitIndexes(120)');
  await db.close();
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jPassword', neo4j.password);
  project.provide('neo4jDataDir', dataDir);
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
