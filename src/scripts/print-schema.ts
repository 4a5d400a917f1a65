import { mkdirSync, writeFileSync } from 'node:fs';
import { printSdl } from '../graphql/schema.js';

// Regenerates schema/schema.graphql from the type-graphql classes.
mkdirSync('schema', { recursive: true });
writeFileSync('schema/schema.graphql', await printSdl());
console.log('wrote schema/schema.graphql');
