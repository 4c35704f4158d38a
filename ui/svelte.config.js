import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Styles go to the built CSS file, never into inline <style> at run time (CSP).
    css: 'external',
  },
};
