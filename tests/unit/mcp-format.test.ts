import { describe, expect, it } from 'vitest';
import { entityTool } from '../../src/mcp/entity-tools.js';
import { amount, answerText, type CitationLike, claimValue, graphLines, SourceList } from '../../src/mcp/format.js';

const citation = (quote: string, line: number): CitationLike => ({
  quote,
  note: null,
  source: { id: 'src-001', title: 'LLM 综述', file: 'llm-survey.md', url: null },
  locator: { line, row: null, column: null, url: `/documents/llm-survey.md#L${line}` },
});

describe("the MCP answers' text", () => {
  it('numbers each citation once and lists the sources with quote, file, line and link', () => {
    const sources = new SourceList();
    const first = citation('GPT-4 比 GPT-3.5 更强', 69);
    expect(sources.cite([first])).toBe(' [1]');
    expect(sources.cite([citation('另一句', 70), first])).toBe(' [2][1]');
    expect(sources.cite([])).toBe('');
    expect(sources.toString()).toBe(
      [
        'Sources:',
        '[1] “GPT-4 比 GPT-3.5 更强” — LLM 综述 · llm-survey.md, line 69 · /documents/llm-survey.md#L69',
        '[2] “另一句” — LLM 综述 · llm-survey.md, line 70 · /documents/llm-survey.md#L70',
      ].join('\n'),
    );
  });

  it('marks at most two citations per fact and counts the rest', () => {
    const sources = new SourceList();
    expect(sources.cite([citation('a', 1), citation('b', 2), citation('c', 3)])).toBe(' [1][2]+1');
  });

  it('writes a graph as one line per edge, and says when it was cut at its limit', () => {
    const sources = new SourceList();
    const graph = {
      nodes: [
        { id: 'gpt-4', label: 'GPT-4', type: 'MODEL', date: '2023-03' },
        { id: 'gpt-3-5', label: 'GPT-3.5', type: 'MODEL', date: null },
      ],
      edges: [{ source: 'gpt-4', target: 'gpt-3-5', type: 'DERIVED_FROM', kind: 'SUCCESSOR', citations: [citation('q', 69)] }],
      truncated: true,
    };
    const lines = graphLines(graph, sources);
    expect(lines[0]).toBe('- GPT-4 (2023-03) —DERIVED_FROM SUCCESSOR→ GPT-3.5 [1]');
    expect(lines[1]).toMatch(/^\(More relationships exist than the limit allowed/);
    expect(answerText(['title', undefined, false, ...lines], sources).split('\n')).toHaveLength(5);
  });

  it("writes a claim's stored value as people read it", () => {
    expect([
      claimValue('"2022-11-28"'),
      claimValue('175000000000'),
      claimValue('true'),
      claimValue('2048'),
      claimValue('not json'),
    ]).toEqual(['2022-11-28', '175B', 'true', '2048', 'not json']);
  });

  it('writes sizes as people read them', () => {
    expect([amount(1.75e11), amount(7e9), amount(1.8e12), amount(128_000), amount(512)]).toEqual(['175B', '7B', '1.8T', '128K', '512']);
  });

  it('marks a hedged or doubted value in an entity answer as not believed, with the rule and its reason', async () => {
    const claim = (value: string, hedged: boolean, flags: Array<{ rule: string; reason: string }>) => ({
      attribute: 'parameters',
      value,
      rank: 'NORMAL',
      hedged,
      flags,
      ...citation('q', 1),
    });
    const entity = {
      id: 'llama-2-7b',
      name: 'Llama 2-7B',
      type: 'MODEL',
      aliases: [],
      description: null,
      sources: [],
      claims: [
        claim('70000000000', false, [{ rule: 'SIZE_IN_NAME', reason: '70B parameters, 10× above the 7B in the name' }]),
        claim('1800000000000', true, []),
      ],
      parents: [],
      developersLinks: [],
      techniquesLinks: [],
      limitationsLinks: [],
    };
    // The operation's data as the executor would give it; this checks the formatter only.
    const run = (async () => ({ entity })) as never;
    const { text } = await entityTool.call({ id: 'llama-2-7b' }, run);
    expect(text).toContain('- parameters: 70B (doubted, SIZE_IN_NAME: 70B parameters, 10× above the 7B in the name) [1]');
    expect(text).toContain('- parameters: 1.8T (hedged by its source: not believed) [1]');
  });
});
