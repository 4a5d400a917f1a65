import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/schema.js';
import { buildManifest, MANIFEST_PATH } from '../../src/graphql/execution/trusted-documents.js';
import { explorerOperations, trustedOperationTexts } from '../../src/scripts/trusted-operations.js';

describe('schema/persisted-query-manifest.json', () => {
  it('holds exactly the explorer and playground operations, valid against the schema', async () => {
    const committed = readFileSync(MANIFEST_PATH, 'utf8');
    const current = `${JSON.stringify(buildManifest(await createSchema(), trustedOperationTexts()), null, 2)}\n`;
    expect(current === committed, 'the manifest is stale: run `npm run manifest:print` and commit the result').toBe(true);
  });

  it('reads operations with their constant parts filled in, and names an unknown constant', () => {
    const placeholder = (name: string) => `$\{${name}}`;
    const source = `const F = \`id name\`;\nconst q = () => request(\`query A($id: ID!) { model(id: $id) { ${placeholder('F')} } }\`);\n`;
    expect(explorerOperations(source)).toEqual(['query A($id: ID!) { model(id: $id) { id name } }']);
    expect(() => explorerOperations(`request(\`query B { ${placeholder('MISSING')} }\`)`)).toThrow(/MISSING/);
  });

  it('refuses an operation that does not validate', async () => {
    const schema = await createSchema();
    expect(() => buildManifest(schema, ['query Bad { noSuchField }'])).toThrow(/does not validate/);
  });
});
