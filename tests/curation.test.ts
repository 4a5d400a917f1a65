import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { deleteWrittenEntities } from './helpers/database.js';
import { graphql, startTestService } from './helpers/service.js';
import { ADMIN_TOKEN, API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

// Every id this file writes starts with this prefix, so cleanup touches nothing else.
const PREFIX = 'curation-test-';
let service: Service;

beforeAll(async () => {
  service = await startTestService({ API_TOKENS });
});
afterAll(async () => {
  await deleteWrittenEntities(service.database, PREFIX);
  await service.stop();
});

const editor = (query: string, variables = {}) => graphql(service.url, query, variables, bearer(EDITOR_TOKEN));
const admin = (query: string, variables = {}) => graphql(service.url, query, variables, bearer(ADMIN_TOKEN));

const UPSERT_MODEL = `mutation($input: ModelInput!) { upsertModel(input: $input) { id name parameters releaseDate aliases
  claims { attribute value quote source { id url } } sources { quote source { id } } developers { id } } }`;
const LINK =
  'mutation($input: LinkInput!) { linkEntities(input: $input) { id source target type kind citations { quote source { id } } } }';
const DOC_QUOTE = { sourceId: 'src-002', quote: '2019 年，OpenAI 发布了 GPT-2 模型，具有 15 亿参数' };

async function graphCounts() {
  const [row] = await service.database
    .scope()
    .read('RETURN COUNT { (:Entity) } AS entities, COUNT { ()-[r]->() } AS relationships, COUNT { (:Change) } AS changes');
  return row;
}

describe('authentication and roles', () => {
  it('refuses a mutation without a token as UNAUTHENTICATED, and with an unknown token too', async () => {
    for (const headers of [{}, bearer('not-a-configured-token-xyz'), { authorization: `Basic ${EDITOR_TOKEN}` }]) {
      const result = await graphql(service.url, UPSERT_MODEL, { input: { id: `${PREFIX}x`, name: 'X', citation: DOC_QUOTE } }, headers);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.data).toBeNull();
    }
  });

  it('lets an editor write but only an admin delete (FORBIDDEN otherwise)', async () => {
    await editor(UPSERT_MODEL, { input: { id: `${PREFIX}doomed`, name: 'Doomed', citation: DOC_QUOTE } });
    const denied = await editor(`mutation { deleteEntity(id: "${PREFIX}doomed") }`);
    expect(denied.errors?.[0]).toMatchObject({
      message: 'This operation needs the admin role; your token has the editor role.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await admin(`mutation { deleteEntity(id: "${PREFIX}doomed") }`)).toMatchObject({ data: { deleteEntity: true } });
    expect((await admin(`mutation { deleteEntity(id: "${PREFIX}doomed") }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps reads public by default', async () => {
    expect((await graphql(service.url, '{ model(id: "gpt-4") { id } }')).data).toEqual({ model: { id: 'gpt-4' } });
  });

  it('can require a token for reads too', async () => {
    const closed = await startTestService({ API_TOKENS, READS_REQUIRE_TOKEN: 'true' });
    try {
      const anonymous = await graphql(closed.url, '{ model(id: "gpt-4") { id } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await graphql(closed.url, '{ model(id: "gpt-4") { id } }', {}, bearer(EDITOR_TOKEN))).data).toEqual({
        model: { id: 'gpt-4' },
      });
    } finally {
      await closed.stop();
    }
  });
});

describe('writes', () => {
  it('creates a model with cited attribute claims, then updates it without losing what was not given', async () => {
    const created = await editor(UPSERT_MODEL, {
      input: {
        id: `${PREFIX}gpt-2-copy`,
        name: 'GPT-2 copy',
        parameters: 1.5e9,
        releaseDate: '2019',
        aliases: ['GPT2 copy'],
        citation: DOC_QUOTE,
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data).toMatchObject({
      upsertModel: {
        id: `${PREFIX}gpt-2-copy`,
        parameters: 1.5e9,
        releaseDate: '2019',
        aliases: ['GPT2 copy'],
        claims: [
          {
            attribute: 'parameters',
            value: '1500000000',
            quote: DOC_QUOTE.quote,
            source: { id: 'src-002', url: '/documents/002_17985d20e695f627.txt' },
          },
          {
            attribute: 'releaseDate',
            value: '"2019"',
            quote: DOC_QUOTE.quote,
            source: { id: 'src-002', url: '/documents/002_17985d20e695f627.txt' },
          },
        ],
        sources: [{ quote: DOC_QUOTE.quote, source: { id: 'src-002' } }],
      },
    });
    const updated = await editor(UPSERT_MODEL, {
      input: {
        id: `${PREFIX}gpt-2-copy`,
        name: 'GPT-2 (copy)',
        citation: { url: 'https://example.org/gpt2', quote: 'renamed for the test' },
      },
    });
    expect(updated.data).toMatchObject({
      upsertModel: { name: 'GPT-2 (copy)', parameters: 1.5e9, releaseDate: '2019', aliases: ['GPT2 copy'] },
    });
  });

  it('links entities with a citation, adds a second citation to the same edge, and unlinks it', async () => {
    await editor(UPSERT_MODEL, { input: { id: `${PREFIX}linked`, name: 'Linked', citation: DOC_QUOTE } });
    const first = await editor(LINK, { input: { fromId: `${PREFIX}linked`, toId: 'openai', type: 'DEVELOPED_BY', citation: DOC_QUOTE } });
    expect(first.data).toEqual({
      linkEntities: {
        id: `${PREFIX}linked:DEVELOPED_BY:openai`,
        source: `${PREFIX}linked`,
        target: 'openai',
        type: 'DEVELOPED_BY',
        kind: null,
        citations: [{ quote: DOC_QUOTE.quote, source: { id: 'src-002' } }],
      },
    });
    const again = await editor(LINK, {
      input: {
        fromId: `${PREFIX}linked`,
        toId: 'openai',
        type: 'DEVELOPED_BY',
        citation: { url: 'https://example.org/dev', quote: 'OpenAI built it' },
      },
    });
    expect((again.data as { linkEntities: { citations: unknown[] } }).linkEntities.citations).toHaveLength(2);
    const repeat = await editor(LINK, { input: { fromId: `${PREFIX}linked`, toId: 'openai', type: 'DEVELOPED_BY', citation: DOC_QUOTE } });
    expect((repeat.data as { linkEntities: { citations: unknown[] } }).linkEntities.citations).toHaveLength(2);

    expect(await editor(`mutation { unlinkEntities(edgeId: "${PREFIX}linked:DEVELOPED_BY:openai") }`)).toMatchObject({
      data: { unlinkEntities: true },
    });
    const gone = await editor(`mutation { unlinkEntities(edgeId: "${PREFIX}linked:DEVELOPED_BY:openai") }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('records who wrote what and when, newest first', async () => {
    const result = await graphql<{ history: Array<{ actor: string; action: string; at: string; details: string }> }>(
      service.url,
      `{ history(entityId: "${PREFIX}linked") { at actor action details } }`,
    );
    const history = result.data!.history;
    expect(history.map((h) => h.action)).toEqual([
      'UNLINK_DEVELOPED_BY',
      'LINK_DEVELOPED_BY',
      'LINK_DEVELOPED_BY',
      'LINK_DEVELOPED_BY',
      'UPSERT_MODEL',
    ]);
    expect(history.every((h) => /^editor:[0-9a-f]{10}$/.test(h.actor))).toBe(true);
    expect(JSON.stringify(history)).not.toContain(EDITOR_TOKEN);
    expect(Date.parse(history[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('deletes an entity with its relationships', async () => {
    await editor(UPSERT_MODEL, { input: { id: `${PREFIX}short-lived`, name: 'Short-lived', citation: DOC_QUOTE } });
    await editor(LINK, { input: { fromId: `${PREFIX}short-lived`, toId: 'rope', type: 'USES', citation: DOC_QUOTE } });
    expect(await admin(`mutation { deleteEntity(id: "${PREFIX}short-lived") }`)).toMatchObject({ data: { deleteEntity: true } });
    const [row] = await service.database.scope().read('MATCH (n {id: $id}) RETURN count(n) AS n', { id: `${PREFIX}short-lived` });
    expect(row).toEqual({ n: 0 });
    const rope = await graphql<{ technique: { usedBy: Array<{ id: string }> } }>(
      service.url,
      '{ technique(id: "rope") { usedBy { id } } }',
    );
    expect(rope.data!.technique.usedBy.map((m) => m.id)).not.toContain(`${PREFIX}short-lived`);
  });
});

describe('validation: clear BAD_USER_INPUT messages, nothing written', () => {
  it.each([
    [
      'a malformed id',
      { id: 'Not A Slug', name: 'x', citation: DOC_QUOTE },
      'input.id must be a lowercase slug such as "gpt-4" (letters, digits, single dashes).',
    ],
    [
      'a negative parameter count',
      { id: `${PREFIX}bad`, name: 'x', parameters: -3, citation: DOC_QUOTE },
      'input.parameters Too small: expected number to be >=1000.',
    ],
    [
      'an impossible date',
      { id: `${PREFIX}bad`, name: 'x', releaseDate: '2023-13', citation: DOC_QUOTE },
      'input.releaseDate must be an ISO date: 2023, 2023-03 or 2023-03-14.',
    ],
    ['an overlong name', { id: `${PREFIX}bad`, name: 'x'.repeat(121), citation: DOC_QUOTE }, 'input.name must be at most 120 characters.'],
    [
      'a citation with both source and url',
      { id: `${PREFIX}bad`, name: 'x', citation: { ...DOC_QUOTE, url: 'https://example.org' } },
      'input.citation.sourceId give exactly one of sourceId and url.',
    ],
    [
      'a quote not in the document',
      { id: `${PREFIX}bad`, name: 'x', citation: { sourceId: 'src-001', quote: 'this sentence is not there' } },
      'input.citation.quote does not appear verbatim in src-001.',
    ],
    [
      'an unknown source',
      { id: `${PREFIX}bad`, name: 'x', citation: { sourceId: 'src-999', quote: 'whatever it says here' } },
      'input.citation.sourceId "src-999" names no source.',
    ],
    [
      'an id of another kind',
      { id: 'openai', name: 'x', citation: DOC_QUOTE },
      'input.id "openai" already names a ORGANIZATION; ids are unique across all kinds.',
    ],
  ])('refuses %s', async (_name, input, message) => {
    const before = await graphCounts();
    const result = await editor(UPSERT_MODEL, { input });
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    expect(await graphCounts()).toEqual(before);
  });

  it.each([
    ['an unknown id', { fromId: 'gpt-4', toId: `${PREFIX}nobody`, type: 'DEVELOPED_BY' }, `input.toId "${PREFIX}nobody" names no entity.`],
    [
      'a type that does not fit the labels',
      { fromId: 'gpt-4', toId: 'rope', type: 'DEVELOPED_BY' },
      'input.toId "rope" is a TECHNIQUE, but DEVELOPED_BY needs a ORGANIZATION there.',
    ],
    [
      'DERIVED_FROM without a kind',
      { fromId: 'gpt-4', toId: 'gpt-3', type: 'DERIVED_FROM' },
      'input.kind is required for DERIVED_FROM links.',
    ],
    [
      'a lineage cycle',
      // GPT-3 -> GPT-2 -> GPT-1 in the seed (GPT-3.5 and GPT-4 are a chain of their own: no source links them to GPT-3).
      { fromId: 'gpt-1', toId: 'gpt-3', type: 'DERIVED_FROM', kind: 'SUCCESSOR' },
      'input.toId "gpt-3" already leads to "gpt-1" through DERIVED_FROM; this link would make a cycle.',
    ],
    [
      'a BUILDS_ON cycle',
      { fromId: 'positional-encoding', toId: 'alibi', type: 'BUILDS_ON' },
      'input.toId "alibi" already leads to "positional-encoding" through BUILDS_ON; this link would make a cycle.',
    ],
    [
      'a self-link',
      { fromId: 'gpt-4', toId: 'gpt-4', type: 'COMPETES_WITH' },
      'input.toId must differ from input.fromId: an entity cannot be linked to itself.',
    ],
  ])('refuses a link with %s', async (_name, link, message) => {
    const before = await graphCounts();
    const result = await editor(LINK, { input: { ...link, citation: DOC_QUOTE } });
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    expect(await graphCounts()).toEqual(before);
  });

  it('refuses a malformed edge id', async () => {
    const result = await editor('mutation { unlinkEntities(edgeId: "gpt-4-openai") }');
    expect(result.errors?.[0]?.message).toBe(
      'edgeId must look like "gpt-4:DEVELOPED_BY:openai" (a result: "gpt-4o:SCORED_ON:mmlu:<key>"), got "gpt-4-openai".',
    );
  });
});
