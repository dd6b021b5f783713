// Builds the server to one JavaScript file (dist/bundle/main.js) that `npm start` runs with plain Node, so
// production needs no TypeScript loader (ADR 0097). Dependencies stay in node_modules (native and wasm packages
// load their own files); the workspace packages (@zhuhe/contracts, @zhuhe/verify) ship TypeScript and are bundled.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, 'dist/bundle');
const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@zhuhe/'));

/**
 * Source files find their neighbours through `import.meta.url` (the migrations, the matching weights, web/dist).
 * In one bundle that URL would be the bundle's; each file gets its own back, relative to the bundle, so the tree
 * still works wherever it is copied.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split('\\').join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

const started = Date.now();
const result = await build({
  entryPoints: [resolve(root, 'src/main.ts')],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  external,
  plugins: [ownUrl],
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `server built: ${relative(process.cwd(), outdir)}/main.js, ${(bytes / 1024).toFixed(0)} kB with source map, ${Date.now() - started} ms`,
);
