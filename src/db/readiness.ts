import type { DatabaseAvailability } from './availability.js';
import type { Database } from './database.js';
import { missingSchemaItems } from './migrations.js';

const READY_TIMEOUT_MS = 2_500;

/** Whether the database can serve the API now, and when not, why (and how long to wait, when known). */
export type Readiness =
  | { ready: true }
  | { ready: false; status: 'restarting' | 'failed' | 'unavailable'; reason: string; retryAfterS?: number };

/**
 * Ready when Neo4j answers and the constraints and indexes are online; not while the embedded Neo4j
 * is being restarted (or after its supervisor gave up), which the availability says without asking.
 */
export async function readiness(database: Database, availability: DatabaseAvailability): Promise<Readiness> {
  const now = availability.now;
  if (now.state === 'restarting') return { ready: false, status: 'restarting', reason: now.reason, retryAfterS: now.retryAfterS };
  if (now.state === 'failed') return { ready: false, status: 'failed', reason: now.reason };
  try {
    await database.ping(READY_TIMEOUT_MS);
    const missing = await withTimeout(missingSchemaItems(database), READY_TIMEOUT_MS);
    if (missing.length > 0) return { ready: false, status: 'unavailable', reason: `Schema items not online yet: ${missing.join(', ')}.` };
    return { ready: true };
  } catch (error) {
    return { ready: false, status: 'unavailable', reason: `Neo4j does not answer: ${(error as Error).message}` };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
