import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { writeImportCsv } from '../../src/bulk-load/import-csv.js';
import { documentText } from '../../src/documents/store.js';
import { isStatement, RELATION_TYPES, RelationType, STRUCTURAL_RELATIONS } from '../../src/domain/registry.js';
import { formatTable, fromTables, toTables } from '../../src/release/tables.js';
import { readDataset, validateDataset } from '../../src/seed/dataset.js';
import { toExportedGraph } from '../../src/seed/graph-export.js';
import { toGraphRows } from '../../src/seed/graph-rows.js';
import { toGraphML } from '../../src/seed/graphml.js';
import { DEFAULT_SEED_DIR } from '../../src/seed/load.js';
import { formatDataset, rowsToDataset } from '../../src/seed/seed-files.js';

// Benchmark results are SCORED_ON statements: several between one model and one benchmark, each with its
// key and the registry's properties, through every layer that writes the graph's shape (seed files,
// GraphML, graphology, release tables, the bulk loader's CSV).

const dir = mkdtempSync(path.join(tmpdir(), 'statements-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
const citation = { url: 'https://crfm.stanford.edu/helm/', quote: '84.2%' };
const RESULTS = [
  {
    from: 'gpt-4o',
    to: 'mmlu',
    key: 'helm-1',
    score: '84.2%',
    value: 0.842,
    shots: 5,
    selfReported: false,
    measuredBy: 'Stanford CRFM',
    url: 'https://crfm.stanford.edu/helm/',
    citations: [citation],
  },
  {
    from: 'gpt-4o',
    to: 'mmlu',
    key: 'openai-1',
    score: '88.7',
    value: 0.887,
    selfReported: true,
    measuredBy: 'OpenAI',
    date: '2024-05-13',
    citations: [{ url: 'https://openai.com/index/hello-gpt-4o/', note: 'OpenAI’s table' }],
  },
];
writeFileSync(path.join(dir, 'relationships/scored_on.json'), JSON.stringify(RESULTS));

describe('statement relationships', () => {
  const { dataset, problems } = readDataset(dir);
  const rows = toGraphRows(dataset);

  it('are declared in the registry and kept out of the structure traversals walk', () => {
    expect(RELATION_TYPES.filter(isStatement)).toEqual([RelationType.SCORED_ON]);
    expect(STRUCTURAL_RELATIONS).not.toContain(RelationType.SCORED_ON);
  });

  it('load from the seed format with their keys and properties, two of one pair apart', () => {
    expect([...problems, ...validateDataset(dataset, dir)]).toEqual([]);
    expect(rows.relationships.SCORED_ON.map((r) => r.id)).toEqual(['gpt-4o:SCORED_ON:mmlu:helm-1', 'gpt-4o:SCORED_ON:mmlu:openai-1']);
    expect(rows.relationships.SCORED_ON[1]!.props).toMatchObject({ score: '88.7', value: 0.887, selfReported: true, shots: null });
    const written = formatDataset(rowsToDataset(rows)).get('relationships/scored_on.json')!;
    expect(JSON.parse(written)).toEqual(RESULTS);
  });

  it('are refused without their key or a required value, and twice under one key', () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'statements-bad-'));
    cpSync(DEFAULT_SEED_DIR, bad, { recursive: true });
    const { key: _key, ...keyless } = RESULTS[0]!;
    const { selfReported: _self, ...unsaid } = RESULTS[1]!;
    writeFileSync(path.join(bad, 'relationships/scored_on.json'), JSON.stringify([keyless, unsaid, RESULTS[0], RESULTS[0]]));
    const read = readDataset(bad);
    const messages = [...read.problems, ...validateDataset(read.dataset, bad)].map((p) => `${p.entry}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^#1 \(gpt-4o -> mmlu\): key: /),
        expect.stringMatching(/^#2 \(gpt-4o -> mmlu\): selfReported: /),
        '#4 (gpt-4o -> mmlu): duplicate relationship gpt-4o->mmlu (helm-1)',
      ]),
    );
    rmSync(bad, { recursive: true, force: true });
  });

  it('export as multigraph edges with distinct keys, and as GraphML whose key ids are unique', () => {
    const graph = toExportedGraph(rows);
    const results = graph.edges.filter((e) => e.attributes.relation === 'SCORED_ON');
    expect(results.map((e) => e.key)).toEqual(['gpt-4o:SCORED_ON:mmlu:helm-1', 'gpt-4o:SCORED_ON:mmlu:openai-1']);
    expect(results[0]!.attributes).toMatchObject({ key: 'helm-1', value: 0.842, shots: 5, url: 'https://crfm.stanford.edu/helm/' });
    const xml = toGraphML(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const ids = [...xml.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // A result's url is not a product's: the edge's key has an id of its own, named "url".
    expect(xml).toContain('<key id="edge.url" for="edge" attr.name="url" attr.type="string"/>');
    expect(xml).toContain('<data key="edge.url">https://crfm.stanford.edu/helm/</data>');
  });

  it('write release tables with their key and properties, which read back as written', () => {
    const tables = toTables(rows, documentText);
    const table = tables.find((t) => t.file === 'relationships/scored_on.csv')!;
    expect(table.columns.slice(0, 8)).toEqual(['id', 'from', 'from_name', 'to', 'to_name', 'kind', 'key', 'score']);
    expect(table.rows[0]).toMatchObject({ key: 'helm-1', value: '0.842', shots: '5', selfReported: 'false', measuredBy: 'Stanford CRFM' });
    const texts = new Map(tables.map((t) => [t.file, formatTable(t)]));
    expect(fromTables((file) => texts.get(file) ?? null).relationships.SCORED_ON).toEqual(rows.relationships.SCORED_ON);
  });

  it('write the bulk loader’s relationship CSV with their key and typed properties', async () => {
    const files = await writeImportCsv(rows, path.join(dir, 'csv'));
    const csv = readFileSync(files.relationships.find((r) => r.type === 'SCORED_ON')!.file, 'utf8').split('\n');
    expect(csv[0]).toContain(',key,score,value:double,metric,shots:double,');
    expect(csv[0]).toContain(',selfReported:boolean,');
    expect(csv.filter((line) => line.startsWith('"gpt-4o","mmlu"'))).toHaveLength(2);
  });
});
