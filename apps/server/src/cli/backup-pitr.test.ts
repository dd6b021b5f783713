import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../infra/audit/audit-chain';
import type { BackupError } from '../infra/backup/backup-errors';
import { loadBackupKey } from '../infra/backup/backup-key';
import { asPostgres, pgBin } from '../infra/backup/backup-pitr';
import { archiveWal, listArchivedWal, restoreWal } from '../infra/backup/backup-wal';
import { spawnTool } from '../infra/backup/run-tool';
import { type DatabaseHandle, openPostgres } from '../infra/db/client';
import { appendEvidence } from '../modules/evidence';
import { testConfig } from '../test/test-app';
import { runBackupBase } from './backup-base';
import { runPitrRehearsal } from './backup-pitr-rehearsal';
import { runBackupPrune } from './backup-prune';
import { runRestoreRehearsal } from './backup-restore-rehearsal';
import { cliCommand } from './backup-wal-common';

const adminUrl = process.env.TEST_DATABASE_URL;
const rawKey = randomBytes(32).toString('hex');
const key = loadBackupKey({ BACKUP_KEY: rawKey });

async function run(tool: string, args: string[]): Promise<void> {
  const [command, argv] = asPostgres(tool, args);
  await spawnTool(command, argv, ['ignore', 'ignore']).done;
}

