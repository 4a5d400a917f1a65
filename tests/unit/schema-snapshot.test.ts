import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printPossibleTypes } from '../../src/graphql/possible-types.js';
import { printSdl } from '../../src/graphql/schema.js';

describe('schema/', () => {
  it('schema.graphql matches the schema printed from the type-graphql classes', async () => {
    const committed = readFileSync('schema/schema.graphql', 'utf8');
    const current = await printSdl();
    expect(current === committed, 'schema/schema.graphql is stale: run `npm run schema:print` and commit the result').toBe(true);
  });

  it('possible-types.json lists every interface with its implementations, as Apollo Client needs them', async () => {
    const committed = readFileSync('schema/possible-types.json', 'utf8');
    expect(committed, 'schema/possible-types.json is stale: run `npm run schema:print`').toBe(await printPossibleTypes());
    expect(JSON.parse(committed)).toMatchObject({
      Entity: ['Benchmark', 'Dataset', 'Limitation', 'Model', 'ModelSeries', 'Offering', 'Organization', 'Product', 'Technique'],
    });
  });
});
