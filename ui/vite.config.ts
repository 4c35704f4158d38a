/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The desktop shell loads ui/dist through Tauri's custom protocol; nothing is fetched
// from anywhere else.
export default defineConfig({
  // svelteTesting only acts under Vitest: browser build of Svelte, DOM cleanup per test.
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // zxcvbn's dictionaries (about 1.7 MB) are one chunk on purpose, loaded only where a
    // new passphrase is chosen; everything else stays well under Vite's usual 500 kB.
    chunkSizeWarningLimit: 1800,
  },
  server: {
    port: 5173,
    strictPort: true,
    // This folder (Vite's default) and the end-to-end suite: a unit test reads its files as
    // text to check that every test id they use is one the page renders.
    fs: { allow: ['.', '../tests/e2e'] },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.ts'],
  },
});
