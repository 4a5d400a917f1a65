import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readEpochCsv } from '../../src/import/formats/epoch-csv.js';
import { techniqueExtractor } from '../../src/import/techniques/extract.js';
import { seedAliasTable } from '../../src/import/techniques/seed-table.js';
import { sharedTexts } from '../../src/import/techniques/shared-texts.js';
import { catalogueFacts } from '../../src/review/catalogue.js';
import { readDataset } from '../../src/seed/dataset.js';

// Every technique fact the importer would write from the vendored Epoch snapshot (all its rows),
// checked against the CSV read independently: the quote stands verbatim in the cell its locator names.
const SNAPSHOT = 'catalogues/epoch-ai/all_ai_models.csv';

describe('technique facts from the vendored Epoch snapshot', () => {
  const parsed = readEpochCsv(SNAPSHOT);
  const shared = sharedTexts(parsed.records);
  const extract = techniqueExtractor(seedAliasTable());
  const facts = parsed.records.flatMap((record) =>
    extract(record, { sharedWith: shared(record) }).map((fact) => ({ ...fact, name: record.name })),
  );
  const rows = parse(readFileSync(SNAPSHOT), { columns: true, bom: true, relax_column_count: true }) as Record<string, string>[];

  it('quote their cell verbatim, the row and column their locator', () => {
    expect(facts.length).toBeGreaterThan(900);
    const misplaced = facts.filter((fact) => {
      const cell = rows[Number(fact.rowKey.replace('row ', '')) - 1]?.[fact.field];
      return cell === undefined || fact.quote.trim() === '' || !cell.includes(fact.quote);
    });
    expect(misplaced).toEqual([]);
  });

  it('never make a model whose name says dense a mixture of experts', () => {
    expect(facts.filter((f) => f.to === 'moe' && /\bdense\b/i.test(f.name))).toEqual([]);
    expect(facts.filter((f) => f.to === 'moe').length).toBeGreaterThanOrEqual(15);
  });

  it('give at least 500 models of the default graph (documents and Epoch’s language rows) a cited technique', () => {
    const { dataset } = readDataset('seed');
    const models = new Set(dataset.entities.MODEL.map((m) => m.id));
    const documents = dataset.relationships.USES.map((r) => r.from).filter((id) => models.has(id));
    const catalogue = catalogueFacts('seed').map((f) => f.statement.split(' ')[0]);
    expect(new Set([...documents, ...catalogue]).size).toBeGreaterThanOrEqual(500);
  });
});
