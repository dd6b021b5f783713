import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../infra/audit/audit-chain';
import { BackupError } from '../infra/backup/backup-errors';
import { decryptBackupToBuffer, verifyBackupFile, writeBackupFile } from '../infra/backup/backup-files';
import { loadBackupKey } from '../infra/backup/backup-key';
import { backupPglite } from '../infra/backup/backup-pglite';
import { countRows, handleQuery } from '../infra/backup/row-counts';
import { type DatabaseHandle, openPglite } from '../infra/db/client';
import { appendEvidence, createCheckpoint } from '../modules/evidence';
import { buildReleasedEscrow } from '../test/builders';
import { createTestApp, testConfig } from '../test/test-app';
import { runBackupFull } from './backup-full';
import { runRestoreRehearsal } from './backup-restore-rehearsal';

const key = loadBackupKey({ BACKUP_KEY: randomBytes(32).toString('base64') });
const policy = { daily: 7, weekly: 4 };
const adminUrl = process.env.TEST_DATABASE_URL;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zhuhe-backup-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Audit entries and evidence (with a signed checkpoint when the whole app is there), the chains the verifiers walk. */
async function seedChains(database: DatabaseHandle): Promise<void> {
  for (let i = 0; i < 3; i++)
    await appendAudit(database.db, {
      actorUserId: null,
      orgId: null,
      action: `test.backup.${i}`,
      target: null,
      digest: 'ab'.repeat(32),
      ip: null,
    });
  for (let i = 0; i < 5; i++)
    await appendEvidence(
      { db: database.db },
      { kind: 'test.record', subject: `backup:${i}`, sha256: randomBytes(32).toString('hex') },
    );
}

async function plaintextOf(path: string): Promise<Buffer> {
  return (await decryptBackupToBuffer(path, key)).plaintext;
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe.skipIf(!adminUrl)(
  'backup:full and backup:restore-rehearsal on PostgreSQL (skipped without TEST_DATABASE_URL: pg_dump and pg_restore need a server)',
  () => {
    let backupPath: string;
    let before: Record<string, number>;
    let sourceName: string;

    beforeAll(async () => {
      const t = await createTestApp();
      await buildReleasedEscrow(t.ctx);
      await seedChains(t.database);
      await createCheckpoint(t.ctx);
      // Enough rows that the dump outgrows a pipe's buffer: pg_restore's schema pass then stops reading early.
      await t.database.db.execute(
        sql`insert into product_events (id, name, properties, occurred_at)
            select gen_random_uuid(), 'test.bulk', jsonb_build_object('pad', repeat(md5(random()::text), 4)), now()
            from generate_series(1, 20000)`,
      );
      before = await countRows(handleQuery(t.database));
      sourceName = new URL(t.database.url as string).pathname.slice(1);
      const { path } = await runBackupFull({
        databaseUrl: t.database.url,
        pgliteDir: '/nonexistent',
        dir: join(dir, 'pg'),
        key,
        policy,
      });
      backupPath = path;
      await t.close(); // drops the source database: from here on only the backup holds the data
    });

    it('restores into a fresh database with every table’s rows and clean verifiers, then drops it', async () => {
      expect(await databaseExists(sourceName)).toBe(false);
      const result = await runRestoreRehearsal({
        file: backupPath,
        key,
        config: testConfig(),
        serverUrl: adminUrl,
        keep: false,
      });
      const report = result.lines.join('\n');
      expect(result.exitCode, report).toBe(0);
      expect(result.restoredInto).toMatch(/^zhuhe_restore_[0-9a-f]{12}$/);
      expect(Object.fromEntries(result.counts.map((c) => [c.table, c.actual]))).toEqual(before);
      expect(before['public.ledger_transfers']).toBe(6);
      expect(before['public.audit_log']).toBe(3);
      expect(before['public.product_events']).toBe(20_000);
      expect(before['drizzle.__drizzle_migrations']).toBeGreaterThan(0);
      expect(report).toContain('audit chain ok: 3 entries verified');
      expect(report).toMatch(/evidence log ok: 5 entries, 1 signed checkpoints verified/);
      expect(report).toMatch(/ledger ok: \d+ accounts, 6 transfers; balances sum to 0/);
      expect(report).toContain('rehearsal passed');
      expect(await databaseExists(result.restoredInto)).toBe(false);
    });

    it('fails, naming the table, when the restored rows differ from the backup’s snapshot', async () => {
      // Same dump, re-encrypted with a header that claims one more transfer than the dump holds.
      const header = await verifyBackupFile(backupPath, key);
      const claimed = { ...header.metadata.rowCounts, 'public.ledger_transfers': 7 };
      const forged = await writeBackupFile(
        join(dir, 'pg-forged'),
        Readable.from([await plaintextOf(backupPath)]),
        key,
        { ...header.metadata, rowCounts: claimed },
      );
      const result = await runRestoreRehearsal({
        file: forged,
        key,
        config: testConfig(),
        serverUrl: adminUrl,
        keep: false,
      });
      expect(result.exitCode).toBe(1);
      expect(result.lines).toContain('  row count MISMATCH public.ledger_transfers: backup 7, restored 6');
      expect(result.lines.at(-1)).toMatch(/^REHEARSAL FAILED/);
      expect(await databaseExists(result.restoredInto)).toBe(false);
    });

    it('refuses a backup with a flipped byte before creating any database', async () => {
      const file = await readFile(backupPath);
      file[file.length - 100] = (file[file.length - 100] as number) ^ 0x04;
      const tampered = join(dir, 'tampered.zhbk');
      await writeFile(tampered, file);
      const error = await runRestoreRehearsal({
        file: tampered,
        key,
        config: testConfig(),
        serverUrl: adminUrl,
        keep: false,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).code).toBe('BACKUP_TAMPERED');
    });
  },
);

describe('backup and restore rehearsal on PGlite (dumpDataDir / loadDataDir)', () => {
  it('restores an in-memory database into a new directory with equal counts and clean verifiers', {
    timeout: 120_000,
  }, async () => {
    const source = await openPglite();
    let path: string;
    let before: Record<string, number>;
    try {
      await source.migrate();
      await seedChains(source);
      before = await countRows(handleQuery(source));
      ({ path } = await backupPglite(source, join(dir, 'pglite'), key));
    } finally {
      await source.close();
    }
    const result = await runRestoreRehearsal({
      file: path,
      key,
      config: testConfig(),
      serverUrl: undefined,
      keep: false,
    });
    const report = result.lines.join('\n');
    expect(result.exitCode, report).toBe(0);
    expect(Object.fromEntries(result.counts.map((c) => [c.table, c.actual]))).toEqual(before);
    expect(before['public.audit_log']).toBe(3);
    expect(before['public.evidence_entries']).toBe(5);
    expect(report).toContain('audit chain ok: 3 entries verified');
    expect(report).toContain('evidence log ok: 5 entries');
    expect(existsSync(result.restoredInto)).toBe(false);
  });
});
