import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntityType, RelationType } from '../../src/domain/graph-model.js';
import { findCycles, formatProblem, readDataset, validateDataset, type AnyEntityEntry, type SeedProblem } from '../../src/seed/dataset.js';
import { seedCopy } from '../helpers/seed-copy.js';

function problemsIn(dir: string): SeedProblem[] {
  const { dataset, problems } = readDataset(dir);
  return [...problems, ...validateDataset(dataset, dir)];
}

const { dataset } = readDataset('seed');

describe('the committed seed data', () => {
  it('passes every check', () => {
    expect(problemsIn('seed').map(formatProblem)).toEqual([]);
  });

  it('keeps exact copies of the five source documents, vendored in seed/documents, beside the Epoch AI rows', () => {
    // The fingerprints of the documents as published; an edited or truncated copy fails here.
    const published: Record<string, string> = {
      '000_bb7bd157011e8871.txt': '419f4f766c1b103ae6812133fba773c503ef60e9b32d94aa61c6d54fe3e477a8',
      '001_7fb1dea7c0ac1773.txt': '67b715168f59a5aafdba3a6973f912781354fde3869c1a007d5cd649f8bc3bc9',
      '002_17985d20e695f627.txt': '0d9486221fd658d5833011e224f55226b39fd4c9abb36a1dac9f555125628592',
      '003_d22975f8805e207e.txt': '2e8a331eba5aeb447b1e1c76b2554ef9f0a81a42eab35d7ffb46f438904cfad7',
      '004_a490bb0087a5d9cf.txt': '4092596ffc2abf7aa7b9c357bea839d7ab7b1d11155c3a23dab9bf051d92d625',
    };
    // The sixth file holds catalogue rows, checked cell by cell against the snapshot (epoch-rows.test.ts).
    const files = [...Object.keys(published), 'epoch-ai-rows.txt'].sort();
    expect(dataset.sources.map((s) => s.file).sort()).toEqual(files);
    expect(readdirSync('seed/documents').sort()).toEqual(files);
    const sha256 = (file: string) =>
      createHash('sha256')
        .update(readFileSync(path.join('seed/documents', file)))
        .digest('hex');
    expect(Object.fromEntries(Object.keys(published).map((file) => [file, sha256(file)]))).toEqual(published);
  });

  it('quotes every document-cited fact verbatim from its document', () => {
    const documents = new Map(
      dataset.sources.flatMap((s) =>
        s.file === undefined ? [] : [[s.id, readFileSync(path.join('seed/documents', s.file), 'utf8')] as const],
      ),
    );
    const citations = [
      ...(Object.values(dataset.entities) as AnyEntityEntry[][]).flatMap((list) =>
        list.flatMap((e) => [...e.mentions, ...(e.claims ?? [])]),
      ),
      ...Object.values(dataset.relationships).flatMap((list) => list.flatMap((r) => r.citations)),
    ];
    const fromDocuments = citations.filter((c) => 'source' in c);
    expect(fromDocuments.length).toBeGreaterThan(800);
    const missing = fromDocuments.filter((c) => c.quote === undefined || !documents.get(c.source)?.includes(c.quote));
    expect(missing).toEqual([]);
  });

  it('cites every relationship, mostly from the documents rather than URLs', () => {
    const rels = Object.values(dataset.relationships).flat();
    expect(rels.every((r) => r.citations.length > 0)).toBe(true);
    const urlOnly = rels.filter((r) => r.citations.every((c) => 'url' in c));
    expect(urlOnly.length / rels.length).toBeLessThan(0.25);
  });

  it('covers the documents: at least 70 models, 20 organizations, 35 techniques, 15 limitations, 280 relationships', () => {
    const counts = {
      models: dataset.entities[EntityType.MODEL].length,
      organizations: dataset.entities[EntityType.ORGANIZATION].length,
      techniques: dataset.entities[EntityType.TECHNIQUE].length,
      limitations: dataset.entities[EntityType.LIMITATION].length,
      ...Object.fromEntries(Object.values(RelationType).map((t) => [t, dataset.relationships[t].length])),
    };
    console.log('seed coverage', counts);
    expect(counts.models).toBeGreaterThanOrEqual(70);
    expect(counts.organizations).toBeGreaterThanOrEqual(20);
    expect(counts.techniques).toBeGreaterThanOrEqual(35);
    expect(counts.limitations).toBeGreaterThanOrEqual(15);
    // 280, not 300: round 3 removed every fact no document sentence or catalogue row states (review/url-only.md).
    expect(Object.values(dataset.relationships).flat().length).toBeGreaterThanOrEqual(280);
  });

  it('keeps contradicting claims side by side and hedged ones at lower confidence', () => {
    const chatgpt = dataset.entities.PRODUCT.find((p) => p.id === 'chatgpt');
    expect(chatgpt?.claims?.filter((c) => c.attribute === 'releaseDate').map((c) => c.value)).toEqual(['2022-11', '2020']);
    const gpt4Params = dataset.entities.MODEL.find((m) => m.id === 'gpt-4')?.claims?.find((c) => c.attribute === 'parameters');
    expect(gpt4Params).toMatchObject({ value: 1_800_000_000_000, confidence: 0.5, hedged: true });
    expect(chatgpt?.claims?.find((c) => c.value === '2020')).toMatchObject({
      rank: 'DEPRECATED',
      reason: expect.stringContaining('GPT-3'),
    });
    expect(gpt4Params && 'source' in gpt4Params && gpt4Params.quote).toContain('猜测');
  });
});

