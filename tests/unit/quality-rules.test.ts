import { describe, expect, it } from 'vitest';
import { dateInterval, daysApart, disagreement, sameCount, significantDigits } from '../../src/domain/precision.js';
import { EntityType, LineageKind } from '../../src/domain/registry.js';
import { isBelieved, preferredValue } from '../../src/domain/write-rules.js';
import { withoutAccepted } from '../../src/quality/accepted.js';
import type { ClaimFact, EntityFacts, LineageFact } from '../../src/quality/facts.js';
import { QualityRule } from '../../src/quality/facts.js';
import { sizeInName, versionInName } from '../../src/quality/names.js';
import { checkPlausibility } from '../../src/quality/rules.js';
import { readDataset } from '../../src/seed/dataset.js';

const EPOCH = { sourceId: 'catalogue-epoch', sourceDate: '2026-11-29' };
let ordinal = 0;
const claim = (attribute: string, value: unknown, extra: Partial<ClaimFact> = {}): Omit<ClaimFact, 'entityId'> => ({
  ordinal: ordinal++,
  attribute,
  value,
  confidence: 0.5,
  rank: null,
  hedged: false,
  quote: null,
  ...EPOCH,
  ...extra,
});
const model = (id: string, name: string, claims: Array<Omit<ClaimFact, 'entityId'>>, developers = ['lab']): EntityFacts => ({
  id,
  type: EntityType.MODEL,
  name,
  developers,
  claims: claims.map((c) => ({ ...c, entityId: id })),
});
const check = (entities: EntityFacts[], lineage: LineageFact[] = [], today = '2026-12-01') =>
  checkPlausibility({ entities, lineage, today }).map((f) => [f.entityId, f.attribute, f.rule]);

describe('values at their stated precision', () => {
  it('reads a date as the days it covers', () => {
    expect(dateInterval('2023-03').end - dateInterval('2023-03').start).toBe(30);
    expect(dateInterval('2024').end - dateInterval('2024').start).toBe(365);
    expect(daysApart('2023-03', '2023-03-15')).toBe(0);
    expect(daysApart('2020', '2022-11')).toBe(670);
  });

  it('compares counts at the coarser one’s significant digits', () => {
    expect(significantDigits(540_000_000_000)).toBe(2);
    expect(significantDigits(540_350_000_000)).toBe(5);
    expect(sameCount(540e9, 540.35e9)).toBe(true);
    expect(sameCount(65e9, 65.2e9)).toBe(true);
    expect(sameCount(340e9, 14.7e9)).toBe(false);
    expect(sameCount(100_000, 9_000)).toBe(false);
  });

  it('ranks disagreements: none for precision, years for dates, decades for counts', () => {
    expect(disagreement('2023-03', '2023-03-15')).toBe(0);
    expect(disagreement(540e9, 540.35e9)).toBe(0);
    expect(disagreement('2020', '2022-11')).toBeCloseTo(1.83, 2);
    expect(disagreement(340e9, 14.7e9)).toBeCloseTo(1.36, 2);
    expect(disagreement(['text', 'image'], ['image', 'text'])).toBe(0);
    expect(disagreement(true, false)).toBe(1);
  });
});

