import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built by `vite build --config web/vite.config.ts` into web/dist, which the API serves at `/`.
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Cytoscape alone is ~400 kB minified; one bundle is fine for a local tool.
    chunkSizeWarningLimit: 1500,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': { target: process.env.API_URL ?? 'http://127.0.0.1:4000', changeOrigin: true } },
  },
});
