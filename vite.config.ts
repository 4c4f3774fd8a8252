import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // Pre-bundle the engine worker's dependencies at dev start: found later (when the worker first loads), they
  // would make Vite re-optimize and reload the page mid-run.
  optimizeDeps: { include: ['comlink', 'decimal.js', 'zod'] },
  build: { target: 'es2022', sourcemap: true },
});
