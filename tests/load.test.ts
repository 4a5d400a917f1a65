import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { deleteWrittenEntities } from './helpers/database.js';
import { graphql, startTestService } from './helpers/service.js';
import { API_TOKENS, bearer, EDITOR_TOKEN } from './helpers/tokens.js';

const PREFIX = 'load-test-';
const WRITERS = 6;
const WRITES_EACH = 15;
const READERS = 6;
const READS_EACH = 20;

let service: Service;
beforeAll(async () => {
  service = await startTestService({ API_TOKENS });
});
afterAll(async () => {
  await deleteWrittenEntities(service.database, PREFIX);
  await service.stop();
});

const CITATION = { url: 'https://example.org/load', quote: 'synthetic entity for the load test' };

describe('bounded load on loopback', () => {
  it(`serves ${READERS * READS_EACH} reads and ${WRITERS * WRITES_EACH} writes concurrently with no errors and no lost writes`, async () => {
    const errors: unknown[] = [];
    const writer = async (w: number) => {
      for (let i = 0; i < WRITES_EACH; i += 1) {
        const id = `${PREFIX}${w}-${i}`;
        const upsert = await graphql(
          service.url,
          'mutation($input: ModelInput!) { upsertModel(input: $input) { id } }',
          { input: { id, name: `Load ${w}-${i}`, parameters: 1e9 + i, citation: CITATION } },
          bearer(EDITOR_TOKEN),
        );
        const link = await graphql(
          service.url,
          'mutation($input: LinkInput!) { linkEntities(input: $input) { id } }',
          { input: { fromId: id, toId: 'openai', type: 'DEVELOPED_BY', citation: CITATION } },
          bearer(EDITOR_TOKEN),
        );
        errors.push(...(upsert.errors ?? []), ...(link.errors ?? []));
      }
    };
    const reader = async () => {
      for (let i = 0; i < READS_EACH; i += 1) {
        const result = await graphql(
          service.url,
          '{ organization(id: "openai") { models { id techniques { id } } } search(query: "GPT") { score } }',
        );
        errors.push(...(result.errors ?? []));
      }
    };
    const started = Date.now();
    await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), ...Array.from({ length: READERS }, reader)]);
    expect(errors).toEqual([]);
    expect(Date.now() - started).toBeLessThan(120_000);

    const [row] = await service.database.scope().read(
      `MATCH (m:Model)-[:DEVELOPED_BY]->(:Organization {id: 'openai'}) WHERE m.id STARTS WITH $p
       RETURN count(m) AS linked, count(DISTINCT m.parameters) AS distinctValues`,
      { p: PREFIX },
    );
    expect(row).toEqual({ linked: WRITERS * WRITES_EACH, distinctValues: WRITES_EACH });
  }, 180_000);
});
