import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEcosystemGraphs } from '../../src/import/formats/ecosystem-graphs.js';
import { parseEpochCsv, readEpochCsv } from '../../src/import/formats/epoch-csv.js';
import { readHfModelTree } from '../../src/import/formats/hf-model-tree.js';
import { contradictsNote, parseDate } from '../../src/import/formats/values.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const byName = <T extends { name: string }>(records: T[], name: string) => records.find((r) => r.name === name);

describe('epoch-csv', () => {
  const parsed = readEpochCsv(fixture('epoch.csv'));

  it('reads every row, keeps the good ones and skips the malformed with their row numbers', () => {
    expect(parsed.rowsRead).toBe(11);
    expect(parsed.skipped).toEqual([
      { rowKey: 'row 5', kind: 'bad-date', reason: expect.stringContaining('"2023-02-30"') },
      { rowKey: 'row 6', kind: 'unit-error', reason: expect.stringContaining('contradicts its own note "70B"') },
      { rowKey: 'row 10', kind: 'missing-field', reason: 'the Model cell is empty.' },
    ]);
    // Eight rows, and no organization whose country the (empty) Country column proves.
    expect(parsed.records).toHaveLength(8);
  });

  it('reports a column it does not know once, and ignores it', () => {
    expect(parsed.warnings).toEqual([{ rowKey: 'header', kind: 'unknown-column', reason: expect.stringContaining('"Mystery column"') }]);
  });

  it('splits multi-value cells and keeps legal suffixes with their name', () => {
    expect(byName(parsed.records, 'Gemini 1.0 Ultra')?.organizations).toEqual(['Google DeepMind', 'Google']);
    expect(byName(parsed.records, 'Gemini 1.0 Ultra')?.tags).toEqual(['Multimodal', 'Language']);
    expect(byName(parsed.records, 'Vicuna-13B')?.organizations).toEqual(['LMSYS', 'UC Berkeley']);
  });

  it('types a base model by finetune compute and keeps the notes as quotes', () => {
    const tulu = byName(parsed.records, 'Tulu 2 70B')!;
    const typed = (name: string) => byName(parsed.records, name)?.dependencies.map((d) => `${d.type} ${d.lineage ?? '-'} ${d.name}`);
    expect(typed('Tulu 2 70B')).toEqual(['DERIVED_FROM FINE_TUNE Llama-2-70B', 'TRAINED_ON - Tulu-V2-mix']);
    expect(tulu.quotes).toContainEqual({ attribute: 'lineage', text: 'Fine-tuned for 2 epochs on Tulu-V2-mix' });
    // Without finetune compute Epoch only says "derived from": lineage VARIANT.
    expect(typed('Vicuna-13B')).toEqual(['DERIVED_FROM VARIANT LLaMA-13B']);
  });

  it('maps values: dates, counts, open weights; "Unspecified" datasets are none', () => {
    const llama = byName(parsed.records, 'Llama 2-70B')!;
    expect(llama.attributes).toEqual({ releaseDate: '2023-07-18', parameters: 70e9, openWeights: true });
    expect(llama.quotes).toEqual([{ attribute: 'parameters', text: '70B' }]);
    expect(byName(parsed.records, 'GPT-4')?.attributes.openWeights).toBe(false);
    expect(byName(parsed.records, 'Falcon-40B')?.dependencies.map((d) => `${d.type} ${d.name}`)).toEqual(['TRAINED_ON RefinedWeb']);
    expect(byName(parsed.records, 'Gemini 1.0 Ultra')?.dependencies).toEqual([]);
  });

  it('reads a dataset cell that lists other names in brackets as one dataset with aliases', () => {
    const csv = 'Model,Training dataset\nGPT-1,"BookCorpus (BooksCorpus, Toronto Book Corpus),Wikipedia"\n';
    expect(parseEpochCsv(csv).records[0]!.dependencies.map((d) => [d.name, d.aliases])).toEqual([
      ['BookCorpus', ['BooksCorpus', 'Toronto Book Corpus']],
      ['Wikipedia', []],
    ]);
  });

  it('gives each organization the countries the rows prove, and guesses none', () => {
    const csv = [
      'Model,Organization,Country (from Organization)',
      'A,Google,United States of America',
      'B,"Google DeepMind,Google","United States of America,United Kingdom of Great Britain and Northern Ireland,Multinational,United States of America"',
      'C,"Lab X,Lab Y","China,China"',
      'D,"Lab P,Lab Q","China,United States of America"',
      'E,Moonshot,',
    ].join('\n');
    const organizations = parseEpochCsv(csv).organizations!;
    expect(organizations.map((o) => [o.name, o.attributes.country, o.tags.join(','), o.rowKey])).toEqual([
      ['Google', 'US', 'US', 'row 1'],
      // Google's one entry is cut off the end: the rest is Google DeepMind's (Multinational is no country).
      ['Google DeepMind', 'US', 'US,GB', 'row 2'],
      // Two organizations, two identical entries: each has that country.
      ['Lab X', 'CN', 'CN', 'row 3'],
      ['Lab Y', 'CN', 'CN', 'row 3'],
    ]);
    // Lab P and Lab Q: which country is whose is not proven; Moonshot: none given.
  });

  it('maps a renamed header through the alias table', () => {
    const renamed = parseEpochCsv('System,Organization(s),Publication Date\nGPT-2,OpenAI,2019-02-14\n');
    expect(renamed.warnings).toEqual([]);
    expect(renamed.records[0]).toMatchObject({ name: 'GPT-2', organizations: ['OpenAI'], attributes: { releaseDate: '2019-02-14' } });
  });
});

