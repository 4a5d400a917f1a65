import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSdl } from '../../src/graphql/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema printed from the type-graphql classes', async () => {
    const committed = readFileSync('schema/schema.graphql', 'utf8');
    const current = await printSdl();
    expect(current === committed, 'schema/schema.graphql is stale: run `npm run schema:print` and commit the result').toBe(true);
  });
});
