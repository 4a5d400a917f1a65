import type { Database, DbScope } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { AnalyticsRepository } from '../repositories/analytics.repository.js';
import { EntityRepository } from '../repositories/entity.repository.js';
import { GraphRepository } from '../repositories/graph.repository.js';
import { LineageRepository } from '../repositories/lineage.repository.js';
import { SearchRepository } from '../repositories/search.repository.js';
import { StatsRepository } from '../repositories/stats.repository.js';
import { TechniqueOverlapRepository } from '../repositories/technique-overlap.repository.js';

/** Everything a request's resolvers may use; built fresh for each request and dropped after it. */
export interface Context {
  requestId: string;
  log: Logger;
  db: DbScope;
  repos: ReturnType<typeof createRepositories>;
}

function createRepositories(db: DbScope) {
  return {
    entities: new EntityRepository(db),
    graph: new GraphRepository(db),
    lineage: new LineageRepository(db),
    search: new SearchRepository(db),
    stats: new StatsRepository(db),
    overlap: new TechniqueOverlapRepository(db),
    analytics: new AnalyticsRepository(db),
  };
}

export function createContext(options: { database: Database; requestId: string; log: Logger; timeoutMs: number }): Context {
  const db = options.database.scope({ timeoutMs: options.timeoutMs, metadata: { requestId: options.requestId } });
  return { requestId: options.requestId, log: options.log, db, repos: createRepositories(db) };
}
