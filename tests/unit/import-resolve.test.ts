import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineageKind } from '../../src/domain/registry.js';
import type { ExistingEntity } from '../../src/import/existing.js';
import { productKindOf, readEcosystemGraphs } from '../../src/import/formats/ecosystem-graphs.js';
import { readEpochCsv } from '../../src/import/formats/epoch-csv.js';
import { readHfModelTree } from '../../src/import/formats/hf-model-tree.js';
import { planImport, relationshipFor } from '../../src/import/plan.js';
import { nameKey, slugOf } from '../../src/import/resolve/normalise.js';
import { Overrides } from '../../src/import/resolve/overrides.js';
import { Resolver } from '../../src/import/resolve/resolver.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

/** A small graph standing in for the seed: what the fixtures resolve against. */
const GRAPH: ExistingEntity[] = [
  { id: 'meta', kind: 'ORGANIZATION', name: 'Meta', aliases: ['Meta AI'], values: {} },
  { id: 'google', kind: 'ORGANIZATION', name: 'Google', aliases: [], values: {} },
  { id: 'google-deepmind', kind: 'ORGANIZATION', name: 'Google DeepMind', aliases: [], values: {} },
  { id: 'openai', kind: 'ORGANIZATION', name: 'OpenAI', aliases: [], values: {} },
  { id: 'gpt-4', kind: 'MODEL', name: 'GPT-4', aliases: [], values: { releaseDate: '2023-03-14', openWeights: false } },
  { id: 'llama-2', kind: 'MODEL', name: 'LLaMA 2', aliases: ['Llama 2'], values: { releaseDate: '2023-07' } },
];

describe('name keys', () => {
  it('treats case, spaces, hyphens and brackets as one spelling', () => {
    const key = nameKey('Llama 2-70B');
    expect(nameKey('Llama-2-70B')).toBe(key);
    expect(nameKey('LLaMA 2 70B')).toBe(key);
    expect(nameKey('Llama 2 (70B)')).toBe(key);
    expect(nameKey('Google Deepmind')).toBe(nameKey('Google DeepMind'));
    expect(nameKey('Qwen2.5-Coder (32B)')).toBe(nameKey('Qwen 2.5 Coder 32B'));
    expect(nameKey('Llama 3.1-70B')).toBe('llama 3.1 70b');
  });

  it('keeps different versions and sizes apart', () => {
    expect(nameKey('Llama 3.1-70B')).not.toBe(nameKey('Llama 3-70B'));
    expect(nameKey('GPT-4o')).not.toBe(nameKey('GPT-4'));
    expect(nameKey('Llama 2-70B')).not.toBe(nameKey('Llama 2-7B'));
  });

  it('makes ids in the seed style', () => {
    expect(slugOf('GPT-3.5')).toBe('gpt-3-5');
    expect(slugOf('Qwen2.5-Coder (32B)')).toBe('qwen2-5-coder-32b');
  });
});

describe('overrides', () => {
  it('validates the file shape with one sentence naming the problem', () => {
    expect(Overrides.read(fileURLToPath(new URL('../../seed/import-overrides.json', import.meta.url))).entries.length).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'overrides-'));
    const write = (json: unknown) => {
      const file = path.join(dir, 'o.json');
      writeFileSync(file, JSON.stringify(json));
      return file;
    };
    expect(() => Overrides.read(write({ overrides: [{ name: 'X', id: 'x', neverMerge: true }] }))).toThrow(
      /overrides\.0: give exactly one of "id" or "neverMerge"\.$/,
    );
    expect(() => Overrides.read(write({ overrides: [{ name: 'X', id: 'x', kind: 'TECHNIQUE' }] }))).toThrow(/overrides\.0\.kind/);
    expect(() => Overrides.read(path.join(dir, 'missing.json'))).toThrow(/could not be read as JSON/);
  });

  it('sends a name to an id, or keeps it apart from its look-alike', () => {
    const overrides = new Overrides([
      { name: 'Gemini 1.0 Ultra', kind: 'MODEL', id: 'gpt-4' },
      { name: 'GPT-4', kind: 'MODEL', format: 'epoch-csv', neverMerge: true },
    ]);
    const plan = planImport(readEpochCsv(fixture('epoch.csv')), GRAPH, overrides);
    expect(plan.matched).toContainEqual({ rowKey: 'row 4', name: 'Gemini 1.0 Ultra', id: 'gpt-4', by: 'override' });
    expect(plan.toCreate).toContainEqual(expect.objectContaining({ id: 'gpt-4-2', name: 'GPT-4', kind: 'MODEL' }));
  });
});

