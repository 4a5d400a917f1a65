import type { Database, DbScope } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { StatsRepository } from '../repositories/stats.repository.js';

/** Everything a request's resolvers may use; built fresh for each request and dropped after it. */
export interface Context {
  requestId: string;
  log: Logger;
  db: DbScope;
  repos: ReturnType<typeof createRepositories>;
}

function createRepositories(db: DbScope) {
  return {
    stats: new StatsRepository(db),
  };
}

export function createContext(options: { database: Database; requestId: string; log: Logger; timeoutMs: number }): Context {
  const db = options.database.scope({ timeoutMs: options.timeoutMs, metadata: { requestId: options.requestId } });
  return { requestId: options.requestId, log: options.log, db, repos: createRepositories(db) };
}
