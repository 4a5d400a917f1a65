import { describe, expect, it } from 'vitest';
import { locateQuote, locatorOf } from '../../src/documents/locate.js';

const text = '# 标题\n\n😨 第一行：GPT-4 发布。\n第二行 RLHF\n';
const rows = 'header line\n\nepoch-csv:row 12\nModel: GPT-4\nOrganization: OpenAI\nModel accessibility: API access\n';
const docs: Record<string, string> = { 'a.txt': text, 'rows.txt': rows };
const documentText = (file: string) => docs[file] ?? null;

describe('locating a quote', () => {
  it('gives 1-based lines and code-point offsets, so an emoji before the quote counts once', () => {
    const found = locateQuote(text, 'GPT-4 发布');
    expect(found).toEqual({ line: 3, endLine: 3, start: 12, end: 20 });
    expect([...text].slice(found!.start!, found!.end!).join('')).toBe('GPT-4 发布');
    expect(locateQuote(text, '发布。\n第二行')).toMatchObject({ line: 3, endLine: 4 });
    expect(locateQuote(text, 'not there')).toBeNull();
  });

  it('links a document citation to its lines, and a quote the document lacks to nothing', () => {
    const source = { id: 'src-a', file: 'a.txt' };
    expect(locatorOf({ quote: '第二行 RLHF', source }, documentText)).toMatchObject({
      line: 4,
      row: null,
      url: '/documents/a.txt?start=22&end=30#L4',
    });
    expect(locatorOf({ quote: 'GPT-4 发布。\n第二行', source }, documentText)?.url).toBe('/documents/a.txt?start=12&end=25#L3-L4');
    expect(locatorOf({ quote: 'missing', source }, documentText)).toBeNull();
    expect(
      locatorOf({ quote: null, note: 'a curator’s note', source: { id: 'url-1', url: 'https://example.org' } }, documentText),
    ).toBeNull();
  });

  it('places a copied catalogue row by its row key and the column that states the fact', () => {
    const source = { id: 'src-epoch-ai', file: 'rows.txt' };
    const quote = 'Model: GPT-4\nOrganization: OpenAI\nModel accessibility: API access';
    expect(locatorOf({ quote, source }, documentText)).toMatchObject({ line: 4, endLine: 6, row: 'row 12', column: 'Model' });
    expect(locatorOf({ quote, attribute: 'openWeights', source }, documentText)).toMatchObject({ column: 'Model accessibility' });
    expect(locatorOf({ quote, relation: 'DEVELOPED_BY', source }, documentText)).toMatchObject({ column: 'Organization' });
  });

  it('places an imported catalogue fact by its stored row key, or the row key in the importer’s note', () => {
    const source = { id: 'catalogue-epoch-csv-5d81f5cce379', url: 'https://epoch.ai/data/ai-models' };
    expect(locatorOf({ locator: 'row 1004', attribute: 'parameters', quote: '1.8T per leak', source }, documentText)).toMatchObject({
      row: 'row 1004',
      column: 'Parameters notes',
      url: 'https://epoch.ai/data/ai-models',
    });
    expect(locatorOf({ locator: 'row 1004', attribute: 'releaseDate', source }, documentText)).toMatchObject({
      column: 'Publication date',
    });
    expect(locatorOf({ locator: 'row 7', source }, documentText)).toMatchObject({ column: 'Model' });
    const note = 'Catalogue entry row 88: base model without finetune compute: derived, manner not stated';
    expect(locatorOf({ note, relation: 'DERIVED_FROM', source }, documentText)).toMatchObject({ row: 'row 88', column: 'Base model' });
  });
});
