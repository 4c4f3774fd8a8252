import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CSP } from './src/security/csp';

/** The built index.html carries the policy as a meta tag (dev keeps none: Vite's dev server injects inline scripts). */
const cspMeta = (): Plugin => ({
  name: 'haircut-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP }, injectTo: 'head-prepend' }],
});

export default defineConfig({
  plugins: [react(), cspMeta()],
  worker: { format: 'es' },
  // Pre-bundle the engine worker's dependencies at dev start: found later (when the worker first loads), they
  // would make Vite re-optimize and reload the page mid-run.
  optimizeDeps: { include: ['comlink', 'decimal.js', 'zod'] },
  build: { target: 'es2022', sourcemap: true },
});
