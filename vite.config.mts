// Builds the renderer (the page both shells load) into dist/renderer.
// Two pages: the app, and the script-free document the preview frame shows.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const __dirname = import.meta.dirname;

export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  publicDir: false,
  build: {
    // BYLINE_DIST_DIR lets parallel builds (several developers, one tree) keep apart.
    outDir: resolve(__dirname, process.env.BYLINE_DIST_DIR ?? 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No inline <script> or data-URI modules: the CSP allows only 'self' scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'renderer/index.html'),
        preview: resolve(__dirname, 'renderer/preview.html'),
      },
    },
  },
});
