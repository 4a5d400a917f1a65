import { inject } from 'vitest';
import { Database } from '../../src/db/database.js';

/** A Database on the run's shared Neo4j. */
export function testDatabase(timeoutMs = 10_000): Database {
  return new Database({ uri: inject('neo4jUri'), user: 'neo4j', password: undefined, database: undefined, timeoutMs });
}
