import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDefaultCatalogue } from '../../src/import/default-catalogues.js';
import { familyName, readModelsDev } from '../../src/import/formats/models-dev.js';
import { modelIdsOf, modelNamesOf } from '../../src/import/formats/models-dev-offerings.js';
import { lineOf } from '../../src/import/formats/toml-tree.js';
import { planImport } from '../../src/import/plan.js';
import { Decisions } from '../../src/resolve/decisions.js';

const fixture = fileURLToPath(new URL('../fixtures/import/models-dev', import.meta.url));
const parsed = readModelsDev(fixture);
const byKey = (key: string) => parsed.records.find((r) => r.rowKey === key);

describe('models-dev', () => {
  it('reads the canonical models and the offerings, follows stored links and skips what it cannot read', () => {
    expect(parsed.rowsRead).toBe(10);
    expect(parsed.records.map((r) => `${r.kind} ${r.rowKey}`).sort()).toEqual([
      'MODEL models/acme/rocket-1-20250102.toml',
      'OFFERING providers/acme/models/rocket-1.toml',
      'OFFERING providers/host/models/acme/rocket-1-20250102.toml',
      'OFFERING providers/host/models/acme/rocket-1:free.toml',
      'OFFERING providers/host/models/unknown-model.toml',
      'OFFERING providers/mirror/models/rocket.toml',
    ]);
    expect(parsed.skipped.map((p) => `${p.rowKey} ${p.kind}`)).toEqual([
      'models/acme/rocket-mini.toml bad-date',
      'providers/mirror/models/broken.toml malformed',
      'providers/mirror/models/dangling.toml malformed',
    ]);
    expect(parsed.skipped[2]!.reason).toContain('names a file the snapshot does not have');
    expect(parsed.stableKeys).toBe(true);
    // Not a dated copy: the newest date its files state.
    expect(parsed.snapshotDate).toBe('2025-01-05');
  });

  it('states a model’s values as claims, each quoting its TOML line; capabilities are attributes', () => {
    const rocket = byKey('models/acme/rocket-1-20250102.toml')!;
    expect(rocket.attributes).toEqual({
      releaseDate: '2025-01-02',
      knowledgeCutoff: '2024-06',
      openWeights: true,
      reasoning: true,
      toolCalling: false,
      attachments: false,
      license: 'apache-2.0',
      contextWindow: 131072,
      maxOutputTokens: 8192,
      inputModalities: ['text', 'image', 'pdf'],
      outputModalities: ['text'],
      modalities: ['text', 'image'],
      links: ['https://huggingface.co/acme-ai/Rocket-1'],
    });
    expect(rocket.quotes).toContainEqual({ attribute: 'contextWindow', text: 'context = 131_072' });
    expect(rocket.quotes).toContainEqual({ attribute: 'toolCalling', text: 'tool_call = false' });
    expect(rocket.organizations).toEqual(['Acme']);
    expect(rocket.family).toBe('Rocket');
  });

  it('folds a "(latest)" pointer into the dated model it follows; the Hugging Face repository is an alias', () => {
    const rocket = byKey('models/acme/rocket-1-20250102.toml')!;
    expect(rocket.aliases).toEqual(['rocket-1-20250102', 'acme-ai/Rocket-1', 'Rocket 1 (latest)', 'rocket-1']);
    expect(byKey('models/acme/rocket-1.toml')).toBeUndefined();
  });

  it('keeps [[benchmarks]] as results, as stated', () => {
    expect(byKey('models/acme/rocket-1-20250102.toml')!.results).toEqual([
      {
        benchmark: 'MMLU',
        score: 81.5,
        metric: 'accuracy',
        setting: { dataset: '5-shot' },
        date: '2025-01-02',
        sourceUrl: 'https://acme.example/rocket',
        field: '[[benchmarks]] #1',
      },
    ]);
  });

  it('reads an offering: price, limits inherited from its base model, status, provider, the model it serves', () => {
    const acme = byKey('providers/acme/models/rocket-1.toml')!;
    expect(acme.name).toBe('Rocket 1 (latest) · Acme');
    expect(acme.attributes).toEqual({
      inputPrice: 0.5,
      outputPrice: 1.5,
      cacheReadPrice: 0.05,
      contextWindow: 131072,
      maxOutputTokens: 8192,
      status: 'LISTED',
    });
    expect(acme.dependencies).toEqual([
      { name: 'Rocket 1', aliases: [], type: 'SERVES', basis: 'base_model acme/rocket-1', rowKey: 'models/acme/rocket-1-20250102.toml' },
    ]);
    const free = byKey('providers/host/models/acme/rocket-1:free.toml')!;
    // The provider's organization drops the region in brackets; its name stays on the offering.
    expect(free.organizations).toEqual(['Host']);
    expect(free.name).toBe('Acme: Rocket 1 (free) · Host (EU)');
    expect(free.attributes.status).toBe('BETA');
    // Its id names the canonical model: the offering serves it, never a model of its own.
    expect(free.dependencies[0]).toMatchObject({ rowKey: 'models/acme/rocket-1-20250102.toml', basis: 'model id acme/rocket-1:free' });
    expect(byKey('providers/host/models/unknown-model.toml')!.dependencies[0]).toMatchObject({
      name: 'Unknown Model 7B',
      values: { releaseDate: '2024-02-01' },
    });
  });

  it('cleans what names a listing out of an offering’s names and ids', () => {
    expect(modelNamesOf('OpenAI: o3', 'openai/o3')).toEqual(['o3']);
    expect(modelNamesOf('DeepSeek-R1 (free)', 'deepseek/deepseek-r1:free')).toEqual(['DeepSeek-R1', 'deepseek-r1']);
    expect(modelIdsOf('us.anthropic.claude-opus-4-5-20251101-v1:0')).toEqual([
      'us.anthropic.claude-opus-4-5-20251101-v1:0',
      'claude-opus-4-5-20251101',
    ]);
    expect(modelIdsOf('openai.gpt-oss-120b-1:0')).toContain('gpt-oss-120b');
    expect(modelIdsOf('anthropic.claude-opus-4-7')).toContain('claude-opus-4-7');
    // A size after a colon is part of the id.
    expect(modelIdsOf('qwen3.5:397b')).toEqual(['qwen3.5:397b']);
  });

  it('writes a family id as its models write it', () => {
    expect(familyName('gpt-oss', ['GPT OSS 120B'])).toBe('GPT OSS');
    expect(familyName('kimi-k2', ['Kimi K2.5', 'Kimi K2.6'])).toBe('Kimi K2');
    expect(familyName('deepseek-thinking', ['DeepSeek-R1'])).toBe('DeepSeek thinking');
  });

  it('finds a value’s line in its table, not in another', () => {
    const text = 'name = "x"\n[limit]\ncontext = 1_000\noutput = 10\n[modalities]\noutput = ["text"]\n[[benchmarks]]\nname = "y"\n';
    expect(lineOf(text, 'output', 'limit')).toBe('output = 10');
    expect(lineOf(text, 'output', 'modalities')).toBe('output = ["text"]');
    expect(lineOf(text, 'name')).toBe('name = "x"');
    expect(lineOf(text, 'context')).toBeUndefined();
  });

  it('places every offering on the model its row names, reports the rest, and never makes a model of one', () => {
    const plan = planImport(parsed, [], Decisions.read());
    expect(plan.toCreate.filter((e) => e.kind === 'MODEL').map((e) => e.name)).toEqual(['Rocket 1']);
    const serves = plan.relationships.filter((r) => r.type === 'SERVES').map((r) => `${r.rowKey} -> ${r.to}`);
    expect(serves.sort()).toEqual([
      'providers/acme/models/rocket-1.toml -> rocket-1',
      'providers/host/models/acme/rocket-1-20250102.toml -> rocket-1',
      'providers/host/models/acme/rocket-1:free.toml -> rocket-1',
    ]);
    expect(plan.unresolved.map((u) => u.rowKey)).toEqual([
      'providers/host/models/unknown-model.toml',
      'providers/mirror/models/rocket.toml',
    ]);
    // Two listings with one name are two offerings.
    expect(plan.toCreate.filter((e) => e.kind === 'OFFERING')).toHaveLength(5);
    expect(plan.relationships.filter((r) => r.type === 'MEMBER_OF').map((r) => r.to)).toEqual(['rocket-series']);
  });
});

describe('the default graph’s models.dev rows', () => {
  it('are the vendored snapshot’s canonical models, of its date, without the offerings', () => {
    const parsedDefault = readDefaultCatalogue('models-dev');
    expect(parsedDefault.snapshotDate).toBe('2026-07-02');
    expect(parsedDefault.records.every((r) => r.kind === 'MODEL')).toBe(true);
    expect(parsedDefault.records.length).toBeGreaterThan(200);
    expect(parsedDefault.skipped).toEqual([]);
    // The newest model is from 2026.
    expect(
      parsedDefault.records
        .map((r) => r.attributes.releaseDate as string)
        .sort()
        .at(-1)!
        .slice(0, 4),
    ).toBe('2026');
  });
});
