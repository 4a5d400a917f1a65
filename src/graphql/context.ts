import type { Caller } from '../auth/tokens.js';
import { documentText } from '../documents/store.js';
import type { Database, DbScope } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { AnalyticsRepository } from '../repositories/analytics.repository.js';
import { ConflictsRepository } from '../repositories/conflicts.repository.js';
import { QualityRepository } from '../repositories/quality.repository.js';
import { CurationRepository } from '../repositories/curation.repository.js';
import { EntityRepository } from '../repositories/entity.repository.js';
import { GraphRepository } from '../repositories/graph.repository.js';
import { LineageRepository } from '../repositories/lineage.repository.js';
import { OfferingRepository } from '../repositories/offering.repository.js';
import { ResearchRepository } from '../repositories/research.repository.js';
import { ResultsRepository } from '../repositories/results.repository.js';
import { SearchRepository } from '../repositories/search.repository.js';
import { StatsRepository } from '../repositories/stats.repository.js';
import { TechniqueOverlapRepository } from '../repositories/technique-overlap.repository.js';
import { type ExecutionState, newExecutionState } from './execution/state.js';

/** Everything a request's resolvers may use; built fresh for each request and dropped after it. */
export interface Context {
  requestId: string;
  log: Logger;
  /** The authenticated caller, or null for anonymous reads. */
  caller: Caller | null;
  db: DbScope;
  repos: ReturnType<typeof createRepositories>;
  /** The execution module's own bookkeeping of the request (src/graphql/execution). */
  execution: ExecutionState;
}

function createRepositories(db: DbScope) {
  return {
    curation: new CurationRepository(db, documentText),
    entities: new EntityRepository(db),
    graph: new GraphRepository(db),
    lineage: new LineageRepository(db),
    offerings: new OfferingRepository(db),
    search: new SearchRepository(db),
    stats: new StatsRepository(db),
    overlap: new TechniqueOverlapRepository(db),
    analytics: new AnalyticsRepository(db),
    research: new ResearchRepository(db),
    conflicts: new ConflictsRepository(db),
    quality: new QualityRepository(db),
    results: new ResultsRepository(db),
  };
}

export function createContext(options: {
  database: Database;
  requestId: string;
  log: Logger;
  timeoutMs: number;
  caller: Caller | null;
  /** The data version read before the request ran, when it was. */
  version?: number;
}): Context {
  const db = options.database.scope({ timeoutMs: options.timeoutMs, metadata: { requestId: options.requestId } });
  return {
    requestId: options.requestId,
    log: options.log,
    caller: options.caller,
    db,
    repos: createRepositories(db),
    execution: newExecutionState(options.version),
  };
}
