import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EntityType, LineageKind, RelationType } from '../../src/domain/registry.js';
import { readEcosystemGraphs } from '../../src/import/formats/ecosystem-graphs.js';
import { parseEpochCsv, readEpochCsv } from '../../src/import/formats/epoch-csv.js';
import { parseHfModelTree, readHfModelTree } from '../../src/import/formats/hf-model-tree.js';
import { planImport } from '../../src/import/plan.js';
import { relationshipFor } from '../../src/import/typing.js';
import { Decisions } from '../../src/resolve/decisions.js';
import type { ResolvableEntity } from '../../src/resolve/entity.js';
import { Resolver } from '../../src/resolve/resolver.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

const entity = (id: string, kind: EntityType, name: string, more: Partial<ResolvableEntity> = {}): ResolvableEntity => ({
  id,
  kind,
  name,
  aliases: [],
  developers: [],
  values: {},
  formats: [],
  ...more,
});

/** A small graph standing in for the seed: what the fixtures resolve against. */
const GRAPH: ResolvableEntity[] = [
  entity('meta', EntityType.ORGANIZATION, 'Meta', { aliases: ['Meta AI'] }),
  entity('google', EntityType.ORGANIZATION, 'Google'),
  entity('google-deepmind', EntityType.ORGANIZATION, 'Google DeepMind', { developers: ['google'] }),
  entity('openai', EntityType.ORGANIZATION, 'OpenAI'),
  entity('gpt-4', EntityType.MODEL, 'GPT-4', { developers: ['openai'], values: { releaseDate: '2023-03-14', openWeights: false } }),
  entity('llama-2', EntityType.MODEL, 'LLaMA 2', { aliases: ['Llama 2'], developers: ['meta'], values: { releaseDate: '2023-07' } }),
];
const NONE = new Decisions();

describe('decisions', () => {
  it('validate the file shape with one sentence naming the problem', () => {
    expect(Decisions.read(fileURLToPath(new URL('../../seed/resolution.json', import.meta.url))).entries.length).toBeGreaterThan(10);
    const dir = mkdtempSync(path.join(tmpdir(), 'decisions-'));
    const write = (json: unknown) => {
      const file = path.join(dir, 'd.json');
      writeFileSync(file, JSON.stringify(json));
      return file;
    };
    const one = { decision: 'same', kind: 'MODEL', id: 'x', reason: 'r' };
    expect(() => Decisions.read(write({ decisions: [{ ...one, name: 'X', other: 'y' }] }))).toThrow(
      /decisions\.0: give "name" or "other", not both\.$/,
    );
    expect(() => Decisions.read(write({ decisions: [one] }))).toThrow(/needs a "name" or an "other" id/);
    expect(() => Decisions.read(write({ decisions: [{ ...one, name: 'X', kind: 'GADGET' }] }))).toThrow(/decisions\.0\.kind/);
    expect(() => Decisions.read(write({ decisions: [{ ...one, name: 'X', reason: undefined }] }))).toThrow(/decisions\.0\.reason/);
    expect(() => Decisions.read(path.join(dir, 'missing.json'))).toThrow(/could not be read as JSON/);
  });

  it('send a name to an id, or keep it apart from its look-alike', () => {
    const decisions = new Decisions([
      { decision: 'same', kind: EntityType.MODEL, id: 'gpt-4', name: 'Gemini 1.0 Ultra', reason: 'test' },
      { decision: 'distinct', kind: EntityType.MODEL, id: 'gpt-4', name: 'GPT-4', format: 'epoch-csv', reason: 'test' },
    ]);
    const plan = planImport(readEpochCsv(fixture('epoch.csv')), GRAPH, decisions);
    expect(plan.matched).toContainEqual(
      expect.objectContaining({ rowKey: 'row 4', name: 'Gemini 1.0 Ultra', id: 'gpt-4', by: 'decision' }),
    );
    expect(plan.toCreate).toContainEqual(expect.objectContaining({ id: 'gpt-4-2', name: 'GPT-4', kind: 'MODEL' }));
  });
});

