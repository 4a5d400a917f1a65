import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DatabaseAvailability } from '../../src/db/availability.js';
import { createLogger } from '../../src/logging/logger.js';
import type { NeoExit } from '../../src/neo4j-local/local-neo4j.js';
import { type Supervisable, supervise } from '../../src/neo4j-local/supervisor.js';

/**
 * The supervisor's policy, with real processes standing in for Neo4j (node scripts that end as told):
 * restarts after an unexpected end, 503 meanwhile, up again after a good restart, and giving up with
 * one sentence after repeated ends.
 */
function node(script: string): Supervisable & { pid: number } {
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  const exited = new Promise<NeoExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    pid: child.pid!,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const runs = 'setInterval(() => {}, 1000)';
const crashes = 'process.exit(3)';
const policy = { firstDelayMs: 20, maxDelayMs: 100, maxEnds: 3, windowMs: 60_000 };
const log = createLogger('silent');

async function until<T>(check: () => T | undefined): Promise<T> {
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('supervise', () => {
  it('restarts a process that was killed, saying why meanwhile, and is up again with the new one', async () => {
    const availability = new DatabaseAvailability();
    const first = node(runs);
    const seen: string[] = [];
    const supervision = supervise(first, async () => node(runs), {
      name: 'test process',
      availability,
      log,
      policy,
      describe: (_process, exit) => `ended (${exit.signal ?? exit.code})`,
    });
    process.kill(first.pid, 'SIGKILL');
    const restarting = await until(() => (availability.now.state === 'restarting' ? availability.now : undefined));
    seen.push(restarting.reason);
    await until(() => (availability.now.state === 'up' && supervision.current !== first ? true : undefined));
    expect(seen).toEqual(['The test process ended (SIGKILL); it is being restarted (attempt 1). Retry in a few seconds.']);
    expect(restarting.retryAfterS).toBeGreaterThan(0);
    await supervision.stop();
    // Stopped on purpose: not restarted.
    expect(availability.now.state).toBe('up');
  });

  it('gives up after repeated ends, with one sentence naming the last cause', async () => {
    const availability = new DatabaseAvailability();
    let starts = 0;
    const supervision = supervise(
      node(crashes),
      async () => {
        starts += 1;
        return node(crashes);
      },
      { name: 'test process', availability, log, policy, describe: (_process, exit) => `exited with code ${exit.code}` },
    );
    const failed = await until(() => (availability.now.state === 'failed' ? availability.now : undefined));
    expect(failed.reason).toBe(
      'The test process ended 3 times within 1 minute and is no longer restarted; the last time it exited with code 3. Fix the cause, then restart the service.',
    );
    expect(starts).toBe(2);
    await supervision.stop();
  });

  it('counts a start that fails as an end, and names its error', async () => {
    const availability = new DatabaseAvailability();
    supervise(
      node(crashes),
      async () => {
        throw new Error('the store is locked');
      },
      { name: 'test process', availability, log, policy, describe: () => 'exited with code 3' },
    );
    const failed = await until(() => (availability.now.state === 'failed' ? availability.now : undefined));
    expect(failed.reason).toContain('the last time it could not be started again (the store is locked)');
  });
});
