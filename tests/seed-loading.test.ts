import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RelationType } from '../src/domain/graph-model.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { readDataset, SeedValidationError } from '../src/seed/dataset.js';
import { toExportedGraph } from '../src/seed/graph-export.js';
import { toGraphML } from '../src/seed/graphml.js';
import { seedDatabase } from '../src/seed/load.js';
import { formatDataset, rowsToDataset } from '../src/seed/seed-files.js';
import { testDatabase } from './helpers/database.js';
import { seedCopy } from './helpers/seed-copy.js';

const db = testDatabase(60_000);
afterAll(() => db.close());

async function fingerprint(): Promise<Record<string, unknown>> {
  const [row] = await db.scope().read(
    `RETURN COUNT { (:Entity) } AS entities, COUNT { (:Source) } AS sources, COUNT { ()-[:CITES]->() } AS cites,
            COUNT { ()-[r]->() WHERE r.id IS NOT NULL } AS relationships,
            COLLECT { MATCH (m:Model) RETURN m.id + '|' + coalesce(toString(m.parameters), '') + '|' + coalesce(m.releaseDate, '') ORDER BY m.id } AS models`,
  );
  return row!;
}

describe('loading the seed into Neo4j', () => {
  it('is idempotent: loading twice leaves identical counts and values', async () => {
    const before = await fingerprint();
    await seedDatabase(db);
    expect(await fingerprint()).toEqual(before);
  });

  it('writes nothing when any file is bad', async () => {
    const before = await fingerprint();
    const dir = seedCopy('models.json', (models) => {
      models.push({ ...models[0], id: 'brand-new-model', name: 'Brand New' });
      models[1]!.mentions = [{ source: 'src-000', quote: 'not a quote from the document at all' }];
    });
    await expect(seedDatabase(db, { dir })).rejects.toBeInstanceOf(SeedValidationError);
    expect(await fingerprint()).toEqual(before);
    expect(await db.scope().read("MATCH (n {id: 'brand-new-model'}) RETURN n")).toEqual([]);
  });

  it('cites every relationship and every entity in the graph', async () => {
    const [row] = await db.scope().read(
      `RETURN COUNT { ()-[r]->() WHERE type(r) IN $types AND size(r.citationQuotes) = 0 } AS uncited,
              COUNT { (n:Entity) WHERE NOT (n)-[:CITES]->(:Source) } AS unsourced`,
      { types: Object.values(RelationType) },
    );
    expect(row).toEqual({ uncited: 0, unsourced: 0 });
  });

  it('keeps both of two contradicting claims and shows the better supported value on the node', async () => {
    const rows = await db.scope().read(
      `MATCH (m:Product {id: 'chatgpt'})-[c:CITES {attribute: 'releaseDate'}]->(s:Source)
       RETURN m.releaseDate AS shown, c.value AS value, c.confidence AS confidence, s.id AS source ORDER BY c.ordinal`,
    );
    expect(rows.map((r) => [r.shown, r.value, r.confidence])).toEqual([
      ['2022-11', '"2022-11"', 1],
      ['2022-11', '"2020"', 0.3],
    ]);
  });

  it('exports the graph back to files identical to the committed seed', async () => {
    const rows = await new SeedRepository(db).read();
    const files = formatDataset(rowsToDataset(rows));
    for (const [file, text] of files) expect(text, file).toBe(readFileSync(path.join('seed', file), 'utf8'));
    expect([...files.keys()].sort()).toEqual([...formatDataset(readDataset('seed').dataset).keys()].sort());
  });

  it('exports GraphML with every entity and relationship', async () => {
    const rows = await new SeedRepository(db).read();
    const xml = toGraphML(toExportedGraph(rows));
    const entities = Object.values(rows.entities).flat().length;
    const relationships = Object.values(rows.relationships).flat().length;
    expect(xml.match(/<node /g)).toHaveLength(entities);
    expect(xml.match(/<edge /g)).toHaveLength(relationships);
    expect(xml).toContain(
      '<edge id="gpt-2:DERIVED_FROM:gpt-1" source="gpt-2" target="gpt-1"><data key="relation">DERIVED_FROM</data><data key="kind">SUCCESSOR</data>',
    );
  });

  it('finds entities by Chinese and English names through the full-text index', async () => {
    const search = (q: string) =>
      db
        .scope()
        .read("CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.id AS id LIMIT 5", { q })
        .then((r) => r.map((x) => x.id));
    expect(await search('星火')).toContain('spark');
    expect(await search('幻觉')).toContain('hallucination');
    expect(await search('文心一言')).toContain('ernie-bot');
    expect(await search('hallucination')).toContain('hallucination');
    // One name, two things: the product 通义千问 and the Qwen family it shares the name with.
    expect(await search('通义千问')).toEqual(expect.arrayContaining(['tongyi-qianwen-app', 'qwen']));
    expect(await search('Tongyi Qianwen')).toContain('tongyi-qianwen-app');
    // Both names of the family lead to the one series node.
    expect(await search('Qwen')).toContain('qwen');
    expect(await search('LLaMA 系列')).toContain('llama-series');
    expect(await search('Kimi')).toContain('kimi');
  });
});