describe('planning an epoch-csv import', () => {
  const plan = planImport(readEpochCsv(fixture('epoch.csv')), GRAPH, NONE);

  it('matches existing entities on evidence beyond the name, organizations by name', () => {
    expect(plan.matched.map((m) => `${m.rowKey} ${m.id}`)).toEqual(['row 7 gpt-4']);
    expect(plan.matched[0]!.evidence).toEqual(expect.arrayContaining([expect.stringContaining('same developer (openai)')]));
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
      { rowKey: 'row 3', name: 'LLaMA-13B', relation: 'VARIANT', reason: 'names no entity in the graph or the catalogue' },
    ]);
  });

  it('never merges a case-only duplicate row: it is reported as ambiguous', () => {
    expect(plan.ambiguous).toEqual([{ rowKey: 'row 9', name: 'falcon 40b', role: 'record', candidates: ['falcon-40b (also row 8)'] }]);
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

describe('resolution needs evidence beyond the name', () => {
  // Two labs' models share a short name; a third row names one of the documents' models by a one-word alias.
  const graph = [
    ...GRAPH,
    entity('palm-2-otter', EntityType.MODEL, 'PaLM 2 Otter', {
      aliases: ['Otter'],
      developers: ['google'],
      values: { releaseDate: '2023-05' },
    }),
    entity('zephyr', EntityType.MODEL, 'Zephyr', { developers: ['hugging-face'] }),
    entity('hugging-face', EntityType.ORGANIZATION, 'Hugging Face'),
  ];
  const csv = [
    'Model,Organization,Publication date,Parameters',
    'Otter,Nanyang Technological University,2023-05-05,1300000000',
    'Zephyr,Stability AI,2023-12-07,3000000000',
    'Zephyr,Hugging Face,2023-10-25,7000000000',
  ].join('\n');
  const plan = planImport(parseEpochCsv(csv), graph, NONE);

  it('keeps a short alias from merging another lab’s model into a size tier', () => {
    expect(plan.matched.map((m) => m.id)).not.toContain('palm-2-otter');
    expect(plan.toCreate).toContainEqual(expect.objectContaining({ id: 'otter', name: 'Otter' }));
  });

  it('gives two labs’ models of one name two nodes, and matches the one with the same developer', () => {
    expect(plan.toCreate.filter((e) => e.name === 'Zephyr').map((e) => e.id)).toEqual(['zephyr-2']);
    expect(plan.matched).toContainEqual(expect.objectContaining({ rowKey: 'row 3', id: 'zephyr' }));
    expect(plan.relationships).toContainEqual(expect.objectContaining({ from: 'zephyr-2', type: 'DEVELOPED_BY', to: 'stability-ai' }));
  });
});

describe('planning an ecosystem-graphs import', () => {
  const plan = planImport(readEcosystemGraphs(fixture('ecosystem-graphs')), GRAPH, NONE);
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
  const plan = planImport(readHfModelTree(fixture('hf-model-tree.jsonl')), GRAPH, NONE);

  it('maps relations onto lineage kinds, through repo ids in any case, including list-valued bases', () => {
    const lineage = plan.relationships.filter((r) => r.type === 'DERIVED_FROM').map((r) => `${r.from} ${r.kind} ${r.to}`);
    expect(lineage).toEqual([
      'thebloke-llama-2-7b-gptq QUANTIZED meta-llama-llama-2-7b-hf',
      'someone-llama-2-7b-lora ADAPTER meta-llama-llama-2-7b-hf',
      'mixer-franken-7b MERGE meta-llama-llama-2-7b-hf',
      'tuner-llama-2-7b-chat-ft FINE_TUNE meta-llama-llama-2-7b-hf',
    ]);
    expect(plan.unresolved.map((u) => u.name)).toEqual(['mistralai/Mistral-7B-v0.1', 'ghost/never-listed']);
  });

  it('imports 3,000 distinct repo ids as 3,000 models, whatever their repo names share', () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({
        id: `uploader-${i % 1000}/Llama-3-8B-${['GGUF', 'GPTQ', 'AWQ'][Math.floor(i / 1000)]}`,
        author: `uploader-${i % 1000}`,
      }),
    );
    const many = planImport(parseHfModelTree(lines.join('\n')), GRAPH, NONE);
    expect(many.toCreate.filter((e) => e.kind === EntityType.MODEL)).toHaveLength(3000);
    expect(many.ambiguous).toEqual([]);
    expect(many.matched).toEqual([]);
  });
});

describe('relationship typing', () => {
  const dependency = { name: 'x', aliases: [], basis: 'test' };
  it('keeps stated lineage kinds and types an untyped dependency by the registry', () => {
    expect(
      relationshipFor(
        { ...dependency, type: RelationType.DERIVED_FROM, lineage: LineageKind.QUANTIZED },
        EntityType.MODEL,
        EntityType.MODEL,
      ),
    ).toMatchObject({ type: 'DERIVED_FROM', kind: 'QUANTIZED' });
    expect(relationshipFor(dependency, EntityType.MODEL, EntityType.MODEL)).toMatchObject({ type: 'DERIVED_FROM', kind: 'VARIANT' });
    expect(relationshipFor(dependency, EntityType.MODEL, EntityType.DATASET)).toMatchObject({ type: 'TRAINED_ON' });
    expect(relationshipFor(dependency, EntityType.PRODUCT, EntityType.MODEL)).toMatchObject({ type: 'POWERED_BY' });
    expect(relationshipFor(dependency, EntityType.PRODUCT, EntityType.DATASET)).toEqual({
      reason: expect.stringContaining('product depending on a dataset'),
    });
  });
});

describe('ids of entities no row can be', () => {
  it('are never reused: a model named like a technique gets an id of its own', () => {
    const technique = entity('lstm', EntityType.TECHNIQUE, 'LSTM');
    const resolver = new Resolver([technique], NONE, 'epoch-csv');
    const record = { kind: EntityType.MODEL, name: 'LSTM', aliases: [], developers: [], values: {}, format: 'epoch-csv', rowKey: 'row 1' };
    expect(resolver.resolveRecord(record)).toEqual({ status: 'new', id: 'lstm-2' });
  });
});
