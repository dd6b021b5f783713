import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = 'http://127.0.0.1:3000';
const proxy = Object.fromEntries(['/api', '/healthz', '/readyz', '/metrics'].map((path) => [path, apiTarget]));

export const viteConfig = defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Ant Design alone is close to 1 MB minified; it is cached apart from the app code. Library groups are split by
    // the set of pages that use each part (entriesAware), so the first page loads only the components it renders.
    // Small pieces are not merged into a neighbour (threshold 0): a merge can put code that only lazy chunks use
    // into a chunk the entry preloads (one lazy import in the shell added 100 kB gzip to the first page that way);
    // a few more small requests cost less. This works because package.json
    // declares which source files act on import (sideEffects); a module's index.ts then no longer ties all of its
    // components to the chunk of whoever imports one of them.
    chunkSizeWarningLimit: 1200,
    // .vite/manifest.json maps source files to chunks; bench/web/first-page.ts reads it to find a route's chunks.
    manifest: true,
    rolldownOptions: {
      output: {
        // A shared group's name lists every page that uses it (antd~tickets-pages~staff-pages~…). The entry's preload
        // map holds each lazily loaded chunk's file name, so those names were a few kB of the first page; the group
        // and the hash are enough.
        chunkFileNames: (chunk) =>
          chunk.name.includes('~')
            ? `assets/${chunk.name.slice(0, chunk.name.indexOf('~'))}-[hash].js`
            : 'assets/[name]-[hash].js',
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion)[\\/]/,
              entriesAware: true,
              entriesAwareMergeThreshold: 0,
            },
            // ECharts is loaded only with the pages that draw charts.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 0 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
});

// Vite reads the default export; it is the one default export in the web app.
export default viteConfig;
