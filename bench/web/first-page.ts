/**
 * First-page weight of the web app: the JavaScript and CSS a browser must fetch before the first page can paint.
 *
 *   npm run bench:web                          builds apps/web, then measures apps/web/dist
 *   npm run bench:web -- --no-build            measures the existing apps/web/dist
 *   npm run bench:web -- --no-build --dist DIR measures another build (e.g. an older commit's dist)
 *
 * Two first pages are measured, each against the budget: the sign-in page a visitor without a session lands on, and
 * the workspace home a signed-in user lands on. For each, it takes from dist/index.html the entry script, the
 * modulepreload links and the stylesheets, adds the chunks of the lazily loaded modules that page renders at once
 * (looked up by source file in Vite's build manifest), and follows every static `import … from "./chunk.js"` of all
 * of them. Other dynamic `import()`s (other pages, charts, texts of other modules) are not followed: the browser
 * fetches those only when a route needs them. Sizes are raw bytes and gzip at level 9 (node:zlib), in kB of 1,000
 * bytes as Vite prints them; the budget applies to the gzip size of the JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_JS_GZIP_BYTES = 350_000;
const GZIP_LEVEL = 9;

const root = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
const distPath = distArg >= 0 ? args[distArg + 1] : undefined;
// npm runs scripts from the root; INIT_CWD is where the command was typed, so relative --dist paths read naturally.
const dist = distPath ? resolve(process.env.INIT_CWD ?? process.cwd(), distPath) : join(root, 'apps/web/dist');
// Another build's dist is measured as it is; only our own apps/web is rebuilt.
const build = !args.includes('--no-build') && !distPath;

type Reason = 'entry' | 'modulepreload' | 'static import' | 'stylesheet' | 'route chunk';

/** The pages a user can land on first, with the lazily loaded source files each renders before it paints. */
const FIRST_PAGES: { name: string; path: string; modules: string[] }[] = [
  { name: 'sign-in (no session)', path: '/login', modules: ['src/pages/login-page.tsx'] },
  {
    name: 'workspace home (signed in)',
    path: '/workspace',
    modules: ['src/app/app-shell.tsx', 'src/pages/workspace-home-page.tsx'],
  },
];

/** Vite's .vite/manifest.json: source file → its chunk. */
type Manifest = Record<string, { file: string; isDynamicEntry?: boolean }>;

interface Asset {
  /** Path as served, e.g. /assets/index-abc.js */
  url: string;
  reason: Reason;
  raw: number;
  gzip: number;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=["']([^"']*)["']`, 'i').exec(tag)?.[1];
}

/** Script, modulepreload and stylesheet references of index.html, in document order. */
function htmlReferences(html: string): { url: string; reason: Reason }[] {
  const found: { url: string; reason: Reason }[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    if (tag.toLowerCase().startsWith('<script')) {
      const src = attribute(tag, 'src');
      if (src && attribute(tag, 'type') === 'module') found.push({ url: src, reason: 'entry' });
      continue;
    }
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') found.push({ url: href, reason: 'modulepreload' });
    if (rel === 'stylesheet') found.push({ url: href, reason: 'stylesheet' });
  }
  return found;
}

/**
 * Static imports of a built chunk. Rolldown writes them at the top level as `import{a as b}from"./x.js"` or
 * `import"./x.js"`; only relative specifiers are taken, so text inside string literals is not mistaken for one.
 * `import("./x.js")` is dynamic and deliberately not matched (no quote directly after `import`, or `from`).
 */
function staticImports(code: string): string[] {
  const specifiers = new Set<string>();
  const pattern = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) if (match[1]) specifiers.add(match[1]);
  return [...specifiers];
}

function fileOf(url: string): string {
  return join(dist, url.replace(/^\//, ''));
}

function measure(url: string, reason: Reason): Asset {
  const bytes = readFileSync(fileOf(url));
  return { url, reason, raw: bytes.length, gzip: gzipSync(bytes, { level: GZIP_LEVEL }).length };
}

function firstPageAssets(routeModules: string[], manifest: Manifest): Asset[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = new Map<string, Asset>();
  const queue: string[] = [];
  const add = (url: string, reason: Reason) => {
    if (assets.has(url)) return;
    assets.set(url, measure(url, reason));
    if (url.endsWith('.js')) queue.push(url);
  };
  for (const { url, reason } of htmlReferences(html)) add(url, reason);
  for (const source of routeModules) {
    const chunk = manifest[source];
    if (!chunk?.isDynamicEntry) throw new Error(`${source} is not a lazily loaded chunk in the build manifest`);
    add(`/${chunk.file}`, 'route chunk');
  }
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    for (const specifier of staticImports(readFileSync(fileOf(url), 'utf8'))) {
      add(posix.join(posix.dirname(url), specifier), 'static import');
    }
  }
  return [...assets.values()];
}

function kB(bytes: number): string {
  return (bytes / 1000).toFixed(2).padStart(9);
}

function main(): void {
  if (build) {
    const result = spawnSync('npm', ['run', 'build', '-w', '@zhuhe/web'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`web build failed (exit ${result.status ?? result.signal})`);
  }
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: build the web app first`);

  const manifestFile = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} not found: the build must write a manifest`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const sum = (list: Asset[], key: 'raw' | 'gzip') => list.reduce((total, a) => total + a[key], 0);
  const shown = relative(root, dist);
  console.log(`\nFirst pages of ${shown.startsWith('..') ? dist : shown}/index.html`);
  console.log(`gzip level ${GZIP_LEVEL} (node:zlib); 1 kB = 1,000 bytes`);

  const verdicts: string[] = [];
  for (const page of FIRST_PAGES) {
    const assets = firstPageAssets(page.modules, manifest);
    const js = assets.filter((a) => a.url.endsWith('.js'));
    const css = assets.filter((a) => a.url.endsWith('.css'));
    console.log(`\n--- ${page.name}: ${page.path} ---`);
    console.log(`${'file'.padEnd(48)} ${'reason'.padEnd(14)} ${'raw kB'.padStart(9)} ${'gzip kB'.padStart(9)}`);
    for (const a of [...js, ...css]) {
      console.log(`${a.url.padEnd(48)} ${a.reason.padEnd(14)} ${kB(a.raw)} ${kB(a.gzip)}`);
    }
    const jsGzip = sum(js, 'gzip');
    console.log(`JS  total: ${js.length} files, raw ${kB(sum(js, 'raw'))} kB, gzip ${kB(jsGzip)} kB`);
    console.log(`CSS total: ${css.length} files, raw ${kB(sum(css, 'raw'))} kB, gzip ${kB(sum(css, 'gzip'))} kB`);
    const margin = kB(Math.abs(BUDGET_JS_GZIP_BYTES - jsGzip)).trim();
    verdicts.push(
      jsGzip > BUDGET_JS_GZIP_BYTES
        ? `*** OVER BUDGET: ${page.name} ${page.path} is ${kB(jsGzip).trim()} kB gzip, ${margin} kB over ***`
        : `${page.name} ${page.path}: ${kB(jsGzip).trim()} kB gzip, within budget (${margin} kB to spare)`,
    );
  }
  console.log(`\nBudget: JS gzip ≤ ${BUDGET_JS_GZIP_BYTES / 1000} kB for each first page`);
  for (const verdict of verdicts) console.log(verdict);
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  console.log(`Load average: ${one} ${five} ${fifteen} (1/5/15 min) on ${cpus().length} cores`);
}

main();
