import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Every type-graphql decorator names its type explicitly, so no decorator metadata (and no swc) is needed.
export default defineConfig({
  resolve: {
    // One graphql instance for ESM and CJS importers, or graphql-js rejects types "from another realm".
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    testTimeout: 30_000,
    reporters: ['default'],
    projects: [
      {
        // No database, no Java: `npm run test:unit` runs these and the next in seconds.
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/cypher/**'] },
      },
      {
        // The repositories' Cypher (recorded, no database): files that share nothing but their modules,
        // so they share one import of them (importing the driver and the repositories per file took
        // most of their time).
        extends: true,
        test: { name: 'unit-cypher', include: ['tests/unit/cypher/**/*.test.ts'], isolate: false },
      },
      {
        // One real Neo4j for the run (tests/global-setup.ts); files share it one at a time.
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**'],
          globalSetup: ['tests/global-setup.ts'],
          hookTimeout: 360_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
