import { describe, expect, it } from 'vitest';
import { explainExit, explainFailedStart } from '../../src/neo4j-local/diagnose.js';

// Lines Neo4j 5.26 wrote to debug.log when its store could not open (copied from real runs): the
// launcher's own output only shows a time-out or a Java stack, so the cause is read from here.
const MISSING_LOGS = `2026-11-29 05:52:02.104+0000 ERROR [o.n.d.d.DatabaseLifecycles] Failed to start DatabaseId{620263c5[neo4j]}
java.lang.RuntimeException: org.neo4j.kernel.lifecycle.LifecycleException: Component 'org.neo4j.kernel.recovery.Recovery$MissingTransactionLogsCheck@587400a9' failed to initialize. Please see the attached cause exception "Transaction logs are missing and recovery is not possible.".
Caused by: java.lang.RuntimeException: Transaction logs are missing and recovery is not possible.
\tat org.neo4j.kernel.recovery.Recovery$MissingTransactionLogsCheck.checkForMissingLogFiles(Recovery.java:1041)`;

const base = { dataDir: '/srv/graph/neo4j', port: 7687, exitCode: 1, output: '' };

describe("the embedded Neo4j's failed start, in one sentence", () => {
  it('names missing transaction logs and the recovery step', () => {
    expect(explainFailedStart({ ...base, debugLog: MISSING_LOGS })).toBe(
      'The embedded Neo4j store in /srv/graph/neo4j cannot be opened: its transaction logs are missing and recovery is not possible (usually an interrupted first start); if it holds nothing you need, delete /srv/graph/neo4j and start again (the graph is loaded anew), otherwise see "Troubleshooting" in the README.',
    );
  });

  it('names a port already in use, with its variable', () => {
    const output = 'Exception in thread "main" java.net.BindException: Address already in use';
    expect(explainFailedStart({ ...base, output, debugLog: '' })).toBe(
      'Port 7687 (NEO4J_LOCAL_PORT) is already in use: stop what listens there, or set NEO4J_LOCAL_PORT to a free port.',
    );
  });

  it('otherwise gives the last line of its output that is not a stack frame, and where the log is', () => {
    const output =
      'neo4j-local opening the store\nException in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat java.base/x.y(Z.java:1)\n';
    expect(explainFailedStart({ ...base, output, debugLog: '' })).toBe(
      'The embedded Neo4j exited with code 1 before it was ready (Exception in thread "main" java.lang.OutOfMemoryError: Java heap space); its log is /srv/graph/neo4j/logs/debug.log.',
    );
  });
});

describe('why a running embedded Neo4j ended, in one phrase', () => {
  it('says a SIGKILL is what the out-of-memory killer sends', () => {
    expect(explainExit({ code: null, signal: 'SIGKILL' }, '', '')).toBe('was killed by SIGKILL (as the out-of-memory killer does)');
  });

  it("names an out-of-memory from the JVM's own output", () => {
    const output = 'Exception in thread "neo4j.BoltWorker-3" java.lang.OutOfMemoryError: Java heap space\n\tat java.base/…';
    expect(explainExit({ code: 3, signal: null }, output, '')).toBe(
      'exited with code 3: it ran out of memory ("Exception in thread "neo4j.BoltWorker-3" java.lang.OutOfMemoryError: Java heap space")',
    );
  });

  it("names a damaged store from Neo4j's log", () => {
    const debugLog = '2026-12-01 10:00:00.000+0000 ERROR [o.n.k.i.s.StoreFiles] Store is corrupt: page 12 of neostore.nodestore.db\n';
    expect(explainExit({ code: 1, signal: null }, '', debugLog)).toBe(
      'exited with code 1: its store looks damaged ("2026-12-01 10:00:00.000+0000 ERROR [o.n.k.i.s.StoreFiles] Store is corrupt: page 12 of neostore.nodestore.db")',
    );
  });
});
