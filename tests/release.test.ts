import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Database } from '../src/db/database.js';
import { ENTITY_TYPES, EntityType, RELATION_TYPES } from '../src/domain/registry.js';
import { loadRelease, verifyRelease } from '../src/release/load.js';
import { entityFile, parseTable, relationshipFile } from '../src/release/tables.js';
import { writeRelease } from '../src/release/write.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { jsonEncodedKeys } from '../src/seed/graph-export.js';
import { seedDatabase } from '../src/seed/load.js';
import { testDatabase } from './helpers/database.js';
import { graphFingerprint } from './helpers/fingerprint.js';
import { readGraphML } from './helpers/graphml-reader.js';
import { graphql, startTestService } from './helpers/service.js';

// A release of the default graph (the documents and Epoch's language models) reloads into an empty
// database as the same graph. Empties the run's shared database, and gives it back with the documents' graph.

let db: Database;
const releases = mkdtempSync(path.join(tmpdir(), 'releases-'));
const first = path.join(releases, '2026-01-15');
const second = path.join(releases, '2026-02-01');
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

beforeAll(async () => {
  db = testDatabase(120_000);
  await new SeedRepository(db).reset();
  await seedDatabase(db, { catalogues: ['epoch'] });
}, 300_000);
afterAll(async () => {
  await new SeedRepository(db).reset();
  await seedDatabase(db);
  await db.close();
}, 300_000);

describe('a citable data release', { timeout: 300_000 }, () => {
  let written: Record<string, string[]>;

  it('writes the graph as tables, graphology JSON and GraphML, with its documents, README, citation, licences and checksums', async () => {
    written = await graphFingerprint(db);
    const manifest = await writeRelease(db, { out: first, date: '2026-01-15' });
    expect(manifest).toMatchObject({ version: '2026.01.15', date: '2026-01-15', previous: null, catalogues: ['epoch'] });
    for (const type of ENTITY_TYPES) expect(existsSync(path.join(first, entityFile(type)))).toBe(true);
    for (const type of RELATION_TYPES) expect(existsSync(path.join(first, relationshipFile(type)))).toBe(true);
    const models = parseTable(read(first, entityFile(EntityType.MODEL)));
    expect(models.length).toBe(manifest.counts.entities.MODEL);
    expect(models.length).toBeGreaterThan(1000);

    const graph = new MultiDirectedGraph();
    graph.import(JSON.parse(read(first, 'graph.json')));
    expect(graph.order).toBe(Object.values(manifest.counts.entities).reduce((a, b) => a + b, 0));
    expect(graph.size).toBe(Object.values(manifest.counts.relationships).reduce((a, b) => a + b, 0));
    const graphml = readGraphML(read(first, 'graph.graphml'), jsonEncodedKeys());
    expect(graphml.nodes.length).toBe(graph.order);
    expect(graphml.edges.length).toBe(graph.size);

    const citation = parseYaml(read(first, 'CITATION.cff')) as Record<string, any>;
    expect(citation).toMatchObject({ 'cff-version': '1.2.0', type: 'dataset', version: '2026.01.15', 'date-released': '2026-01-15' });
    expect(citation.references.map((r: any) => r.license)).toContain('CC-BY-4.0');
    const licences = read(first, 'LICENSES.md');
    for (const source of parseTable(read(first, 'sources.csv'))) expect(licences).toContain(`\`${source.id}\``);
    expect(licences).toContain('Epoch AI');
    const readme = read(first, 'README.md');
    for (const type of ENTITY_TYPES) expect(readme).toContain(entityFile(type));
    expect(readme).toContain('`located`');
    for (const file of ['001_7fb1dea7c0ac1773.txt', 'epoch-ai-rows.txt'])
      expect(existsSync(path.join(first, 'documents', file))).toBe(true);
    expect(read(first, 'CHANGELOG.md')).toContain('the first release');
    expect(verifyRelease(first).contentSha256).toBe(manifest.contentSha256);
  });

  it('reloads into an empty database as the same graph, and the API names the release it serves', async () => {
    await new SeedRepository(db).reset();
    expect((await graphFingerprint(db)).nodes).toEqual([]);
    await loadRelease(db, first);
    const reloaded = await graphFingerprint(db);
    expect(reloaded.nodes).toEqual(written.nodes);
    expect(reloaded.relationships).toEqual(written.relationships);
    expect(reloaded.citations).toEqual(written.citations);
    await expect(loadRelease(db, first)).rejects.toThrow('The database is not empty');

    const service = await startTestService();
    try {
      const result = await graphql<{ dataVersion: { release: string; catalogues: string[]; graphVersion: string } }>(
        service.url,
        '{ dataVersion { release catalogues graphVersion loadedAt } }',
      );
      expect(result.data!.dataVersion).toMatchObject({ release: '2026.01.15', catalogues: ['epoch'] });
    } finally {
      await service.stop();
    }
  });

  it('lists what changed since the previous release beside it, and refuses a release whose files do not match their checksums', async () => {
    await db.scope().write((tx) => tx.run("MATCH (n:Model {id: 'gpt-4'}) SET n.description = 'Changed for the release test.'"));
    await db.scope().write((tx) => tx.run("MATCH (n:Limitation {id: 'hallucination'}) DETACH DELETE n"));
    const manifest = await writeRelease(db, { out: second, date: '2026-02-01' });
    expect(manifest.previous).toEqual({ version: '2026.01.15', date: '2026-01-15' });
    const changes = parseTable(read(second, 'changes.csv'));
    expect(changes).toEqual(
      expect.arrayContaining([
        { table: 'entities/models.csv', id: 'gpt-4', change: 'changed', columns: 'description' },
        { table: 'entities/limitations.csv', id: 'hallucination', change: 'removed', columns: '' },
      ]),
    );
    expect(changes.filter((c) => c.change === 'removed' && c.table?.startsWith('relationships/')).length).toBeGreaterThan(0);
    expect(read(second, 'CHANGELOG.md')).toContain('since 2026.01.15 (2026-01-15)');

    writeFileSync(path.join(second, 'entities/models.csv'), `${read(second, 'entities/models.csv')}\n`);
    expect(() => verifyRelease(second)).toThrow('entities/models.csv does not match its checksum in SHA256SUMS.');
  });
});
