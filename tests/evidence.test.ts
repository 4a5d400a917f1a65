import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_FIELDS } from '../src/domain/relation-fields.js';
import { ENTITY_TYPES, KINDS, RELATION_TYPES } from '../src/domain/registry.js';
import type { Service } from '../src/service.js';
import { seedFile } from './helpers/seed-facts.js';
import { graphql, startTestService } from './helpers/service.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.stop());

interface Located {
  quote: string | null;
  locator: { line: number; endLine: number; start: number; end: number; row: string | null; column: string | null; url: string } | null;
  source: { id: string; file: string | null; url: string | null };
}

const CITATION = 'quote locator { line endLine start end row column url } source { id file url }';

/** Every relationship once, from the kind it starts at: the out and both `…Links` fields. */
const outLinks = (type: (typeof ENTITY_TYPES)[number]) =>
  Object.entries(LINK_FIELDS[type])
    .filter(([, relation]) => relation.direction !== 'IN')
    .map(([name]) => `${name} { node { id } citations { ${CITATION} } }`)
    .join(' ');

/** Every citation the API gives for the seed's entities: mentions, claims and relationships (lineage links included). */
async function allCitations(): Promise<Located[]> {
  const out: Located[] = [];
  for (const type of ENTITY_TYPES) {
    const kind = KINDS[type];
    const claims = Object.values(kind.properties).some((p) => p.claimable) ? `claims { ${CITATION} }` : '';
    const lineage = type === 'MODEL' ? `parents { citations { ${CITATION} } }` : '';
    let after: string | null = null;
    for (;;) {
      const result: { data?: Record<string, any>; errors?: unknown } = await graphql(
        service.url,
        `query($after: String) { list: ${kind.plural}(first: 10, after: $after) {
          edges { cursor node { id sources { ${CITATION} } ${claims} ${lineage} ${outLinks(type)} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      for (const { node } of result.data!.list.edges) {
        out.push(...node.sources, ...(node.claims ?? []));
        for (const parent of node.parents ?? []) out.push(...parent.citations);
        // A symmetric relationship is met from both ends: count it from the end with the smaller id.
        for (const [name, relation] of Object.entries(LINK_FIELDS[type]))
          for (const link of node[name] ?? [])
            if (relation.direction === 'OUT' || link.node.id > node.id) out.push(...(link.citations as Located[]));
      }
      if (!result.data!.list.pageInfo.hasNextPage) break;
      after = result.data!.list.pageInfo.endCursor;
    }
  }
  return out;
}

/** Document citations in the seed files: mentions, claims, relationship citations. */
function seedDocumentCitations(): number {
  type Cited = { source?: string };
  let count = 0;
  for (const type of ENTITY_TYPES)
    for (const entry of seedFile<Array<{ mentions: Cited[]; claims?: Cited[] }>>(KINDS[type].seedFile))
      count += [...entry.mentions, ...(entry.claims ?? [])].filter((c) => c.source).length;
  for (const type of RELATION_TYPES.filter((t) => existsSync(`seed/relationships/${t.toLowerCase()}.json`)))
    for (const rel of seedFile<Array<{ citations: Cited[] }>>(`relationships/${type.toLowerCase()}.json`))
      count += rel.citations.filter((c) => c.source).length;
  return count;
}

const texts = new Map<string, string>();
async function served(path: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(`${service.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('evidence a reader can open', () => {
  it('locates every document citation in the document /documents serves, by lines and character offsets', async () => {
    const citations = (await allCitations()).filter((c) => c.source.file !== null);
    expect(citations.length).toBe(seedDocumentCitations());
    for (const citation of citations) {
      const file = citation.source.file!;
      expect(citation.source.url).toBe(`/documents/${file}`);
      if (!texts.has(file)) {
        const text = await served(`/documents/${file}?format=text`);
        expect(text).toMatchObject({ status: 200, type: 'text/plain; charset=utf-8' });
        texts.set(file, text.body);
      }
      const text = texts.get(file)!;
      const { line, endLine, start, end, url } = citation.locator!;
      expect([...text].slice(start, end).join('')).toBe(citation.quote);
      const lines = text
        .split('\n')
        .slice(line - 1, endLine)
        .join('\n');
      expect(lines).toContain(citation.quote);
      expect(url).toBe(`/documents/${file}?start=${start}&end=${end}#L${line}${endLine === line ? '' : `-L${endLine}`}`);
    }
  });

  it('serves each document as a page whose line anchors hold the cited lines', async () => {
    const [citation] = (
      await graphql<{ model: { sources: Located[] } }>(service.url, `{ model(id: "gpt-4") { sources { ${CITATION} } } }`)
    ).data!.model.sources.filter((c) => c.quote?.includes('GPT-4'));
    const page = await served(citation!.locator!.url.replace(/#.*$/, ''));
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    // The cited line's anchor holds the quote, marked (the quote has no characters HTML escapes).
    const anchor = new RegExp(`<li id="L${citation!.locator!.line}">.*?<span class="t">(.*?)</span>`).exec(page.body);
    expect(anchor?.[1]).toContain(`<mark>${citation!.quote}</mark>`);
    expect(await served(`/documents/${citation!.source.file}?start=9&end=3`)).toMatchObject({ status: 400 });
    const index = await served('/documents/');
    expect(index.body).toContain(`href="/documents/${citation!.source.file}"`);
    expect(await served('/documents/..%2Fmodels.json')).toMatchObject({ status: 404 });
    const missing = await served('/documents/nothing.txt');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).errors[0].message).toContain('/documents/ lists them');
  });

  it('places a quote from the Epoch rows document in its row and the column that states the fact', async () => {
    const { model } = (
      await graphql<{ model: { claims: Array<Located & { attribute: string }> } }>(
        service.url,
        `{ model(id: "gpt-4") { claims { attribute ${CITATION} } } }`,
      )
    ).data!;
    const open = model.claims.find((c) => c.attribute === 'openWeights' && c.source.id === 'src-epoch-ai');
    expect(open?.locator).toMatchObject({ row: expect.stringMatching(/^row \d+$/), column: 'Model accessibility' });
  });

  it('answers a relationship field with its citations in the same request', async () => {
    const before = service.database.roundTrips;
    const { model } = (
      await graphql<{
        model: { techniques: Array<{ id: string }>; techniquesLinks: Array<{ node: { id: string }; citations: Located[] }> };
      }>(service.url, `{ model(id: "gpt-4") { techniques { id } techniquesLinks { node { id name } citations { ${CITATION} } } } }`)
    ).data!;
    expect(service.database.roundTrips - before).toBe(1);
    expect(model.techniquesLinks.map((l) => l.node.id)).toEqual(model.techniques.map((t) => t.id));
    const rlhf = model.techniquesLinks.find((l) => l.node.id === 'rlhf');
    expect(rlhf?.citations.map((c) => c.locator?.line)).toContain(69);
  });

  it('no longer cites a release announcement for a technique the sentence does not name', async () => {
    const { model } = (
      await graphql<{ model: { techniquesLinks: Array<{ node: { id: string }; citations: Located[] }> } }>(
        service.url,
        `{ model(id: "gpt-2") { techniquesLinks { node { id } citations { ${CITATION} } } } }`,
      )
    ).data!;
    const quotes = model.techniquesLinks.flatMap((l) => l.citations.map((c) => c.quote));
    expect(quotes).not.toContain('2019 年，OpenAI 发布了 GPT-2 模型');
  });
});
