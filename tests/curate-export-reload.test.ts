import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { seedDatabase } from '../src/seed/load.js';
import { formatDataset, rowsToDataset, writeDatasetFiles } from '../src/seed/seed-files.js';
import type { Service } from '../src/service.js';
import { graphFingerprint } from './helpers/fingerprint.js';
import { graphql, startTestService } from './helpers/service.js';
import { ADMIN_TOKEN, API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

// One write model: what curators write through the API, exported with the seed export code,
// reloads into an empty graph as the same graph; and loading a dataset over a curated graph loses
// nothing curated. This file empties the shared database, so it restores the seed when done.

let service: Service;
let db: Database;
beforeAll(async () => {
  // Many writes in one test: a slow shared machine must not turn them into timeouts.
  service = await startTestService({ API_TOKENS, REQUEST_TIMEOUT_MS: '60000' });
  db = service.database;
});
afterAll(async () => {
  // Leave the shared graph as the global setup made it, for the files that run after this one.
  await new SeedRepository(db).reset();
  await seedDatabase(db);
  await service.stop();
}, 300_000);

const editor = (query: string, variables = {}) => graphql(service.url, query, variables, bearer(EDITOR_TOKEN));
const admin = (query: string, variables = {}) => graphql(service.url, query, variables, bearer(ADMIN_TOKEN));
const DOC = { sourceId: 'src-002', quote: '2019 年，OpenAI 发布了 GPT-2 模型，具有 15 亿参数' };
const URL_CITATION = { url: 'https://example.org/%E6%A8%A1%E5%9E%8B/card', quote: 'a page about the model, in Chinese' };

async function ok(result: Promise<{ data?: unknown; errors?: Array<{ message: string }> }>) {
  const { data, errors } = await result;
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data as Record<string, unknown>;
}

const fingerprint = () => graphFingerprint(db);

async function exportTo(dir: string): Promise<void> {
  writeDatasetFiles(formatDataset(rowsToDataset(await new SeedRepository(db).read())), dir);
  symlinkSync(path.resolve('seed/documents'), path.join(dir, 'documents'));
  // The reviewed resolution decisions live in seed/ beside the data (an export into seed/ keeps them): the
  // reload checks its namesakes (HumanEval and HumanEval+) against them.
  symlinkSync(path.resolve('seed/resolution.json'), path.join(dir, 'resolution.json'));
}

describe('curate, export, reload', { timeout: 300_000 }, () => {
  let curated: Record<string, string[]>;

  it('accepts arbitrary curated writes: new entities, nulls, claims over seed claims, links, unlinks, deletes', async () => {
    const gpt4 = (await ok(graphql(service.url, '{ model(id: "gpt-4") { name } }'))).model as { name: string };
    const upsertModel = 'mutation($input: ModelInput!) { upsertModel(input: $input) { id } }';
    const upsert = (kind: string, input: object) =>
      editor(`mutation($input: ${kind}Input!) { upsert${kind}(input: $input) { id } }`, { input });
    const link = (input: object) => editor('mutation($input: LinkInput!) { linkEntities(input: $input) { id } }', { input });

    await ok(
      editor(upsertModel, {
        input: {
          id: 'rt-model',
          name: 'Round-trip model',
          aliases: ['往返模型', 'RT'],
          parameters: 7e9,
          releaseDate: '2024-05',
          modalities: ['text', 'code'],
          openWeights: true,
          citation: URL_CITATION,
        },
      }),
    );
    // Nulls leave values alone; a new claim on a seed attribute goes before the seed's claims.
    await ok(
      editor(upsertModel, {
        input: { id: 'gpt-4', name: gpt4.name, parameters: 2e12, contextWindow: null, description: null, aliases: null, citation: DOC },
      }),
    );
    await ok(editor(upsertModel, { input: { id: 'gpt-4', name: gpt4.name, parameters: 2e12, citation: DOC } }));
    await ok(upsert('Organization', { id: 'rt-org', name: 'Round-trip Lab', country: 'FR', description: 'A lab.', citation: DOC }));
    await ok(upsert('Technique', { id: 'rt-tech', name: 'Round-trip tuning', category: 'TRAINING', citation: URL_CITATION }));
    await ok(upsert('Limitation', { id: 'rt-limit', name: 'Round-trip drift', citation: DOC }));
    await ok(upsert('Limitation', { id: 'rt-doomed', name: 'Short-lived', citation: DOC }));

    await ok(link({ fromId: 'rt-model', toId: 'rt-org', type: 'DEVELOPED_BY', citation: DOC }));
    // Distilled, not fine-tuned: a 7B fine-tune of a 2T model is doubted by the plausibility rules, which the
    // reload runs and curated writes do not (they are checked by the next load or import).
    await ok(link({ fromId: 'rt-model', toId: 'gpt-4', type: 'DERIVED_FROM', kind: 'DISTILLATION', citation: URL_CITATION }));
    await ok(link({ fromId: 'rt-tech', toId: 'transformer', type: 'BUILDS_ON', citation: DOC }));
    await ok(link({ fromId: 'gpt-4', toId: 'openai', type: 'DEVELOPED_BY', citation: URL_CITATION }));
    await ok(link({ fromId: 'rt-tech', toId: 'rt-limit', type: 'MITIGATES', citation: DOC }));
    await ok(link({ fromId: 'rt-tech', toId: 'rt-doomed', type: 'MITIGATES', citation: DOC }));
    await ok(editor('mutation { unlinkEntities(edgeId: "rt-tech:MITIGATES:rt-limit") }'));
    await ok(admin('mutation { deleteEntity(id: "rt-doomed") }'));
    await ok(admin('mutation { deleteEntity(id: "hallucination") }'));

    // What a seed file could not hold is refused here too.
    const cycle = await link({ fromId: 'transformer', toId: 'rt-tech', type: 'BUILDS_ON', citation: DOC });
    expect(cycle.errors?.[0]?.message).toBe(
      'input.toId "rt-tech" already leads to "transformer" through BUILDS_ON; this link would make a cycle.',
    );
    const noCategory = await upsert('Technique', { id: 'rt-vague', name: 'Vague', citation: DOC });
    expect(noCategory.errors?.[0]?.message).toBe('input.category is required when creating a TECHNIQUE.');

    const shown = (await ok(graphql(service.url, '{ model(id: "gpt-4") { parameters claims { attribute value } } }'))).model as {
      parameters: number;
      claims: Array<{ attribute: string; value: string }>;
    };
    expect(shown.parameters).toBe(2e12);
    expect(shown.claims.filter((c) => c.attribute === 'parameters')[0]?.value).toBe('2000000000000');
    curated = await fingerprint();
  });

  it('reloads the export into an empty graph as the same graph', async () => {
    expect(curated).toBeDefined();
    const dir = mkdtempSync(path.join(tmpdir(), 'curated-export-'));
    await exportTo(dir);
    await new SeedRepository(db).reset();
    expect((await fingerprint()).nodes).toEqual([]);
    await seedDatabase(db, { dir });
    const reloaded = await fingerprint();
    expect(reloaded.nodes).toEqual(curated.nodes);
    expect(reloaded.relationships).toEqual(curated.relationships);
    expect(reloaded.citations).toEqual(curated.citations);
  });

  it('keeps every curated fact when the committed seed is loaded over the curated graph', async () => {
    await seedDatabase(db);
    const after = await fingerprint();
    const missing = (kind: 'nodes' | 'relationships' | 'citations') => curated[kind]!.filter((x) => !after[kind]!.includes(x));
    expect(missing('citations')).toEqual([]);
    expect(missing('relationships')).toEqual([]);
    expect(missing('nodes')).toEqual([]);
    // The deleted seed entity comes back with the load: loading adds, it never removes.
    expect(after.nodes!.some((n) => n.includes('"id":"hallucination"'))).toBe(true);
  });
});
