// node tools/first-start.mjs [--keep DIR]
//
// Times the default first start: `node dist/main.js` on an empty store (documents + DEFAULT_CATALOGUES,
// as `npm start` loads them), from spawn to /ready answering 200, then counts the graph's technique
// facts (models with at least one USES, USES edges per technique) over Bolt. Prints one JSON object
// with the load average before and after; a script, not a test (the machine is shared). Run
// `npm run build` first. The store goes in a temporary folder, removed at the end unless --keep.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';

const keepAt = process.argv.indexOf('--keep');
const dataDir = keepAt > 0 ? path.resolve(process.argv[keepAt + 1]) : mkdtempSync(path.join(tmpdir(), 'first-start-'));
const load = () => loadavg().map((n) => Math.round(n * 100) / 100);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const [httpPort, boltPort] = [await freePort(), await freePort()];
const loadBefore = load();
const started = Date.now();
const child = spawn(process.execPath, ['dist/main.js'], {
  env: { ...process.env, PORT: String(httpPort), NEO4J_LOCAL_PORT: String(boltPort), NEO4J_LOCAL_DATA: dataDir, LOG_FORMAT: 'json' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exited = new Promise((resolve) => child.once('exit', resolve));

async function ready() {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode} before it was ready.`);
    const ok = await fetch(`http://127.0.0.1:${httpPort}/ready`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return (Date.now() - started) / 1000;
    if (Date.now() - started > 600_000) throw new Error('not ready after 600 s.');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

try {
  const readyS = await ready();
  const loadAfter = load();
  const password = readFileSync(path.join(dataDir, 'neo4j-local.password'), 'utf8').trim();
  const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', password));
  const session = driver.session();
  const one = async (cypher) => (await session.run(cypher)).records.map((r) => r.toObject());
  const [totals] = await one(
    `RETURN COUNT { (:Model) } AS models, COUNT { (m:Model) WHERE EXISTS { (m)-[:USES]->(:Technique) } } AS modelsWithTechnique,
            COUNT { ()-[:USES]->(:Technique) } AS uses, COUNT { ()-[:HAS_LIMITATION]->() } AS hasLimitation,
            COUNT { ()-[:MITIGATES]->() } AS mitigates, COUNT { (:Technique) } AS techniques`,
  );
  const perTechnique = await one(
    `MATCH (t:Technique) RETURN t.id AS technique, COUNT { (:Model)-[:USES]->(t) } AS models ORDER BY models DESC, technique`,
  );
  await session.close();
  await driver.close();
  const toNumber = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, neo4j.isInt(v) ? v.toNumber() : v]));
  console.log(
    JSON.stringify(
      {
        ready_s: Math.round(readyS * 10) / 10,
        load_average: { before: loadBefore, at_ready: loadAfter },
        ...toNumber(totals),
        perTechnique: Object.fromEntries(perTechnique.map(toNumber).map((r) => [r.technique, r.models])),
      },
      null,
      2,
    ),
  );
} finally {
  child.kill('SIGTERM');
  await exited;
  if (keepAt < 0) rmSync(dataDir, { recursive: true, force: true });
}
