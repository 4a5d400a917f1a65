import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { portAnswers } from '../src/neo4j-local/local-neo4j.js';
import { runMain, waitFor } from './helpers/main-process.js';
import { freePort } from './helpers/ports.js';

function directorySize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start (node dist/main.js)', () => {
  it('serves GraphQL against NEO4J_URI and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const run = runMain({ NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), PORT: String(port) });
    await waitFor(`http://127.0.0.1:${port}/ready`, 60_000, 200);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    // Not a terminal: JSON lines, one of them the ready line naming the explorer, the playground and the API.
    expect(run.output()).toContain('"msg":"shutting down"');
    expect(run.output()).toContain(
      `service ready: explorer http://127.0.0.1:${port}/ · playground http://127.0.0.1:${port}/graphql (in a browser) · API POST http://127.0.0.1:${port}/graphql`,
    );
  }, 90_000);

  it('starts the embedded Neo4j when NEO4J_URI is unset and stops it on SIGINT', async () => {
    const [port, boltPort] = [await freePort(), await freePort()];
    const run = runMain({ PORT: String(port), NEO4J_LOCAL_PORT: String(boltPort), NEO4J_LOCAL_DATA: dataDir, LOG_FORMAT: 'pretty' });
    // HTTP listens at once: /health is up and /ready says what the start is doing.
    const early = await waitFor(`http://127.0.0.1:${port}/ready`, 60_000);
    expect(early.status).toBe(503);
    expect(await early.json()).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/^The service is starting \((starting Neo4j|connecting to Neo4j|loading the graph \d+ %)\)\.$/),
    });
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(graphql.status).toBe(503);
    expect(((await graphql.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(
      /^The service is starting \(.+\)\. Retry when GET \/ready answers 200\.$/,
    );

    const ready = await waitFor(`http://127.0.0.1:${port}/ready`, 540_000, 200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(await portAnswers(boltPort)).toBe(true);
    run.child.kill('SIGINT');
    expect((await run.exited).code).toBe(0);
    // LOG_FORMAT=pretty: readable lines, progress while Neo4j starts and the graph loads.
    expect(run.output()).toMatch(/INFO: starting the embedded Neo4j/);
    expect(run.output()).toMatch(/INFO: loading the graph: 100 %/);
    expect(run.output()).not.toContain('"msg"');
    // The store is sized for its data: no preallocated transaction logs.
    expect(directorySize(dataDir)).toBeLessThan(100 * 1024 * 1024);
    expect(await portAnswers(boltPort)).toBe(false);
  }, 600_000);

  it('exits with one clear sentence per bad config value', async () => {
    const run = runMain({ PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect((await run.exited).code).toBe(2);
    expect(run.output().trim().split('\n')).toEqual([
      'Configuration error: PORT must be a port number from 1 to 65535, got "eighty".',
      'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "chatty".',
    ]);
  });

  it('names what to install when java is missing, without a stack trace', async () => {
    const emptyPath = mkdtempSync(path.join(tmpdir(), 'llm-graph-nopath-'));
    const run = runMain({ PATH: emptyPath, LOG_LEVEL: 'warn', NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_DATA: dataDir });
    expect((await run.exited).code).toBe(3);
    rmSync(emptyPath, { recursive: true });
    expect(run.output()).not.toMatch(/\n\s+at /);
    expect(run.output().trim()).toBe(
      'The embedded Neo4j needs Java 17 or newer, which was not found on PATH: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.',
    );
  });
});
