import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the project's own .dependency-cruiser.cjs against small trees laid out like the repository; every tree
// holds the three source roots the lint run cruises.
const config = new URL('../.dependency-cruiser.cjs', import.meta.url).pathname;
const roots: string[] = [];

function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zh-dep-rules-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

interface Violation {
  rule: string;
  from: string;
  to: string;
  /** for no-circular: every module on the cycle */
  cycle: string[];
}

async function violations(root: string): Promise<Violation[]> {
  const options = await extractDepcruiseOptions(config);
  const { output } = await cruise(['apps/server/src', 'apps/web/src', 'packages/contracts/src'], {
    ...options,
    baseDir: root,
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
    cycle: [v.from, ...(v.cycle ?? []).map((step) => step.name)],
  }));
}

const clean = {
  'apps/server/src/infra/db/client.ts':
    "import { sql } from 'drizzle-orm';\nexport type DbOrTx = { run: typeof sql };\n",
  'apps/server/src/modules/a/index.ts': "export { doA } from './a.service';\n",
  'apps/server/src/modules/a/a.service.ts':
    "import type { DbOrTx } from '../../infra/db/client';\nimport { doB } from '../b';\n" +
    "import { rowsOfA } from './a.repository';\nexport const doA = (db: DbOrTx) => [doB(), rowsOfA(db)];\n",
  'apps/server/src/modules/a/a.repository.ts':
    "import { eq } from 'drizzle-orm';\nimport type { DbOrTx } from '../../infra/db/client';\n" +
    'export const rowsOfA = (db: DbOrTx) => [db, eq];\n',
  'apps/server/src/modules/a/a.routes.ts': "import { doA } from './a.service';\nexport const routes = [doA];\n",
  'apps/server/src/modules/b/index.ts': "export { doB } from './b.service';\n",
  'apps/server/src/modules/b/b.service.ts': 'export const doB = () => 1;\n',
  'apps/server/src/modules/b/b.test.ts':
    "import { sql } from 'drizzle-orm';\nimport { testDb } from '../../test/test-db';\nexport { sql, testDb };\n",
  'apps/server/src/test/test-db.ts': "import { doA } from '../modules/a';\nexport const testDb = doA;\n",
  'apps/server/src/app.ts': "import { doA } from './modules/a';\nexport const app = doA;\n",
  'apps/web/src/main.tsx': "import { initI18n } from './app/i18n';\ninitI18n();\n",
  'apps/web/src/app/i18n.ts': "import { Home } from '../pages/home';\nexport const initI18n = () => Home;\n",
  'apps/web/src/pages/home.tsx': "import { Schema } from '@zhuhe/contracts';\nexport const Home = Schema;\n",
  'packages/contracts/src/index.ts': 'export const Schema = {};\n',
};

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('passes a tree that follows the house rules', async () => {
    expect(await violations(fixture(clean))).toEqual([]);
  });

  it('reports a cycle in the server, the web app and the contracts', async () => {
    const root = fixture({
      ...clean,
      'apps/server/src/modules/b/b.service.ts': "import { doA } from '../a';\nexport const doB = () => doA;\n",
      'apps/web/src/pages/home.tsx': "import { initI18n } from '../app/i18n';\nexport const Home = initI18n;\n",
      'packages/contracts/src/index.ts': "export { Schema } from './schema';\nexport const version = 1;\n",
      'packages/contracts/src/schema.ts': "import { version } from './index';\nexport const Schema = { version };\n",
    });
    const cycles = (await violations(root)).filter((v) => v.rule === 'no-circular').map((v) => v.cycle);
    expect(cycles).toHaveLength(3);
    expect(cycles).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(['apps/server/src/modules/a/index.ts', 'apps/server/src/modules/b/b.service.ts']),
        expect.arrayContaining(['apps/web/src/app/i18n.ts', 'apps/web/src/pages/home.tsx']),
        expect.arrayContaining(['packages/contracts/src/index.ts', 'packages/contracts/src/schema.ts']),
      ]),
    );
  });

  it("reports an import of a module's insides from outside it, and infra importing a module", async () => {
    const root = fixture({
      ...clean,
      'apps/server/src/modules/a/a.service.ts':
        "import { doB } from '../b/b.service';\nimport { rowsOfA } from './a.repository';\n" +
        'export const doA = () => [doB(), rowsOfA];\n',
      'apps/server/src/infra/jobs/job-queue.ts': "import { doB } from '../../modules/b';\nexport const q = doB;\n",
      'apps/server/src/demo/seed.ts': "import { doB } from '../modules/b/b.service';\nexport const seed = doB;\n",
    });
    expect(await violations(root)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'server-module-through-index',
          from: 'apps/server/src/modules/a/a.service.ts',
          to: 'apps/server/src/modules/b/b.service.ts',
        }),
        expect.objectContaining({
          rule: 'server-module-through-index',
          from: 'apps/server/src/demo/seed.ts',
          to: 'apps/server/src/modules/b/b.service.ts',
        }),
        expect.objectContaining({
          rule: 'server-infra-imports-no-module',
          from: 'apps/server/src/infra/jobs/job-queue.ts',
          to: 'apps/server/src/modules/b/index.ts',
        }),
      ]),
    );
  });

  it('reports a service importing drizzle-orm, even for a type', async () => {
    const root = fixture({
      ...clean,
      'apps/server/src/modules/b/b.service.ts':
        "import type { SQL } from 'drizzle-orm';\nexport const doB = (q?: SQL) => q;\n",
      'apps/server/src/modules/b/b.jobs.ts': "import { sql } from 'drizzle-orm';\nexport const job = sql;\n",
    });
    const found = (await violations(root)).filter((v) => v.rule === 'server-drizzle-only-in-repositories');
    expect(found.map((v) => v.from).sort()).toEqual([
      'apps/server/src/modules/b/b.jobs.ts',
      'apps/server/src/modules/b/b.service.ts',
    ]);
  });

  it('reports a route that touches the database', async () => {
    const root = fixture({
      ...clean,
      'apps/server/src/modules/a/a.routes.ts':
        "import type { DbOrTx } from '../../infra/db/client';\nimport { rowsOfA } from './a.repository';\n" +
        'export const routes = (db: DbOrTx) => rowsOfA(db);\n',
    });
    const found = (await violations(root)).filter((v) => v.rule === 'server-routes-no-database').map((v) => v.to);
    expect(found.sort()).toEqual(['apps/server/src/infra/db/client.ts', 'apps/server/src/modules/a/a.repository.ts']);
  });

  it('reports modules importing the composition root or test helpers', async () => {
    const root = fixture({
      ...clean,
      'apps/server/src/modules/b/b.service.ts':
        "import { app } from '../../app';\nimport { testDb } from '../../test/test-db';\n" +
        'export const doB = () => [app, testDb];\n',
    });
    const found = (await violations(root)).map((v) => `${v.rule} ${v.to}`);
    expect(found).toContain('server-module-not-composition apps/server/src/app.ts');
    expect(found).toContain('server-test-helpers-only-in-tests apps/server/src/test/test-db.ts');
  });

  it('reports web code importing i18n.ts or the server, and contracts importing an app', async () => {
    const root = fixture({
      ...clean,
      'apps/web/src/pages/about.tsx':
        "import { initI18n } from '../app/i18n';\nimport { doB } from '../../../server/src/modules/b';\n" +
        'export const About = [initI18n, doB];\n',
      'packages/contracts/src/index.ts':
        "import { Home } from '../../../apps/web/src/pages/home';\nexport const Schema = {};\nexport { Home };\n",
    });
    const found = (await violations(root)).map((v) => `${v.rule} ${v.from}`);
    expect(found).toContain('web-i18n-only-from-entry apps/web/src/pages/about.tsx');
    expect(found).toContain('web-not-server apps/web/src/pages/about.tsx');
    expect(found).toContain('contracts-import-no-app packages/contracts/src/index.ts');
  });
});
