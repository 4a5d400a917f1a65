import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type AnyEntityEntry, readDataset } from '../../src/seed/dataset.js';

/**
 * seed/documents/epoch-ai-rows.txt holds the Epoch AI rows the seed cites, one block per row
 * ("epoch-csv:row N", then "<column>: <cell>" lines). Seed validation checks quotes against that file;
 * this checks the file against the vendored snapshot, so an Epoch quote is verifiable end to end.
 */
const EXCERPT = 'seed/documents/epoch-ai-rows.txt';
const SNAPSHOT = 'catalogues/epoch-ai/all_ai_models.csv';
const ROW_KEY = /^epoch-csv:row (\d+)$/;

const excerpt = readFileSync(EXCERPT, 'utf8');
/** A cell's further lines follow it indented by two spaces (a blank line of the cell is two spaces alone). */
const cellsOf = (lines: string[]) =>
  lines.reduce<string[]>((cells, line) => {
    if (line.startsWith('  ') && cells.length > 0) cells[cells.length - 1] += `\n${line.slice(2)}`;
    else cells.push(line);
    return cells;
  }, []);
const blocks = excerpt
  .split(/\n{2,}/)
  .map((block) => cellsOf(block.trim().split('\n')))
  .filter((lines) => ROW_KEY.test(lines[0] ?? ''));

describe('the Epoch AI rows cited by the seed', () => {
  it('copies every cell unchanged from the vendored snapshot, under its row key', () => {
    const records = parse(readFileSync(SNAPSHOT), { columns: true, bom: true }) as Record<string, string>[];
    expect(blocks.length).toBeGreaterThan(10);
    for (const [key, ...cells] of blocks) {
      // Row N is the CSV record number with the header as 0 (the importer's row key).
      const record = records[Number(ROW_KEY.exec(key as string)?.[1]) - 1];
      expect(record, key).toBeDefined();
      expect(cells[0], key).toMatch(/^Model: /);
      for (const line of cells) {
        const at = line.indexOf(': ');
        const column = line.slice(0, at);
        expect(Object.keys(record as object), `${key}: ${column}`).toContain(column);
        expect(`${column}: ${(record as Record<string, string>)[column]}`, key).toBe(line);
      }
    }
  });

  it('is cited only by quotes that stay inside one row', () => {
    const { dataset } = readDataset('seed');
    const source = dataset.sources.find((s) => s.file === 'epoch-ai-rows.txt');
    expect(source).toBeDefined();
    const citations = [
      ...(Object.values(dataset.entities) as AnyEntityEntry[][]).flatMap((list) =>
        list.flatMap((e) => [...e.mentions, ...(e.claims ?? [])]),
      ),
      ...Object.values(dataset.relationships).flatMap((list) => list.flatMap((r) => r.citations)),
    ].filter((c) => 'source' in c && c.source === source?.id) as { quote: string }[];
    expect(citations.length).toBeGreaterThan(10);
    const rows = blocks.map((lines) => lines.join('\n'));
    expect(citations.filter((c) => !rows.some((row) => row.includes(c.quote))).map((c) => c.quote)).toEqual([]);
  });
});
