import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { portAnswers } from '../src/neo4j-local/local-neo4j.js';
import { freePort } from './helpers/ports.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'llm-graph-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runMain(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe('npm start (node dist/main.js)', () => {
  it('serves GraphQL against NEO4J_URI and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const run = runMain({ NEO4J_URI: inject('neo4jUri'), PORT: String(port) });
    const ready = await waitFor(`http://127.0.0.1:${port}/ready`, 60_000);
    expect(ready.status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"msg":"shutting down"');
  }, 90_000);

  it('starts the embedded Neo4j when NEO4J_URI is unset and stops it on SIGINT', async () => {
    const [port, boltPort] = [await freePort(), await freePort()];
    const run = runMain({ PORT: String(port), NEO4J_LOCAL_PORT: String(boltPort), NEO4J_LOCAL_DATA: dataDir });
    const ready = await waitFor(`http://127.0.0.1:${port}/ready`, 120_000);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(await portAnswers(boltPort)).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(await portAnswers(boltPort)).toBe(false);
  }, 180_000);

  it('exits with one clear sentence per bad config value', async () => {
    const run = runMain({ PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(await run.exited).toBe(2);
    expect(run.output().trim().split('\n')).toEqual([
      'Configuration error: PORT must be a port number from 1 to 65535, got "eighty".',
      'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "chatty".',
    ]);
  });

  it('names what to install when java is missing, without a stack trace', async () => {
    const emptyPath = mkdtempSync(path.join(tmpdir(), 'llm-graph-nopath-'));
    const run = runMain({ PATH: emptyPath, LOG_LEVEL: 'warn', NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_DATA: dataDir });
    expect(await run.exited).toBe(3);
    rmSync(emptyPath, { recursive: true });
    expect(run.output()).not.toMatch(/\n\s+at /);
    expect(run.output().trim()).toBe(
      'The embedded Neo4j needs Java 17 or newer, which was not found on PATH: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.',
    );
  });
});
