import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/schema.js';
import { buildManifest, loadManifest, MANIFEST_PATH } from '../../src/graphql/execution/trusted-documents.js';
import { explorerOperations, trustedOperationTexts } from '../../src/scripts/trusted-operations.js';

describe('schema/persisted-query-manifest.json', () => {
  it('holds exactly the explorer and playground operations, valid against the schema', async () => {
    const committed = readFileSync(MANIFEST_PATH, 'utf8');
    const current = `${JSON.stringify(buildManifest(await createSchema(), trustedOperationTexts()), null, 2)}\n`;
    expect(current === committed, 'the manifest is stale: run `npm run manifest:print` and commit the result').toBe(true);
  });

  it('knows each explorer operation by the id the explorer sends for it', () => {
    const ids = new Set(loadManifest().operations.map((op) => `sha256:${op.id}`));
    for (const id of explorerOperations().keys()) expect(ids).toContain(id);
  });

  it('refuses an operation that does not validate', async () => {
    const schema = await createSchema();
    expect(() => buildManifest(schema, ['query Bad { noSuchField }'])).toThrow(/does not validate/);
  });
});

describe("the explorer's generated types and documents (web/src/generated)", () => {
  it('are what GraphQL Code Generator makes of schema/schema.graphql and web/src/operations now', async () => {
    const config = JSON.parse(readFileSync(new URL('../../codegen.json', import.meta.url), 'utf8'));
    const outputs = await generate({ ...config, cwd: new URL('../..', import.meta.url).pathname }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      const committed = readFileSync(new URL(`../../${filename}`, import.meta.url), 'utf8');
      expect(content === committed, `${filename} is stale: run \`npm run codegen\` and commit the result`).toBe(true);
    }
  });
});