describe('ecosystem-graphs', () => {
  const parsed = readEcosystemGraphs(fixture('ecosystem-graphs'));

  it('reads every asset of every file, keyed by file and entry', () => {
    expect(parsed.rowsRead).toBe(7);
    expect(parsed.records.map((r) => r.rowKey)).toEqual([
      'assets/meta.yaml#1',
      'assets/meta.yaml#2',
      'assets/meta.yaml#3',
      'assets/meta.yaml#5',
      'assets/openai.yaml#1',
    ]);
    expect(parsed.skipped).toEqual([
      { rowKey: 'assets/meta.yaml#4', kind: 'bad-date', reason: expect.stringContaining('"sometime in 2024"') },
      { rowKey: 'assets/meta.yaml#6', kind: 'bad-value', reason: expect.stringContaining('"benchmark"') },
    ]);
    expect(parsed.warnings).toEqual([
      { rowKey: 'assets/meta.yaml', kind: 'unknown-column', reason: expect.stringContaining('"wandb_run"') },
    ]);
  });

  it('takes value and explanation from {value, explanation} fields', () => {
    const llama = byName(parsed.records, 'LLaMA 2')!;
    expect(llama.attributes).toEqual({ releaseDate: '2023-07-18', parameters: 70e9, openWeights: true });
    expect(llama.quotes).toContainEqual({ attribute: 'releaseDate', text: 'The date the model was announced.' });
    expect(llama.quotes).toContainEqual({ attribute: 'openWeights', text: 'Model weights are available on request.' });
    expect(byName(parsed.records, 'Tulu 2')?.quotes).toContainEqual({
      attribute: 'parameters',
      text: 'The largest of the released sizes.',
    });
  });

  it('keeps kinds, multi-value organizations and untyped dependencies', () => {
    const mix = byName(parsed.records, 'Tulu-V2-mix')!;
    expect(mix.kind).toBe('DATASET');
    expect(mix.organizations).toEqual(['AI2', 'University of Washington']);
    expect(byName(parsed.records, 'Tulu 2')?.dependencies.map((d) => `${d.type ?? 'UNTYPED'} ${d.name}`)).toEqual([
      'UNTYPED llama 2',
      'UNTYPED Tulu-V2-mix',
      'UNTYPED Some Unlisted Corpus',
    ]);
    expect(byName(parsed.records, 'GPT-4')?.attributes).toEqual({ releaseDate: '2023-03-14', openWeights: false });
  });
});

describe('hf-model-tree', () => {
  const parsed = readHfModelTree(fixture('hf-model-tree.jsonl'));

  it('reads every line and skips the malformed ones with their line numbers', () => {
    expect(parsed.rowsRead).toBe(9);
    expect(parsed.skipped.map((s) => `${s.rowKey} ${s.kind}`)).toEqual(['line 6 bad-value', 'line 7 bad-date', 'line 8 malformed']);
    expect(parsed.warnings).toEqual([{ rowKey: 'line 5', kind: 'unknown-column', reason: expect.stringContaining('"downloads"') }]);
  });

  it('names a model by its full repo id, keeps the repo name as an alias and maps the relation onto lineage kinds', () => {
    const [base, quantized, adapter, merge, untyped] = parsed.records;
    expect(base).toMatchObject({ name: 'meta-llama/Llama-2-7b-hf', aliases: ['Llama-2-7b-hf'], organizations: ['meta-llama'] });
    expect(base!.attributes.releaseDate).toBe('2023-07-13');
    const lineage = (record: typeof base) => record!.dependencies.map((d) => `${d.type} ${d.lineage} ${d.name}`);
    expect(lineage(quantized)).toEqual(['DERIVED_FROM QUANTIZED meta-llama/Llama-2-7b-hf']);
    expect(lineage(adapter)).toEqual(['DERIVED_FROM ADAPTER meta-llama/Llama-2-7b-hf']);
    expect(merge!.dependencies.map((d) => d.lineage)).toEqual(['MERGE', 'MERGE']);
    // No relation stated with one base: a fine-tune.
    expect(lineage(untyped)).toEqual(['DERIVED_FROM FINE_TUNE META-LLAMA/LLAMA-2-7B-HF']);
  });
});

describe('values', () => {
  it('accepts year, month and day precision and refuses impossible dates', () => {
    expect(parseDate('2023', 'd')).toBe('2023');
    expect(parseDate('2023-07', 'd')).toBe('2023-07');
    expect(parseDate('2024-02-29', 'd')).toBe('2024-02-29');
    expect(parseDate('2023-07-13T16:05:36.000Z', 'd')).toBe('2023-07-13');
    expect(parseDate('unknown', 'd')).toBeUndefined();
    expect(() => parseDate('2023-02-29', 'd')).toThrow(/no day 29/);
    expect(() => parseDate('2023-13', 'd')).toThrow(/no month 13/);
  });

  it('calls a count a unit error only when its note states a count a hundred times away', () => {
    expect(contradictsNote(7e7, '70B')).toBe(true);
    expect(contradictsNote(7e10, '70B')).toBe(false);
    expect(contradictsNote(124e9, '123B multimodal decoder, 1B parameter vision encoder')).toBe(false);
    expect(contradictsNote(2e8, 'a long note that never says how many weights there are, only vocabulary sizes like 692K words')).toBe(
      false,
    );
    expect(contradictsNote(5e6, 'see Fig 1b')).toBe(false);
  });
});
