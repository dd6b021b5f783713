import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../infra/db/client';

/** A test database, with its connection string when it is PostgreSQL (for tools such as pg_dump). */
export type TestDatabase = DatabaseHandle & { url: string | undefined };

/** Set by `global-setup.ts`: the migrated PGlite data directory (a tarball) every test file loads. */
export const TEMPLATE_PGLITE_ENV = 'ZHUHE_TEST_PGLITE_TEMPLATE';
/** Set by `global-setup.ts`: the migrated PostgreSQL database every test file's database is copied from. */
export const TEMPLATE_DATABASE_ENV = 'ZHUHE_TEST_TEMPLATE_DATABASE';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with TEST_DATABASE_URL, a new
 * PostgreSQL database created for the file and dropped afterwards. Both start from the suite's migrated template
 * when the global setup made one (and migrate from empty when a file runs without it).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const template = process.env[TEMPLATE_PGLITE_ENV];
    if (template)
      return { ...(await openPglite(undefined, { loadDataDir: new Blob([readFileSync(template)]) })), url: undefined };
    const handle = await openPglite();
    await handle.migrate();
    return { ...handle, url: undefined };
  }
  const name = `zh_test_${randomBytes(6).toString('hex')}`;
  const template = process.env[TEMPLATE_DATABASE_ENV];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await createDatabase(admin, name, template);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 5);
  if (!template) await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** PostgreSQL copies a template only while nobody else copies it at that instant (55006): wait and try again. */
async function createDatabase(admin: pg.Client, name: string, template: string | undefined): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