describe('what a name says', () => {
  it('finds the advertised size, with a mixture’s range, and not a token count', () => {
    expect(sizeInName('Llama 2-7B')).toEqual({ text: '7B', low: 7e9, high: 7e9 });
    expect(sizeInName('Mixtral 8x7B')).toEqual({ text: '8x7B', low: 7e9, high: 56e9 });
    expect(sizeInName('GPT-2 (1.5B, Curriculum Learning 45K)')?.low).toBe(1.5e9);
    expect(sizeInName('Qwen1.5-MoE-A2.7B')).toBeNull();
    expect(sizeInName('TinyLlama-1.1B (3T token checkpoint)')?.low).toBe(1.1e9);
    expect(sizeInName('RNN for 1B words')).toBeNull();
    expect(sizeInName('GPT-4')).toBeNull();
  });

  it('finds the line and version, not a size or a dated build', () => {
    expect(versionInName('o3-mini')).toEqual({ line: 'o', version: 3 });
    expect(versionInName('GPT-3.5 Turbo')).toEqual({ line: 'gpt', version: 3.5 });
    // A hub repo id's author is no line: "junzentor0/Yi-1-32B" is Yi 1, not junzentor 0.
    expect(versionInName('junzentor0/Yi-1-32B')).toEqual({ line: 'yi', version: 1 });
    expect(versionInName('TheBloke/Llama-2-7B-GGUF')).toEqual({ line: 'llama', version: 2 });
    expect(versionInName('Llama 2-70B')).toEqual({ line: 'llama', version: 2 });
    expect(versionInName('DeepSeek-V3')).toEqual({ line: 'deepseek v', version: 3 });
    expect(versionInName('S4')).toEqual({ line: 'S', version: 4 });
    expect(versionInName('Mistral 7B')).toBeNull();
    expect(versionInName('Mixtral 8x7B')).toBeNull();
    expect(versionInName('Mistral Small v24.09')).toBeNull();
  });
});

