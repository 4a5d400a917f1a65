import { mkdirSync, writeFileSync } from 'node:fs';
import { printPossibleTypes } from '../graphql/possible-types.js';
import { printSdl } from '../graphql/schema.js';

// Regenerates schema/schema.graphql and schema/possible-types.json from the type-graphql classes.
mkdirSync('schema', { recursive: true });
writeFileSync('schema/schema.graphql', await printSdl());
writeFileSync('schema/possible-types.json', await printPossibleTypes());
console.log('wrote schema/schema.graphql and schema/possible-types.json');
