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
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
