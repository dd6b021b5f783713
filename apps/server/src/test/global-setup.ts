import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../infra/db/client';
import { TEMPLATE_DATABASE_ENV, TEMPLATE_PGLITE_ENV } from './test-db';

/**
 * Migrates one database before the suite and lets every test file start from a copy of it, instead of each file
 * running the ~40 migrations again: on PGlite a data-directory tarball each file loads, on PostgreSQL a template
 * database each file's `create database … template` copies. Dropped when the run ends.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const handle = await openPglite();
    await handle.migrate();
    if (!handle.dumpDataDir) throw new Error('PGlite handle without dumpDataDir');
    const tarball = await handle.dumpDataDir();
    await handle.close();
    const dir = mkdtempSync(join(tmpdir(), 'zhuhe-test-template-'));
    const file = join(dir, 'migrated.tar.gz');
    writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
    process.env[TEMPLATE_PGLITE_ENV] = file;
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `zh_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 1);
  await handle.migrate();
  await handle.close();
  process.env[TEMPLATE_DATABASE_ENV] = name;
  return async () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
