import { inject } from 'vitest';
import { Database, type DatabaseOptions } from '../../src/db/database.js';

/** A Database on the run's shared Neo4j. */
export function testDatabase(timeoutMs = 10_000): Database {
  return new Database(testConnection(timeoutMs));
}

/** How a test connects to its Neo4j. */
export function testConnection(timeoutMs = 10_000): DatabaseOptions {
  return { uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword'), database: undefined, timeoutMs };
}

/** Removes the entities a test wrote (ids starting with `prefix`) and the change records about them. */
export async function deleteWrittenEntities(db: Database, prefix: string): Promise<void> {
  await db.scope().write(async (tx) => {
    await tx.run('MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: prefix });
    await tx.run('MATCH (c:Change) WHERE c.entityId STARTS WITH $p OR c.otherId STARTS WITH $p DELETE c', { p: prefix });
  });
}
