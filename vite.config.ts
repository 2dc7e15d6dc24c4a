import { defineConfig } from 'vite';
import { storyPlugin } from './src/story/plugin.ts';

// The story page is a static site: relative asset URLs (base './') so dist/ works under any path.
export default defineConfig({
  base: './',
  plugins: [storyPlugin()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { index: 'index.html' },
      output: { minify: true },
    },
  },
});