describe('seed validation errors name the file and entry', () => {
  it('reports a reference to an unknown id', () => {
    const dir = seedCopy('relationships/uses.json', (rels) => {
      rels[0]!.to = 'no-such-technique';
    });
    const problems = problemsIn(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'relationships/uses.json', message: 'unknown id "no-such-technique"' });
    expect(problems[0]!.entry).toMatch(/^#1 \(.+ -> no-such-technique\)$/);
  });

  it('reports an endpoint of the wrong kind', () => {
    const dir = seedCopy('relationships/developed_by.json', (rels) => {
      rels[0]!.to = 'transformer';
    });
    expect(problemsIn(dir).map((p) => p.message)).toEqual(['"transformer" is a TECHNIQUE, but DEVELOPED_BY needs a ORGANIZATION there']);
  });

  it('accepts every kind a relationship may start at, and names them all when an end is of none', () => {
    const dir = seedCopy('relationships/has_limitation.json', (rels) => {
      rels.find((r) => r.from === 'n-gram')!.from = 'google';
    });
    expect(problemsIn(dir).map((p) => p.message)).toEqual([
      '"google" is a ORGANIZATION, but HAS_LIMITATION needs a MODEL or TECHNIQUE or PRODUCT there',
    ]);
    const series = seedCopy('relationships/member_of.json', (rels) => {
      rels[0]!.to = 'gpt-4';
    });
    expect(problemsIn(series).map((p) => p.message)).toEqual(['"gpt-4" is a MODEL, but MEMBER_OF needs a SERIES there']);
  });

  it('refuses lineage from or to a series: membership is not lineage', () => {
    const dir = seedCopy('relationships/derived_from.json', (rels) => {
      rels[0]!.to = 'qwen';
    });
    expect(problemsIn(dir).map((p) => p.message)).toContainEqual('"qwen" is a SERIES, but DERIVED_FROM needs a MODEL there');
  });

  it('reports a duplicate id across kinds', () => {
    const dir = seedCopy('limitations.json', (entries) => {
      entries[0]!.id = 'gpt-4';
    });
    const problems = problemsIn(dir);
    expect(problems.map(formatProblem)).toContain(
      'limitations.json #1 (gpt-4): duplicate id "gpt-4" (ids are unique across all kinds and sources)',
    );
  });

  it('reports a lineage cycle with its path', () => {
    const dir = seedCopy('relationships/derived_from.json', (rels) => {
      rels.push({ from: 'gpt-1', to: 'gpt-3', kind: 'SUCCESSOR', citations: [{ url: 'https://example.org/x', quote: 'made up' }] });
    });
    const cycles = problemsIn(dir).filter((p) => p.entry === 'cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toBe('DERIVED_FROM forms a cycle: gpt-2 -> gpt-1 -> gpt-3 -> gpt-2');
  });

  it('reports a relationship without a citation and a quote that is not in its document', () => {
    const dir = seedCopy('relationships/mitigates.json', (rels) => {
      rels[0]!.citations = [];
      (rels[1]!.citations as Array<{ quote: string }>)[0]!.quote = 'this sentence is in no document';
    });
    const messages = problemsIn(dir).map(formatProblem);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^relationships\/mitigates.json #1 .*citations: every relationship needs at least one citation$/);
    expect(messages[1]).toMatch(
      /^relationships\/mitigates.json #2 .*citations.0: quote does not appear verbatim in src-00\d: "this sentence is in no document"$/,
    );
  });

  it('refuses a URL citation with neither quote nor note, and a document citation with a note but no quote', () => {
    const dir = seedCopy('relationships/uses.json', (rels) => {
      const byUrl = rels.find((r) => r.from === 'baichuan-13b' && r.to === 'rope')!;
      (byUrl.citations as Array<Record<string, unknown>>)[0] = { url: 'https://github.com/baichuan-inc/Baichuan-7B' };
      const byDocument = (rels[0]!.citations as Array<Record<string, unknown>>)[0]!;
      delete byDocument.quote;
      byDocument.note = 'a curator’s summary';
    });
    const messages = problemsIn(dir).map(formatProblem);
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toContain('a URL citation needs a quote copied from the page or a note in the curator’s words');
    expect(messages.every((m) => m.startsWith('relationships/uses.json #'))).toBe(true);
  });

  it('refuses competing claims without a rank, a deprecated one without a reason, and a rumour preferred over a fact', () => {
    const dir = seedCopy('models.json', (models) => {
      const claims = (id: string) => models.find((m) => m.id === id)!.claims as Array<Record<string, unknown>>;
      delete claims('claude').find((c) => c.attribute === 'contextWindow' && c.value === 9000)!.rank;
      delete claims('palm-2').find((c) => c.rank === 'DEPRECATED')!.reason;
      const claude2 = claims('claude-2').filter((c) => c.attribute === 'contextWindow');
      claude2[0]!.hedged = true;
    });
    const messages = problemsIn(dir).map(formatProblem);
    expect(messages).toHaveLength(3);
    expect(messages.find((m) => m.includes('(claude)'))).toContain('contextWindow has competing values: every claim of it needs a rank');
    expect(messages.find((m) => m.includes('(palm-2)'))).toContain('a DEPRECATED claim needs a reason');
    expect(messages.find((m) => m.includes('(claude-2)'))).toContain('contextWindow: a hedged claim cannot be preferred over a stated one');
  });

  it('reports values out of range', () => {
    const dir = seedCopy('models.json', (models) => {
      const gpt3 = models.find((m) => m.id === 'gpt-3')!;
      (gpt3.claims as Array<{ attribute: string; value: unknown }>).find((c) => c.attribute === 'parameters')!.value = -5;
    });
    expect(problemsIn(dir).map(formatProblem)).toEqual([
      expect.stringMatching(/^models.json #\d+ \(gpt-3\): claims\.\d+\.value: parameters Too small/),
    ]);
  });

  it('finds every cycle once', () => {
    expect(
      findCycles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'd' },
      ]),
    ).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      findCycles([
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
      ]),
    ).toEqual([]);
  });
});
