import { defineConfig } from 'vite';
import { storyPlugin } from './src/story/plugin.ts';
import { cspPlugin } from './src/story/csp.ts';

// The story page is a static site: relative asset URLs (base './') so dist/ works under any path.
export default defineConfig({
  base: './',
  plugins: [storyPlugin(), cspPlugin()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rolldownOptions: {
      // presenter.html: the presenter view, a page of its own (notes, next slide, timer) that draws no charts.
      input: { index: 'index.html', presenter: 'presenter.html' },
      output: { minify: true },
    },
  },
});
