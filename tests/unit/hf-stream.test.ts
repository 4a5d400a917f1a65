import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProblem, parseHfLine } from '../../src/import/formats/hf-model-tree.js';
import { CappedList, LISTED } from '../../src/import/hf-stream/index-pass.js';
import { readLines } from '../../src/import/hf-stream/lines.js';
import { Progress } from '../../src/import/hf-stream/progress.js';

describe('the streamed Hugging Face import, without a database', () => {
  it('reads a dump line by line with its line numbers, CRLF or not', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hf-lines-')), 'dump.jsonl');
    writeFileSync(file, '{"id":"a/b"}\r\n\n{"id":"c/d"}');
    const lines = [];
    for await (const line of readLines(file)) lines.push(line);
    expect(lines).toEqual([
      { line: '{"id":"a/b"}', number: 1 },
      { line: '', number: 2 },
      { line: '{"id":"c/d"}', number: 3 },
    ]);
  });

  it('parses one line into a record or a problem, and names unknown fields once', () => {
    const unknown = new Map<string, string>();
    const record = parseHfLine('{"id":"meta-llama/Llama-2-7b","downloads":3}', 'line 1', unknown);
    expect(record && !isProblem(record) && [record.name, record.aliases, record.organizations]).toEqual([
      'meta-llama/Llama-2-7b',
      ['Llama-2-7b'],
      ['meta-llama'],
    ]);
    parseHfLine('{"id":"x/y","downloads":4}', 'line 2', unknown);
    expect([...unknown]).toEqual([['downloads', 'line 1']]);
    expect(parseHfLine('   ', 'line 3', unknown)).toBeUndefined();
    expect(parseHfLine('{"id": "broken', 'line 4', unknown)).toEqual({
      rowKey: 'line 4',
      kind: 'malformed',
      reason: 'the line is not valid JSON.',
    });
    const odd = parseHfLine('{"id":"a/b","base_model":"c/d","base_model_relation":"distillation"}', 'line 5', unknown);
    expect(odd && isProblem(odd) && odd.kind).toBe('bad-value');
  });

  it('keeps whole counts and the first items of a long list', () => {
    const list = new CappedList<number>();
    for (let i = 0; i < LISTED + 5; i += 1) list.push(i);
    expect([list.count, list.items.length, list.items[0]]).toEqual([LISTED + 5, LISTED, 0]);
  });

  it('says rows, rate and time left', () => {
    const progress = new Progress('pass 1', 2_000_000, { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream);
    const line = progress.line(500_000, Date.now() + 100_000);
    expect(line).toMatch(/^pass 1: 500,000 of 2,000,000 rows, 5,000 rows\/s, 1 min 40 s so far, about 5 min 0 s left$/);
  });
});