describe('plausibility rules', () => {
  it('doubts a count far from the size in the name (Llama 2-7B with 70B), not one a pruning halves', () => {
    const found = check([
      model('llama-2-7b', 'Llama 2-7B', [claim('parameters', 70e9)]),
      model('sparseopt-175b', 'SparseOPT-175B', [claim('parameters', 87.5e9)]),
      model('mixtral', 'Mixtral 8x7B', [claim('parameters', 46.7e9)]),
    ]);
    expect(found).toEqual([['llama-2-7b', 'parameters', QualityRule.SIZE_IN_NAME]]);
  });

  it('doubts a fine-tune a thousand times smaller than its parent, unless the parent’s own count is doubted', () => {
    const lineage = [
      { from: 'swallow', to: 'llama-2-70b', kind: LineageKind.FINE_TUNE },
      { from: 'code-llama-7b', to: 'llama-2-7b', kind: LineageKind.FINE_TUNE },
      { from: 'distilled', to: 'llama-2-70b', kind: LineageKind.DISTILLATION },
    ];
    const found = check(
      [
        model('llama-2-70b', 'Llama 2-70B', [claim('parameters', 70e9)]),
        model('swallow', 'Swallow', [claim('parameters', 70e6)]),
        model('llama-2-7b', 'Llama 2-7B', [claim('parameters', 70e9)]),
        model('code-llama-7b', 'Code Llama-7B', [claim('parameters', 7e9)]),
        model('distilled', 'Distilled', [claim('parameters', 1e9)]),
      ],
      lineage,
    );
    expect(found).toEqual([
      ['llama-2-7b', 'parameters', QualityRule.SIZE_IN_NAME],
      ['swallow', 'parameters', QualityRule.SIZE_VS_PARENT],
    ]);
  });

  it('doubts a model released months before its parent, with a month of slack', () => {
    const found = check(
      [
        model('llama-2-70b', 'Llama 2-70B', [claim('releaseDate', '2023-07-18')]),
        model('wizardlm-70b', 'WizardLM 70B', [claim('releaseDate', '2023-04-24')]),
        model('early-by-days', 'Early', [claim('releaseDate', '2023-07-10')]),
        model('same-month', 'Month', [claim('releaseDate', '2023-07')]),
      ],
      ['wizardlm-70b', 'early-by-days', 'same-month'].map((from) => ({ from, to: 'llama-2-70b', kind: LineageKind.VARIANT })),
    );
    expect(found).toEqual([['wizardlm-70b', 'releaseDate', QualityRule.BEFORE_PARENT]]);
  });

  it('doubts a later version dated before an earlier one’s first release (o3-mini dated 2024-01)', () => {
    const openai = ['openai'];
    const found = checkPlausibility({
      entities: [
        model('o1-mini', 'o1-mini', [claim('releaseDate', '2024-09-12')], openai),
        model('o1', 'o1', [claim('releaseDate', '2024-12-05')], openai),
        model('o3', 'o3', [claim('releaseDate', '2024-12-20')], openai),
        model('o3-mini', 'o3-mini', [claim('releaseDate', '2024-01-31')], openai),
        // Another lab's line, and a study of a model named after it: neither is compared.
        model('s1', 's1', [claim('releaseDate', '2025-01-14')], ['stanford']),
        model('s4', 'S4', [claim('releaseDate', '2021-10-31')], ['stanford']),
        model('gpt2-study', 'GPT-2 (AMPS)', [claim('releaseDate', '2021-11-08')], openai),
        model('gpt-3', 'GPT-3', [claim('releaseDate', '2020-05-28')], openai),
      ],
      lineage: [],
      today: '2026-12-01',
    });
    expect(found.map((f) => [f.entityId, f.rule])).toEqual([['o3-mini', QualityRule.VERSION_ORDER]]);
    expect(found[0]!.reason).toBe(
      'released 2024-01-31, 7 months before o1-mini (2024-09-12), an earlier version of the same line by the same developer.',
    );
  });

  it('blames the one version that disagrees with several, not every later version', () => {
    const found = check([
      model('gpt-1', 'GPT-1', [claim('releaseDate', '2025-06')]),
      model('gpt-2', 'GPT-2', [claim('releaseDate', '2019-02')]),
      model('gpt-3', 'GPT-3', [claim('releaseDate', '2020-05')]),
      model('gpt-4', 'GPT-4', [claim('releaseDate', '2023-03')]),
    ]);
    expect(found).toEqual([['gpt-1', 'releaseDate', QualityRule.VERSION_ORDER]]);
  });

  it('blames two later versions each dated by one stray row, not the earlier version several rows date', () => {
    // models.dev dates o3-deep-research and o4-mini-deep-research 2024-06-26, a year early.
    const found = check([
      model('o1-mini', 'o1-mini', [claim('releaseDate', '2024-09-12')]),
      model('o1-preview', 'o1-preview', [claim('releaseDate', '2024-09-12')]),
      model('o1', 'o1', [claim('releaseDate', '2024-12-05')]),
      model('o3', 'o3', [claim('releaseDate', '2025-04-16')]),
      model('o3-deep-research', 'o3-deep-research', [claim('releaseDate', '2024-06-26')]),
      model('o4-mini', 'o4-mini', [claim('releaseDate', '2025-04-16')]),
      model('o4-mini-deep-research', 'o4-mini-deep-research', [claim('releaseDate', '2024-06-26')]),
    ]);
    expect(found.sort()).toEqual([
      ['o3-deep-research', 'releaseDate', QualityRule.VERSION_ORDER],
      ['o4-mini-deep-research', 'releaseDate', QualityRule.VERSION_ORDER],
    ]);
  });

  it('doubts a date after its source was written or after today, and a cut-off after the release', () => {
    const found = check([
      model('future', 'Future', [claim('releaseDate', '2099-01')]),
      model('in-doc', 'InDoc', [claim('releaseDate', '2025-02', { sourceId: 'src-003', sourceDate: '2024-11-24' })]),
      model('cutoff', 'Cutoff', [claim('releaseDate', '2023-03'), claim('knowledgeCutoff', '2023-09')]),
      model('fine', 'Fine', [claim('releaseDate', '2023-03'), claim('knowledgeCutoff', '2021-09')]),
    ]);
    expect(found).toEqual([
      ['future', 'releaseDate', QualityRule.AFTER_SOURCE_DATE],
      ['in-doc', 'releaseDate', QualityRule.AFTER_SOURCE_DATE],
      ['cutoff', 'knowledgeCutoff', QualityRule.CUTOFF_AFTER_RELEASE],
    ]);
  });

  it('doubts a value its own citation calls a leak or a guess, not a calculation', () => {
    const found = check([
      model('palm-2', 'PaLM 2', [claim('parameters', 340e9, { quote: 'However, the parameter count was leaked to CNBC' })]),
      model('doubao', 'Doubao-pro', [claim('parameters', 500e9, { quote: '[Speculative] scaled up to 800 billion' })]),
      model('gpt-4', 'GPT-4', [claim('parameters', 1.8e12, { quote: '但有相关人员猜测', hedged: true })]),
      model('bart', 'BART', [claim('parameters', 406e6, { quote: 'roughly 10% more, assuming tied embeddings' })]),
    ]);
    expect(found).toEqual([
      ['palm-2', 'parameters', QualityRule.HEDGED_WORDS],
      ['doubao', 'parameters', QualityRule.HEDGED_WORDS],
    ]);
  });

  it('leaves deprecated and hedged values alone: they are not served as facts anyway', () => {
    const found = check([
      model('llama-2-7b', 'Llama 2-7B', [claim('parameters', 70e9, { rank: 'DEPRECATED' }), claim('parameters', 1e12, { hedged: true })]),
    ]);
    expect(found).toEqual([]);
  });

  it('keeps a finding a curator accepted only for the very value accepted', () => {
    const findings = checkPlausibility({
      entities: [model('glove-6b', 'GloVe (6B)', [claim('parameters', 120e6)]), model('glove-2', 'GloVe (2B)', [claim('parameters', 1e6)])],
      lineage: [],
      today: '2026-12-01',
    });
    const decision = { entity: 'glove-6b', attribute: 'parameters', rule: QualityRule.SIZE_IN_NAME, value: 120e6, why: 'tokens' };
    expect(withoutAccepted(findings, [decision])).toEqual({ kept: [expect.objectContaining({ entityId: 'glove-2' })], accepted: 1 });
    expect(withoutAccepted(findings, [{ ...decision, value: 7e9 }]).kept).toHaveLength(2);
  });

  it('finds nothing implausible in the documents’ own claims', () => {
    const { dataset } = readDataset('seed');
    const entities = Object.entries(dataset.entities).flatMap(([type, entries]) =>
      entries.map((entry) => ({
        id: entry.id,
        type: type as EntityType,
        name: entry.name,
        developers: [],
        claims: (entry.claims ?? []).map((c, i) => ({
          entityId: entry.id,
          ordinal: i,
          attribute: c.attribute,
          value: c.value,
          confidence: c.confidence ?? 1,
          rank: c.rank ?? null,
          hedged: c.hedged === true,
          quote: c.quote ?? null,
          sourceId: 'source' in c ? c.source : 'url',
          sourceDate: dataset.sources.find((s) => 'source' in c && s.id === c.source)?.date ?? null,
        })),
      })),
    );
    const lineage = dataset.relationships.DERIVED_FROM.map((r) => ({ from: r.from, to: r.to, kind: r.kind ?? null }));
    expect(checkPlausibility({ entities, lineage, today: '2026-12-01' })).toEqual([]);
  });
});

describe('the value a node shows', () => {
  it('is the best believed claim, or none: never a rumour, a deprecated or a flagged value', () => {
    expect(preferredValue([{ value: 1.8e12, hedged: true, confidence: 0.5 }])).toBeNull();
    expect(preferredValue([{ value: 70e9, flags: ['SIZE_IN_NAME'] }])).toBeNull();
    expect(
      preferredValue([
        { value: 70e9, flags: ['SIZE_IN_NAME'], confidence: 1 },
        { value: 7e9, confidence: 0.5 },
      ]),
    ).toBe(7e9);
    expect(
      preferredValue([
        { value: 340e9, hedged: true, rank: 'PREFERRED' },
        { value: 14.7e9, rank: 'DEPRECATED' },
      ]),
    ).toBeNull();
    expect(
      preferredValue([
        { value: '2020', rank: 'DEPRECATED' },
        { value: '2022-11', rank: 'PREFERRED' },
      ]),
    ).toBe('2022-11');
    expect(isBelieved({ value: 1, flags: [] })).toBe(true);
  });
});
