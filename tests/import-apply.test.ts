import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../src/import/apply-import.js';
import { type Format, formatOf } from '../src/import/formats.js';
import { parseHfModelTree } from '../src/import/formats/hf-model-tree.js';
import { Decisions } from '../src/resolve/decisions.js';
import { graphFingerprint } from './helpers/fingerprint.js';
import { importService } from './helpers/import-service.js';
import { graphql } from './helpers/service.js';

// --apply on the fixture files of the three formats, into the shared graph: a second apply changes
// nothing, and a catalogue never replaces what a document states. The file restores the seed graph
// when done, because the other files pin its counts.

const running = importService();
const decisions = Decisions.read();
const dir = mkdtempSync(path.join(tmpdir(), 'import-apply-'));
// The Epoch fixture plus a row that contradicts the documents: they date BERT 2018-10.
const epoch = path.join(dir, 'epoch.csv');
writeFileSync(epoch, `${readFileSync('tests/fixtures/import/epoch.csv', 'utf8').trimEnd()}\nBERT,Language,Google,2019-05-01,,,,,,,,,\n`);
const SNAPSHOTS: Array<[Format, string]> = [
  ['epoch-csv', epoch],
  ['ecosystem-graphs', 'tests/fixtures/import/ecosystem-graphs'],
  ['hf-model-tree', 'tests/fixtures/import/hf-model-tree.jsonl'],
];
const applyAll = async () => {
  const results = [];
  for (const [format, file] of SNAPSHOTS) results.push(await applyImport(running.db, format, file, formatOf(format).read(file), decisions));
  return results;
};

describe('import --apply', { timeout: 300_000 }, () => {
  it('writes the catalogues once: a second apply changes nothing', async () => {
    const first = await applyAll();
    const epochRun = first[0]!;
    expect(epochRun.after.nodes.Model).toBeGreaterThan(epochRun.before.nodes.Model!);
    expect(epochRun.after.nodes.Dataset).toBeGreaterThan(0);
    expect(epochRun.plan.conflicts).toContainEqual(
      expect.objectContaining({ entityId: 'bert', attribute: 'releaseDate', graphValue: '2018-10', catalogueValue: '2019-05-01' }),
    );
    // Ecosystem Graphs' application is a Product, powered by the model it depends on, offered by its organization.
    const ecosystem = first[1]!;
    expect(ecosystem.after.nodes.Product).toBe(ecosystem.before.nodes.Product! + 1);
    expect(ecosystem.after.relationships.POWERED_BY).toBe(ecosystem.before.relationships.POWERED_BY! + 1);
    expect(ecosystem.after.relationships.OFFERED_BY).toBe(ecosystem.before.relationships.OFFERED_BY! + 1);
    const { data } = await graphql<{
      product: { productKind: string; poweredBy: Array<{ id: string }>; offeredBy: Array<{ id: string }> };
    }>(running.service.url, '{ product(id: "tulu-playground") { productKind poweredBy { id } offeredBy { id } } }');
    expect(data!.product).toEqual({ productKind: 'DEVELOPER_PLATFORM', poweredBy: [{ id: 'tulu-2' }], offeredBy: [{ id: 'ai2' }] });

    const once = await graphFingerprint(running.db);
    const second = await applyAll();
    expect(await graphFingerprint(running.db)).toEqual(once);
    for (const run of second) expect(run.after).toEqual(run.before);
    expect(second.flatMap((run) => run.plan.toCreate)).toEqual([]);
  });

  it('keeps the value a document states and shows the catalogue’s as a competing claim', async () => {
    const { data, errors } = await graphql<{
      model: { releaseDate: string; claims: Array<{ attribute: string; value: string; source: { id: string } }> };
      conflicts: Array<{
        entityId: string;
        attribute: string;
        values: Array<{ value: string; preferred: boolean; sources: Array<{ id: string; url: string | null }> }>;
      }>;
    }>(
      running.service.url,
      `{ model(id: "bert") { releaseDate claims { attribute value source { id } } }
         conflicts(first: 100) { entityId attribute values { value preferred sources { id url } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.model.releaseDate).toBe('2018-10');
    const bert = data!.conflicts.find((c) => c.entityId === 'bert' && c.attribute === 'releaseDate');
    expect(bert?.values).toEqual([
      expect.objectContaining({ value: '"2018-10"', preferred: true }),
      expect.objectContaining({
        value: '"2019-05-01"',
        preferred: false,
        sources: [expect.objectContaining({ url: 'https://epoch.ai/data/ai-models' })],
      }),
    ]);
    const source = await running.db
      .scope()
      .read("MATCH (s:Source) WHERE s.id STARTS WITH 'catalogue-epoch-csv-' RETURN s.license AS license, s.version AS version");
    expect(source).toEqual([{ license: 'CC BY 4.0', version: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }]);
  });

  it('gives two labs’ models that share a short name two nodes', async () => {
    const file = path.join(dir, 'namesakes.csv');
    writeFileSync(
      file,
      [
        'Model,Domain,Organization,Publication date,Parameters',
        'Orca,Language,Microsoft Research,2023-06-05,13000000000',
        'Orca,Language,Orca Labs Inc,2021-02-01,350000000',
      ].join('\n'),
    );
    const run = await applyImport(running.db, 'epoch-csv', file, formatOf('epoch-csv').read(file), decisions);
    // Two rows of one catalogue are two things; the second, same name and other lab, is not merged.
    const rows = await running.db
      .scope()
      .read("MATCH (m:Model) WHERE m.name = 'Orca' RETURN m.id AS id, [(m)-[:DEVELOPED_BY]->(o) | o.id] AS developers ORDER BY id");
    expect(rows).toEqual([
      { id: 'orca', developers: ['microsoft-research'] },
      { id: 'orca-2', developers: ['orca-labs-inc'] },
    ]);
    expect(run.plan.ambiguous).toEqual([]);
  });

  it('imports 3,000 distinct Hugging Face repo ids as 3,000 models', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({
        id: `uploader-${i % 1000}/Llama-3-8B-${['GGUF', 'GPTQ', 'AWQ'][Math.floor(i / 1000)]}`,
        author: `uploader-${i % 1000}`,
      }),
    );
    const file = path.join(dir, 'hf.jsonl');
    writeFileSync(file, lines.join('\n'));
    const run = await applyImport(running.db, 'hf-model-tree', file, parseHfModelTree(lines.join('\n')), decisions);
    expect(run.after.nodes.Model! - run.before.nodes.Model!).toBe(3000);
    const [row] = await running.db.scope().read("MATCH (m:Model) WHERE m.name STARTS WITH 'uploader-' RETURN count(DISTINCT m.name) AS n");
    expect(row).toEqual({ n: 3000 });
  });
});