describe('planning an epoch-csv import', () => {
  const plan = planImport(readEpochCsv(fixture('epoch.csv')), GRAPH, new Overrides());

  it('matches existing entities through names and aliases, organizations too', () => {
    expect(plan.matched.map((m) => `${m.rowKey} ${m.id}`)).toEqual(['row 7 gpt-4']);
    const developers = plan.relationships.filter((r) => r.type === 'DEVELOPED_BY').map((r) => `${r.from} -> ${r.to}`);
    expect(developers).toContain('llama-2-70b -> meta'); // "Meta AI" is an alias of Meta
    expect(developers).toContain('gemini-1-0-ultra -> google-deepmind');
    expect(developers).toContain('gemini-1-0-ultra -> google');
    expect(developers).toContain('vicuna-13b -> lmsys');
  });

  it('resolves a base model spelled differently from its Model cell, and reports a missing parent', () => {
    expect(plan.relationships).toContainEqual(
      expect.objectContaining({ from: 'tulu-2-70b', type: 'DERIVED_FROM', kind: 'FINE_TUNE', to: 'llama-2-70b' }),
    );
    expect(plan.relationships).toContainEqual(
      expect.objectContaining({ from: 'llama-2-70b-chat', type: 'DERIVED_FROM', kind: 'VARIANT', to: 'llama-2-70b' }),
    );
    expect(plan.unresolved).toEqual([
      { rowKey: 'row 3', name: 'LLaMA-13B', relation: 'BASE', reason: 'names no entity in the graph or the catalogue' },
    ]);
  });

  it('never merges a case-only duplicate row: it is reported as ambiguous', () => {
    expect(plan.ambiguous).toEqual([{ rowKey: 'row 9', name: 'falcon 40b', role: 'record', candidates: ['falcon-40b (new, from row 8)'] }]);
    expect(plan.toCreate.filter((e) => e.name.toLowerCase().startsWith('falcon'))).toHaveLength(1);
  });

  it('creates named training datasets and links them', () => {
    expect(
      plan.toCreate
        .filter((e) => e.kind === 'DATASET')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['RefinedWeb', 'Tulu-V2-mix']);
    expect(plan.relationships).toContainEqual(expect.objectContaining({ from: 'falcon-40b', type: 'TRAINED_ON', to: 'refinedweb' }));
  });

  it('adds claims with their quotes and reports values that disagree with the graph', () => {
    expect(plan.claims).toContainEqual({
      entityId: 'llama-2-70b',
      kind: 'MODEL',
      attribute: 'parameters',
      value: 70e9,
      rowKey: 'row 1',
      quote: '70B',
    });
    expect(plan.conflicts).toEqual([
      { entityId: 'gpt-4', attribute: 'releaseDate', graphValue: '2023-03-14', catalogueValue: '2023-03-15', rowKey: 'row 7' },
    ]);
  });
});

