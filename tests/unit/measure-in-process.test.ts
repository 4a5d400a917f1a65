import { describe, expect, it } from 'vitest';
import { measureInProcess } from '../../src/analytics/measure-in-process.js';

const request = { version: '1', lineageType: 'DERIVED_FROM', symmetricTypes: [] };
/** Nothing listens on port 1: the process's connection is refused at once. */
const nowhere = { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused', database: undefined, timeoutMs: 5_000 };

// The run that reads, computes and writes is tests/research.test.ts's, on a real Neo4j.
describe('measures in a process of their own', () => {
  it("answers with the process's own error when it cannot reach Neo4j, and the process ends", { timeout: 60_000 }, async () => {
    await expect(measureInProcess(nowhere, request)).rejects.toThrow(/connect|ECONNREFUSED|unavailable/i);
  });

  it('is stopped by its signal, and says the measures were not written', { timeout: 60_000 }, async () => {
    const stop = new AbortController();
    const running = measureInProcess(nowhere, request, stop.signal);
    stop.abort();
    await expect(running).rejects.toThrow('The measures were stopped before they were written.');
  });
});