/** The first port from `from` on that nothing listens on at 127.0.0.1. */
async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${from}`);
}

async function seed(database: DatabaseHandle, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await appendAudit(database.db, {
      actorUserId: null,
      orgId: null,
      action: `test.pitr.${i}`,
      target: null,
      digest: 'cd'.repeat(32),
      ip: null,
    });
    await appendEvidence(
      { db: database.db },
      { kind: 'test.record', subject: `pitr:${i}`, sha256: randomBytes(32).toString('hex') },
    );
  }
}

describe.runIf(adminUrl && existsSync(pgBin('initdb')))(
  'base backup + WAL archive + point-in-time restore rehearsal (skipped without TEST_DATABASE_URL and PostgreSQL 15 server binaries)',
  () => {
    it('restores the rows written after the base backup from the archive, with clean verifiers', {
      timeout: 120_000,
    }, async () => {
      const root = await mkdtemp(join(tmpdir(), 'zhuhe-pitr-test-'));
      const data = join(root, 'data');
      const sock = join(root, 'sock');
      const backups = join(root, 'backups');
      const envFile = join(root, 'backup.env');
      let database: DatabaseHandle | null = null;
      try {
        await mkdir(sock);
        await mkdir(backups, { mode: 0o700 });
        // What an operator puts in /etc/zhuhe/backup.env: the archiver reads the key from it, not from the config.
        await writeFile(envFile, `export BACKUP_KEY=${rawKey}\nexport BACKUP_DIR=${backups}\n`, { mode: 0o600 });
        if (process.getuid?.() === 0)
          await spawnTool('chown', ['-R', 'postgres:postgres', root], ['ignore', 'ignore']).done;
        await chmod(root, 0o755);
        await run(pgBin('initdb'), [
          '-D',
          data,
          '-U',
          'postgres',
          '--auth=trust',
          '--encoding=UTF8',
          '--locale=C.UTF-8',
        ]);
        const port = await freePort(5491);
        await appendFile(
          join(data, 'postgresql.conf'),
          [
            `port = ${port}`,
            "listen_addresses = '127.0.0.1'",
            `unix_socket_directories = '${sock}'`,
            'wal_level = replica',
            'archive_mode = on',
            `archive_command = '. ${envFile} && ${cliCommand('backup-wal-archive')} %p %f'`,
            'fsync = off',
          ].join('\n'),
        );
        await run(pgBin('pg_ctl'), ['-D', data, '-l', join(root, 'postgres.log'), '-w', '-t', '60', 'start']);
        const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
        await admin.connect();
        await admin.query('create database zhuhe');
        await admin.end();
        const url = `postgres://postgres@127.0.0.1:${port}/zhuhe`;
        database = await openPostgres(url, 2);
        await database.migrate();
        await seed(database, 0, 3);

        const base = await runBackupBase({ databaseUrl: url, dir: backups, key });
        expect(base.lines[1]).toMatch(/starts at [0-9A-F]+\/[0-9A-F]+ in [0-9A-F]{24} \(timeline 1\)/);
        const wrongKind = await runRestoreRehearsal({
          file: base.path,
          key,
          config: testConfig(),
          serverUrl: adminUrl,
          keep: false,
        }).catch((e: unknown) => e);
        expect((wrongKind as BackupError).code).toBe('BACKUP_WRONG_KIND');

        // Written after the base backup: only the WAL archive has these.
        await seed(database, 3, 2);
        const source = new pg.Client({ connectionString: url });
        await source.connect();
        const { rows } = await source.query<{ file: string }>('select pg_walfile_name(pg_switch_wal()) as file');
        const switched = rows[0]?.file as string;
        const deadline = Date.now() + 30_000;
        for (;;) {
          const status = await source.query<{ last: string | null; failed: string }>(
            'select last_archived_wal as last, failed_count::text as failed from pg_stat_archiver',
          );
          const last = status.rows[0]?.last ?? '';
          if (last >= switched) break;
          if (Date.now() > deadline)
            throw new Error(`archiver did not reach ${switched}: at ${last}, ${status.rows[0]?.failed} failures`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await source.end();
        await database.close();
        database = null;
        // The source is gone from here on: the restore has only the backup directory.
        await run(pgBin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);

        const result = await runPitrRehearsal({
          dir: backups,
          key,
          config: testConfig(),
          database: 'zhuhe',
          user: 'postgres',
          port: await freePort(port + 1),
          timeoutMs: 60_000,
          keep: false,
        });
        const report = result.lines.join('\n');
        expect(result.exitCode, report).toBe(0);
        expect(result.rowCounts['public.audit_log']).toBe(5);
        expect(result.rowCounts['public.evidence_entries']).toBe(5);
        expect(report).toContain('audit chain ok: 5 entries verified');
        expect(report).toContain('evidence log ok: 5 entries');
        expect(report).toMatch(/ledger ok/);
        expect(report).toContain('rehearsal passed');

        // Archiving is idempotent for the same bytes and refuses other bytes under a taken name.
        const segment = join(root, 'segment');
        const archived = (await listArchivedWal(backups)).find((n) => /^[0-9A-F]{24}\.enc$/.test(n)) as string;
        const name = archived.replace(/\.enc$/, '');
        await restoreWal(name, segment, backups, key);
        expect(await archiveWal(segment, name, backups, key)).toBe('already archived');
        await appendFile(segment, 'x');
        const conflict = await archiveWal(segment, name, backups, key).catch((e: unknown) => e);
        expect((conflict as BackupError).code).toBe('BACKUP_WAL_CONFLICT');
        const missing = await restoreWal('0000000100000000000000FF', segment, backups, key).catch((e: unknown) => e);
        expect((missing as BackupError).code).toBe('BACKUP_WAL_NOT_FOUND');

        // Retention: WAL before the only base's start segment goes, the rest stays.
        const before = await listArchivedWal(backups);
        const dry = await runBackupPrune({ dir: backups, keepBases: 4, key, dryRun: true });
        const wouldGo = dry.lines.filter((l) => l.includes('would delete') && l.includes('/wal/'));
        expect(wouldGo.length).toBeGreaterThan(0);
        expect(await listArchivedWal(backups)).toEqual(before);
        const pruned = await runBackupPrune({ dir: backups, keepBases: 4, key, dryRun: false });
        const after = await listArchivedWal(backups);
        expect(after.length).toBe(before.length - wouldGo.length);
        expect(pruned.lines.at(-1)).toBe(`deleted 0 base backup(s) and ${wouldGo.length} WAL file(s)`);
        const startSegment = /starts at \S+ in ([0-9A-F]{24})/.exec(base.lines[1] as string)?.[1] as string;
        expect(after).toContain(`${startSegment}.enc`);
        expect(after.filter((n) => /^[0-9A-F]{24}\.enc$/.test(n)).every((n) => n >= `${startSegment}.enc`)).toBe(true);
      } finally {
        await database?.close();
        if (existsSync(join(data, 'postmaster.pid')))
          await run(pgBin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
        await rm(root, { recursive: true, force: true });
      }
    });

    it('refuses a missing key and an unreadable segment with one bilingual line each, no stack', async () => {
      const { done } = spawnTool(
        'sh',
        ['-c', `${cliCommand('backup-wal-archive')} /nonexistent/000000010000000000000001 000000010000000000000001`],
        ['ignore', 'ignore'],
        { PATH: process.env.PATH, BACKUP_DIR: '/tmp' },
      );
      // spawnTool's refusal carries the command's stderr
      const refusal = ((await done.catch((e: unknown) => e)) as Error).message;
      expect(refusal).toContain('未设置 BACKUP_KEY');
      expect(refusal).toContain('BACKUP_KEY is not set');
      expect(refusal).not.toMatch(/at .*\.ts:\d+/);
      const unreadable = await archiveWal('/nonexistent/x', '000000010000000000000001', '/tmp', key).catch(
        (e: unknown) => e,
      );
      expect((unreadable as BackupError).code).toBe('BACKUP_FILE_UNREADABLE');
    });
  },
);
