import { writeFileSync } from 'node:fs';
import { createSchema } from '../graphql/schema.js';
import { trustedOperationTexts } from './trusted-operations.js';
import { buildManifest, MANIFEST_PATH } from '../graphql/execution/trusted-documents.js';

// Regenerates schema/persisted-query-manifest.json from the explorer's and the playground's operations.
const manifest = buildManifest(await createSchema(), trustedOperationTexts());
writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote schema/persisted-query-manifest.json (${manifest.operations.length} operations)`);
