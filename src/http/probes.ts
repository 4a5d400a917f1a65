import type { Request, Response } from 'express';
import type { Database } from '../db/database.js';
import { missingSchemaItems } from '../db/migrations.js';

const READY_TIMEOUT_MS = 2_500;

/** GET /health: the process is up and serving HTTP. */
export function health(_req: Request, res: Response): void {
  res.json({ status: 'ok' });
}

/** GET /ready: Neo4j answers and the constraints and indexes are in place; otherwise 503 with the reason. */
export function ready(database: Database) {
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      await database.ping(READY_TIMEOUT_MS);
      const missing = await withTimeout(missingSchemaItems(database), READY_TIMEOUT_MS);
      if (missing.length > 0) {
        res.status(503).json({ status: 'unavailable', reason: `Schema items not online yet: ${missing.join(', ')}.` });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: `Neo4j does not answer: ${(error as Error).message}` });
    }
  };
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
