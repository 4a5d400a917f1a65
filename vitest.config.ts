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
        // No database, no Java: `npm run test:unit` runs these in seconds.
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
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
