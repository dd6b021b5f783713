#!/usr/bin/env node
// Module boundary rule (DESIGN "Shape"): a server module may import another module only through its index.ts,
// and infra/ may not import any module. Exits 1 and lists the offending imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'apps/server/src');
const modulesDir = join(root, 'modules');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield path;
  }
}

function moduleOf(file) {
  const rel = relative(modulesDir, file);
  if (rel.startsWith('..')) return null;
  return rel.split(sep)[0];
}

const importRe = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const violations = [];
for (const file of walk(root)) {
  const source = readFileSync(file, 'utf8');
  const fromModule = moduleOf(file);
  const inInfra = !relative(join(root, 'infra'), file).startsWith('..');
  for (const match of source.matchAll(importRe)) {
    const spec = match[1] ?? match[2];
    if (!spec?.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    const targetModule = moduleOf(target);
    if (!targetModule || targetModule === fromModule) continue;
    const rest = relative(join(modulesDir, targetModule), target);
    const isIndex = rest === '' || rest === 'index' || rest === 'index.ts' || rest === 'index.js';
    if (inInfra) violations.push(`${relative(process.cwd(), file)}: infra imports module '${targetModule}' (${spec})`);
    else if (!isIndex)
      violations.push(
        `${relative(process.cwd(), file)}: imports the insides of module '${targetModule}' (${spec}); use its index.ts`,
      );
  }
}
if (violations.length > 0) {
  console.error(`Module boundary violations (${violations.length}):\n${violations.join('\n')}`);
  process.exit(1);
}
console.log('module boundaries: ok');