describe('planning an ecosystem-graphs import', () => {
  const plan = planImport(readEcosystemGraphs(fixture('ecosystem-graphs')), GRAPH, new Overrides());
  const rel = (from: string, to: string) => plan.relationships.find((r) => r.from === from && r.to === to);

  it('types dependencies by the kinds at both ends', () => {
    expect(rel('tulu-2', 'llama-2')).toMatchObject({ type: 'DERIVED_FROM', kind: 'VARIANT' }); // "llama 2": case only
    expect(rel('tulu-2', 'tulu-v2-mix')).toMatchObject({ type: 'TRAINED_ON' });
    expect(rel('tulu-playground', 'tulu-2')).toMatchObject({ type: 'POWERED_BY' });
  });

  it('makes applications products, offered by their organizations, with a product kind', () => {
    const products = plan.toCreate.filter((e) => e.kind === 'PRODUCT');
    // Tulu Chat's row is skipped (its date is "sometime in 2024").
    expect(products.map((p) => [p.id, p.props?.productKind])).toEqual([['tulu-playground', 'DEVELOPER_PLATFORM']]);
    expect(rel('tulu-playground', 'ai2')).toMatchObject({ type: 'OFFERED_BY' });
    expect(productKindOf('Tulu Chat', '')).toBe('CHAT_APP');
    expect(productKindOf('Bing Search', 'A search engine with chat.')).toBe('SEARCH_ENGINE');
    expect(productKindOf('Khanmigo', 'A tutor for students.')).toBe('ASSISTANT');
    expect(rel('tulu-2', 'ai2')).toMatchObject({ type: 'DEVELOPED_BY' });
  });

  it('reports dependencies it cannot resolve or type, and invents nothing', () => {
    expect(plan.unresolved.map((u) => `${u.rowKey} ${u.name}: ${u.reason}`)).toEqual([
      "assets/meta.yaml#2 AI2: a dataset's organization has no relationship type yet",
      "assets/meta.yaml#2 University of Washington: a dataset's organization has no relationship type yet",
      'assets/meta.yaml#2 ShareGPT: names no entity in the graph or the catalogue',
      'assets/meta.yaml#2 GPT-4: a dataset depending on a model has no relationship type yet',
      'assets/meta.yaml#3 Some Unlisted Corpus: names no entity in the graph or the catalogue',
    ]);
    expect(plan.toCreate.map((e) => e.name)).not.toContain('Some Unlisted Corpus');
  });

  it('matches assets to existing models and keeps the explanation as the claim quote', () => {
    expect(plan.matched.map((m) => m.id).sort()).toEqual(['gpt-4', 'llama-2']);
    expect(plan.claims).toContainEqual({
      entityId: 'llama-2',
      kind: 'MODEL',
      attribute: 'releaseDate',
      value: '2023-07-18',
      rowKey: 'assets/meta.yaml#1',
      quote: 'The date the model was announced.',
    });
    // A day inside the graph's month agrees with it.
    expect(plan.conflicts).toEqual([]);
  });
});

describe('planning an hf-model-tree import', () => {
  const plan = planImport(readHfModelTree(fixture('hf-model-tree.jsonl')), GRAPH, new Overrides());

  it('maps relations onto lineage kinds, through ids in any case, including list-valued bases', () => {
    const lineage = plan.relationships.filter((r) => r.type === 'DERIVED_FROM').map((r) => `${r.from} ${r.kind} ${r.to}`);
    expect(lineage).toEqual([
      'llama-2-7b-gptq QUANTIZED llama-2-7b-hf',
      'llama-2-7b-lora ADAPTER llama-2-7b-hf',
      'franken-7b MERGE llama-2-7b-hf',
      'llama-2-7b-chat-ft FINE_TUNE llama-2-7b-hf',
    ]);
    expect(plan.unresolved.map((u) => u.name)).toEqual(['mistralai/Mistral-7B-v0.1', 'ghost/never-listed']);
  });
});

describe('relationship typing', () => {
  it('keeps stated lineage kinds and says what an unstated base becomes', () => {
    expect(relationshipFor(LineageKind.QUANTIZED, 'MODEL', 'MODEL')).toMatchObject({ type: 'DERIVED_FROM', kind: 'QUANTIZED' });
    expect(relationshipFor('BASE', 'MODEL', 'MODEL')).toMatchObject({ type: 'DERIVED_FROM', kind: 'VARIANT' });
    expect(relationshipFor('UNTYPED', 'PRODUCT', 'MODEL')).toMatchObject({ type: 'POWERED_BY' });
    expect(relationshipFor('UNTYPED', 'PRODUCT', 'DATASET')).toEqual({
      reason: expect.stringContaining('product depending on a dataset'),
    });
  });
});

describe('ids of entities no row can be', () => {
  it('are never reused: a model named like a technique gets an id of its own', () => {
    const technique: ExistingEntity = { id: 'lstm', kind: null, name: 'LSTM', aliases: [], values: {} };
    const resolver = new Resolver([technique], new Overrides(), 'epoch-csv');
    expect(resolver.resolveRecord('LSTM', [], 'MODEL', 'row 1')).toEqual({ status: 'new', id: 'lstm-2' });
  });
});
