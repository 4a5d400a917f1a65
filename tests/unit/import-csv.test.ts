import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, EMPTY_ITEM, writeImportCsv } from '../../src/bulk-load/import-csv.js';
import { adminImportArgs } from '../../src/neo4j-local/admin-import.js';
import type { EntityRow, RelationshipRow } from '../../src/seed/graph-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'import-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const model = (id: string, extra: Partial<EntityRow> = {}): EntityRow => ({
  id,
  name: id.toUpperCase(),
  aliases: [],
  aliasText: '',
  description: null,
  props: { parameters: 7e9, openWeights: true, modalities: ['text', 'code'] },
  ...extra,
});
const link = (from: string, to: string, quotes: string[]): RelationshipRow => ({
  id: `${from}:DERIVED_FROM:${to}`,
  from,
  to,
  kind: 'FINE_TUNE',
  citationSources: quotes.map(() => 's'),
  citationQuotes: quotes,
  citationNotes: quotes.map(() => ''),
  citationConfidences: quotes.map(() => 0.7),
  confidence: 0.7,
});
const rows = (models: EntityRow[], links: RelationshipRow[]) => ({
  sources: [{ id: 's', title: 'A "title", with a comma', file: null, url: null, author: null, date: null }],
  entities: { MODEL: models },
  citations: [],
  relationships: { DERIVED_FROM: links },
});

describe('the bulk import CSV files', () => {
  it('type columns from the registry, quote every string and leave nulls empty', async () => {
    const files = await writeImportCsv(rows([model('a', { description: 'two\nlines' }), model('b', { aliases: ['B', 'b2'] })], []), dir);
    const models = readFileSync(path.join(dir, 'entities-Model.csv'), 'utf8').split('\n');
    expect(models[0]).toMatch(/^id:ID\(Entity\),name,sortName,aliases:string\[\],aliasText,description,parameters:double,/);
    expect(models[0]).toContain('openWeights:boolean');
    expect(models[0]).toContain('modalities:string[]');
    expect(readFileSync(path.join(dir, 'sources.csv'), 'utf8')).toContain('"s","A ""title"", with a comma",,,,');
    expect(models.find((l) => l.startsWith('"b"'))).toContain(`"B${ARRAY_DELIMITER}b2"`);
    expect(files.multiline).toBe(true);
    expect(files.emptyAliases).toEqual({ Model: 1 });
    expect(files.nodes.map((n) => n.labels.join(':'))).toEqual(['Source', 'Entity:Model']);
  });

  it('keeps for Cypher the lists CSV cannot state, and refuses what it would get wrong', async () => {
    const files = await writeImportCsv(
      rows([model('a'), model('b'), model('c')], [link('a', 'b', ['']), link('b', 'a', ['x', '']), link('c', 'a', [])]),
      dir,
    );
    // One empty item is a placeholder restored in one pass over the store; an empty list is set row by row.
    expect(files.emptyItems).toEqual([
      { type: 'DERIVED_FROM', property: 'citationQuotes' },
      { type: 'DERIVED_FROM', property: 'citationNotes' },
    ]);
    expect(files.fixups).toEqual([
      {
        from: 'c',
        to: 'a',
        type: 'DERIVED_FROM',
        props: { citationSources: [], citationQuotes: [], citationNotes: [], citationConfidences: [] },
      },
    ]);
    const derived = readFileSync(path.join(dir, 'rel-DERIVED_FROM.csv'), 'utf8');
    expect(derived.split('\n').find((l) => l.startsWith('"a","b"'))).toContain(`"${EMPTY_ITEM}"`);
    await expect(writeImportCsv(rows([model('a'), model('b')], [link('a', 'b', ['x']), link('a', 'b', ['y'])]), dir)).rejects.toThrow(
      /Two DERIVED_FROM rows join a to b/,
    );
    await expect(writeImportCsv(rows([model('a', { aliases: [`x${ARRAY_DELIMITER}y`] })], []), dir)).rejects.toThrow(/U\+001F/);
  });

  it('gives neo4j-admin the database before the file options, which take every word after them', () => {
    const args = adminImportArgs(
      {
        home: '/h',
        nodes: [{ labels: ['Entity', 'Model'], file: '/f/m.csv' }],
        relationships: [{ type: 'CITES', file: '/f/c.csv' }],
        arrayDelimiter: ARRAY_DELIMITER,
        multiline: false,
        badTolerance: 5,
      },
      '/h/import.report',
    );
    expect(args.slice(0, 4)).toEqual(['database', 'import', 'full', 'neo4j']);
    expect(args).toContain('--array-delimiter=U+001F');
    expect(args.at(-1)).toBe('--relationships=CITES=/f/c.csv');
  });
});
