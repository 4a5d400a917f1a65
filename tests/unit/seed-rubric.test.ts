import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, KINDS } from '../../src/domain/registry.js';

const seed = <T>(file: string): T => JSON.parse(readFileSync(`seed/${file}`, 'utf8')) as T;
const names = new Map<string, string[]>(
  ENTITY_TYPES.flatMap((type) =>
    seed<Array<{ id: string; name: string; aliases: string[] }>>(KINDS[type].seedFile).map((e) => [e.id, [e.name, ...e.aliases]]),
  ),
);
const squash = (text: string) => text.toLowerCase().replace(/[\s\-_.`*]/g, '');

/** "2019 年，OpenAI 发布了 GPT-2 模型": says who released what, and when; never how it was built. */
const RELEASE_ONLY = /^\d{4} 年.{0,12}，[^，。]{1,20}发布了[^，。]{1,30}$/;

describe('the seed rubric (seed/README.md): a quote states the fact it supports', () => {
  it('cites no release announcement as the evidence that a model uses a technique', () => {
    const offending = seed<Array<{ from: string; to: string; citations: Array<{ quote?: string }> }>>('relationships/uses.json').flatMap(
      (rel) =>
        rel.citations
          .filter((c) => c.quote !== undefined && RELEASE_ONLY.test(c.quote))
          .filter((c) => !(names.get(rel.to) ?? []).some((name) => squash(c.quote!).includes(squash(name))))
          .map((c) => `${rel.from} USES ${rel.to}: "${c.quote}"`),
    );
    expect(offending).toEqual([]);
  });
});
