import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { existingFromSeed } from '../../src/import/existing.js';
import { readEpochCsv } from '../../src/import/formats/epoch-csv.js';
import { planImport } from '../../src/import/plan.js';
import { Decisions } from '../../src/resolve/decisions.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

// The vendored snapshot end to end through parser and planner (no database): counts and known rows.
describe('the vendored Epoch AI snapshot', () => {
  const parsed = readEpochCsv(root('catalogues/epoch-ai/all_ai_models.csv'));
  const plan = planImport(parsed, existingFromSeed(root('seed')), Decisions.read(root('seed/resolution.json')));

  it('has the rows its README states, every header known, and few skipped', () => {
    expect(parsed.rowsRead).toBe(2228);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.skipped.length).toBeLessThan(20);
    // 1,041 rows name Language in their Domain; only skipped rows may be missing.
    const language = parsed.records.filter((r) => r.kind === 'MODEL' && r.tags.includes('Language')).length;
    expect(language).toBeGreaterThanOrEqual(1041 - parsed.skipped.length);
    expect(language).toBeLessThanOrEqual(1041);
  });

  it('reads known rows as Epoch states them', () => {
    const qwq = parsed.records.find((r) => r.name === 'QwQ-32B')!;
    expect(qwq).toMatchObject({
      organizations: ['Alibaba'],
      attributes: { releaseDate: '2025-03-06', parameters: 32.5e9, openWeights: true },
      dependencies: [{ name: 'Qwen2.5-Coder (32B)', type: 'DERIVED_FROM', lineage: 'VARIANT' }],
    });
    const exaone = parsed.records.find((r) => r.name === 'EXAONE 3.5-R 2.4B')!;
    expect(exaone.dependencies).toEqual([expect.objectContaining({ name: 'EXAONE 3.5 2.4B', lineage: 'FINE_TUNE' })]);
    // Organizations with the countries the rows prove.
    const alibaba = parsed.organizations!.find((r) => r.name === 'Alibaba')!;
    expect(alibaba.attributes).toEqual({ country: 'CN' });
    expect(exaone.attributes.openWeights).toBe(false);
  });

  it('resolves against the seed: seed models matched, base models linked, missing parents reported', () => {
    expect(plan.matched.map((m) => m.id)).toEqual(expect.arrayContaining(['gpt-4', 'chinchilla']));
    expect(plan.organizationsMatched).toEqual(expect.arrayContaining(['openai', 'google-deepmind', 'meta']));
    expect(plan.relationships).toContainEqual(
      expect.objectContaining({ from: 'exaone-3-5-r-2-4b', type: 'DERIVED_FROM', kind: 'FINE_TUNE', to: 'exaone-3-5-2-4b' }),
    );
    expect(plan.unresolved).toContainEqual(
      expect.objectContaining({ name: 'Llama 3.1-70B', reason: 'names no entity in the graph or the catalogue' }),
    );
    expect(plan.toCreate.filter((e) => e.kind === 'MODEL').length).toBeGreaterThan(2000);
    // The wrong merges of short aliases stay apart: Epoch's Otter and Unicorn are other labs' models.
    expect(plan.matched.map((m) => m.id)).not.toEqual(expect.arrayContaining(['palm-2-otter']));
    expect(plan.matched.map((m) => m.id)).not.toContain('palm-2-unicorn');
    expect(plan.matched).toContainEqual(expect.objectContaining({ name: 'GPT-3 175B (davinci)', id: 'gpt-3' }));
  });
});
