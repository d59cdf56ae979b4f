import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build produces both front doors of the main process: the Electron entry and the
// plain-Node CLI (`tessera`), which must never load `electron`.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          // Imports are parsed in a worker thread, which loads this file (worker/worker-file.ts).
          'import-worker': resolve(__dirname, 'src/main/import/worker/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload can require nothing but `electron`: bundle everything else into it.
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
