import type { DatabaseAvailability } from '../db/availability.js';
import type { Logger } from '../logging/logger.js';
import { debugLogOf, explainExit, readSince } from './diagnose.js';
import type { LocalNeo4j, LocalNeo4jOptions, NeoExit } from './local-neo4j.js';
import { startLocalNeo4j } from './local-neo4j.js';

/** When to restart a Neo4j that ended on its own, and when to stop trying. */
export interface RestartPolicy {
  /** The wait before the first restart; each further one within the window waits twice as long, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Ends (and failed restarts) within `windowMs` after which the supervisor gives up. */
  maxEnds: number;
  windowMs: number;
}

export const RESTART_POLICY: RestartPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, maxEnds: 5, windowMs: 10 * 60_000 };

/** What the supervisor needs of a running process: how it ends, and how to stop it. */
export interface Supervisable {
  exited: Promise<NeoExit>;
  stop(): Promise<void>;
}

export interface Supervision<T extends Supervisable> {
  /** The process running now (replaced after each restart). */
  readonly current: T;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps a process running: when it ends without being asked to, says why (`describe`), marks the
 * database restarting (requests get 503 with Retry-After meanwhile) and starts it again with backoff;
 * after `maxEnds` ends or failed starts within the window it gives up, marks the database failed
 * and logs one sentence naming the last cause. `start` is how it was started the first time.
 */
export function supervise<T extends Supervisable>(
  first: T,
  start: () => Promise<T>,
  options: {
    name: string;
    availability: DatabaseAvailability;
    log: Logger;
    describe: (process: T, exit: NeoExit) => string;
    policy?: RestartPolicy;
  },
): Supervision<T> {
  const policy = options.policy ?? RESTART_POLICY;
  const { availability, log, name } = options;
  let current = first;
  let stopping = false;
  const ends: number[] = [];

  /** Records an end (or a failed start); the sentence to give up with once there were too many. */
  const tooMany = (cause: string): string | undefined => {
    const now = Date.now();
    ends.push(now);
    while (ends.length > 0 && ends[0]! < now - policy.windowMs) ends.shift();
    if (ends.length < policy.maxEnds) return undefined;
    const minutes = Math.round(policy.windowMs / 60_000);
    return `The ${name} ended ${ends.length} times within ${minutes} minute${minutes === 1 ? '' : 's'} and is no longer restarted; the last time it ${cause}. Fix the cause, then restart the service.`;
  };

  const restart = async (cause: string): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      const giveUp = tooMany(cause);
      if (giveUp !== undefined) {
        availability.failed(giveUp);
        log.error({ cause }, giveUp);
        return;
      }
      const delayMs = Math.min(policy.firstDelayMs * 2 ** (ends.length - 1), policy.maxDelayMs);
      availability.restarting(
        `The ${name} ${cause}; it is being restarted (attempt ${attempt}). Retry in a few seconds.`,
        Math.ceil(delayMs / 1000) + 1,
      );
      log.warn({ cause, attempt, delayMs }, `restarting the ${name} in ${delayMs / 1000} s (attempt ${attempt})`);
      await sleep(delayMs);
      if (stopping) return;
      try {
        current = await start();
        break;
      } catch (error) {
        cause = `could not be started again (${(error as Error).message})`;
        log.error({ err: error, attempt }, `the ${name} did not start again`);
      }
    }
    if (stopping) return void (await current.stop());
    availability.up();
    log.info(`the ${name} is running again`);
    watch(current);
  };

  const watch = (process: T) => {
    void process.exited.then((exit) => {
      if (stopping || process !== current) return;
      const cause = options.describe(process, exit);
      log.error({ exit }, `the ${name} stopped unexpectedly: it ${cause}`);
      return restart(cause);
    });
  };
  watch(first);

  return {
    get current() {
      return current;
    },
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}

/** The embedded Neo4j, started and then kept running (see supervise). */
export async function superviseLocalNeo4j(
  options: LocalNeo4jOptions,
  supervision: { availability: DatabaseAvailability; log: Logger; policy?: RestartPolicy },
): Promise<Supervision<LocalNeo4j>> {
  const first = await startLocalNeo4j(options);
  // Restarts reuse the port and the store; the progress lines of a first start are not repeated.
  const again = () => startLocalNeo4j({ ...options, onProgress: undefined });
  return supervise(first, again, {
    ...supervision,
    name: 'embedded Neo4j',
    describe: (neo4j, exit) => explainExit(exit, neo4j.recentOutput(), readSince(debugLogOf(options.dataDir), neo4j.debugLogStart)),
  });
}
