import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/seeded-random.js';
import { type Fact, quoteInContext, stratifiedSample } from '../../src/review/sample.js';
import { RelationType } from '../../src/domain/graph-model.js';

const fact = (stratum: Fact['stratum'], n: number): Fact => ({
  stratum,
  statement: `${stratum} ${n}`,
  citations: [{ url: 'https://example.org/', quote: 'q' }],
});
const facts: Fact[] = [
  ...Array.from({ length: 30 }, (_, n) => fact(RelationType.USES, n)),
  ...Array.from({ length: 2 }, (_, n) => fact(RelationType.COLLABORATES_WITH, n)),
  ...Array.from({ length: 20 }, (_, n) => fact('CLAIM', n)),
];

describe('the review sample', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = stratifiedSample(facts, 12, 2026).map((f) => f.statement);
    expect(stratifiedSample(facts, 12, 2026).map((f) => f.statement)).toEqual(a);
    expect(stratifiedSample(facts, 12, 7).map((f) => f.statement)).not.toEqual(a);
  });

  it('shares the size between strata, a small stratum giving its rest to the others, without repeats', () => {
    const sample = stratifiedSample(facts, 12, 1);
    const count = (s: string) => sample.filter((f) => f.stratum === s).length;
    expect([count(RelationType.USES), count(RelationType.COLLABORATES_WITH), count('CLAIM')]).toEqual([5, 2, 5]);
    expect(new Set(sample).size).toBe(12);
    expect(stratifiedSample(facts, 500, 1)).toHaveLength(facts.length);
  });

  it('draws numbers in [0, 1) reproducibly', () => {
    const draws = Array.from({ length: 1000 }, seededRandom(42));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 3 }, seededRandom(42))).toEqual(draws.slice(0, 3));
  });

  it('shows a quote with the sentences around it', () => {
    const doc = '第一句。\n\n第二句有引文在这里，还有后半。第三句！第四句。';
    expect(quoteInContext(doc, '引文在这里')).toBe('第一句。 第二句有引文在这里，还有后半。 第三句！');
    expect(quoteInContext(doc, '第一句')).toBe('第一句。 第二句有引文在这里，还有后半。');
    expect(quoteInContext(doc, '还有后半。第三句')).toBe('第一句。 第二句有引文在这里，还有后半。 第三句！ 第四句。');
    expect(quoteInContext(doc, '不在文中')).toBeNull();
  });
});
