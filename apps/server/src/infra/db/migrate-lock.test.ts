import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openPostgres } from './client';

const adminUrl = process.env.TEST_DATABASE_URL;

/** Two processes of a deploy start at once on an empty database: the advisory lock lets one migrate at a time. */
describe.runIf(adminUrl)('migrations under an advisory lock (PostgreSQL)', () => {
  it('two runners started together both succeed and apply each migration once', async () => {
    const name = `zh_migrate_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl as string);
    url.pathname = `/${name}`;
    const a = await openPostgres(url.toString(), 3);
    const b = await openPostgres(url.toString(), 3);
    try {
      await Promise.all([a.migrate(), b.migrate()]);
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
        entries: unknown[];
      };
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const applied = await check.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      // pg_locks spans the whole server: other test files' advisory locks (job leaders, queues) are not this one's
      const held = await check.query<{ n: number }>(
        `select count(*)::int as n from pg_locks
          where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
      );
      await check.end();
      expect(applied.rows[0]?.n).toBe(journal.entries.length);
      expect(held.rows[0]?.n).toBe(0); // released after the run
      // a later start finds nothing to do and does not wait on anyone
      await a.migrate();
    } finally {
      await a.close();
      await b.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
