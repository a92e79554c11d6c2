// Build of the three bundles: Electron main and preload (electron/), and the renderer (src-renderer/).
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // The engine's worker thread is its own entry, next to index.js (src-main/engine-runner.ts).
        input: { index: resolve(import.meta.dirname, 'electron/main.ts'), 'engine-worker': resolve(import.meta.dirname, 'src-main/engine-worker.ts') },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'electron/preload.ts') } },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [svelte({ configFile: false })],
    build: {
      outDir: 'out/renderer',
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') } },
    },
  },
});
