import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMain } from './helpers/main-process.js';
import { freePort } from './helpers/ports.js';

// Each mistake a person makes when starting the service ends with one sentence naming its cause and
// the variable to change, no stack trace, and no retry: a permanent cause is not waited out. (On an
// idle machine each takes 1-3 s, see the report; the bound here only catches a retry loop, which
// takes 35 s or more, since a busy CI machine can need 10 s just to load the process.)
const NO_RETRY_MS = 30_000;
const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-mistakes-'));
let http: Server;
let httpPort: number;

beforeAll(async () => {
  http = createServer((_req, res) => res.end('not bolt'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  httpPort = (http.address() as { port: number }).port;
});
afterAll(() => {
  http.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function failsWith(env: Record<string, string>, code: number, sentence: RegExp): Promise<void> {
  const run = runMain({ PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env });
  const exit = await run.exited;
  const lines = run.output().trim().split('\n');
  expect(lines.at(-1)).toMatch(sentence);
  expect(run.output()).not.toMatch(/\n\s+at /);
  expect(run.output()).not.toContain('waiting for Neo4j');
  expect(exit.code).toBe(code);
  expect(exit.ms).toBeLessThan(NO_RETRY_MS);
}

describe('start-up mistakes end in seconds with one sentence', () => {
  it('NEO4J_URI where nothing listens: connection refused, naming the URI', async () => {
    const port = await freePort();
    await failsWith(
      { NEO4J_URI: `bolt://127.0.0.1:${port}` },
      3,
      new RegExp(
        `^Nothing accepts connections at bolt://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\): start Neo4j there, or fix NEO4J_URI\\.$`,
      ),
    );
  });

  it('NEO4J_URI at a server that does not speak Bolt', async () => {
    await failsWith(
      { NEO4J_URI: `bolt://127.0.0.1:${httpPort}` },
      3,
      /^bolt:\/\/127\.0\.0\.1:\d+ does not speak Bolt \(.+\): point NEO4J_URI at Neo4j's Bolt port/,
    );
  });

  it('a wrong NEO4J_PASSWORD', async () => {
    await failsWith(
      { NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: 'not-the-password' },
      3,
      /^Neo4j at bolt:\/\/\S+ refused the credentials of user "neo4j" \(.*authentication failure.*\): check NEO4J_USER and NEO4J_PASSWORD\.$/,
    );
  });

  it('an unknown NEO4J_DATABASE', async () => {
    await failsWith(
      { NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), NEO4J_DATABASE: 'nosuchdb' },
      3,
      /^Neo4j at bolt:\/\/\S+ has no database "nosuchdb" \(.+\): create it, or fix NEO4J_DATABASE\.$/,
    );
  });

  it('a NEO4J_URI that is not a Neo4j URI', async () => {
    await failsWith({ NEO4J_URI: 'http://127.0.0.1:7474' }, 2, /^Configuration error: NEO4J_URI must look like bolt:\/\/host:7687/);
  });

  it('PORT already in use', async () => {
    await failsWith(
      { PORT: String(httpPort), NEO4J_URI: inject('neo4jUri') },
      3,
      new RegExp(`^PORT ${httpPort} is already in use on 127\\.0\\.0\\.1 .*: stop it, or set PORT to a free port\\.$`),
    );
  });

  it('a port inside HOST', async () => {
    await failsWith(
      { HOST: '0.0.0.0:4000' },
      2,
      /^Configuration error: HOST must be a host name or IP address \(set the port with PORT, not in HOST\), got "0\.0\.0\.0:4000"\.$/,
    );
  });

  it('an unknown NODE_ENV', async () => {
    await failsWith({ NODE_ENV: 'prod' }, 2, /^Configuration error: NODE_ENV must be one of development, production, test, got "prod"\.$/);
  });

  it('NEO4J_LOCAL_PORT held by something that is not Neo4j', async () => {
    await failsWith(
      { NEO4J_LOCAL_PORT: String(httpPort), NEO4J_LOCAL_DATA: dataDir },
      3,
      new RegExp(
        `^Port ${httpPort} \\(NEO4J_LOCAL_PORT\\) is already in use by something that is not the embedded Neo4j of ${dataDir} .*set NEO4J_LOCAL_PORT to a free port\\.$`,
      ),
    );
  });

  it("NEO4J_LOCAL_PORT held by another service's embedded Neo4j: a second instance does not attach to it", async () => {
    const port = new URL(inject('neo4jUri').replace('bolt:', 'http:')).port;
    await failsWith(
      { NEO4J_LOCAL_PORT: port, NEO4J_LOCAL_DATA: inject('neo4jDataDir') },
      3,
      new RegExp(
        `^The embedded Neo4j on port ${port} belongs to another running service \\(pid \\d+\\) and stops with it: .*NEO4J_LOCAL_PORT and NEO4J_LOCAL_DATA\\.$`,
      ),
    );
    // The same port for another data folder is somebody else's store.
    await failsWith(
      { NEO4J_LOCAL_PORT: port, NEO4J_LOCAL_DATA: dataDir },
      3,
      /is already in use by something that is not the embedded Neo4j of/,
    );
  });
});
