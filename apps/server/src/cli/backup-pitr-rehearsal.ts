import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, loadConfigOrExit } from '../config';
import { BackupError } from '../infra/backup/backup-errors';
import { newestBackup } from '../infra/backup/backup-files';
import { type BackupKey, loadBackupKey } from '../infra/backup/backup-key';
import { restoreBaseBackup } from '../infra/backup/backup-pitr';
import { assertReadable } from '../infra/backup/backup-wal';
import { countRows, handleQuery } from '../infra/backup/row-counts';
import { openPostgres } from '../infra/db/client';
import { runVerifiers } from './backup-restore-rehearsal';
import { cliCommand } from './backup-wal-common';

export interface PitrRehearsalInput {
  /** the backup directory: base backups in it, the WAL archive in its wal/ */
  dir: string;
  /** a base backup file; absent → the newest in `dir` */
  base?: string;
  key: BackupKey;
  /** the MASTER_KEY and evidence settings the verifiers check with: the production ones */
  config: Config;
  /** the application's database in the cluster, and a role to connect as */
  database: string;
  user: string;
  /** recovery_target_time; absent → replay the whole archive */
  targetTime?: string;
  /** the restored cluster's socket port */
  port?: number;
  /** the shell command PostgreSQL runs to fetch a WAL file (before "%f %p"); default: backup-wal-restore.ts */
  restoreCommand?: string;
  timeoutMs?: number;
  /** leave the restored cluster running (and say where) instead of stopping and removing it */
  keep: boolean;
}

export interface PitrRehearsalResult {
  exitCode: number;
  lines: string[];
  /** rows per table in the restored database */
  rowCounts: Record<string, number>;
}

/**
 * `npm run backup:pitr-rehearsal`: proves the base backups and the WAL archive restore. Restores a base backup into
 * a fresh data directory, replays the archive (to its end or to --target-time), waits for the promotion, runs
 * audit:verify, evidence:verify and ledger:verify on the application's database and prints its row counts. There
 * is no snapshot to compare the counts with: the restore is as of the end of the archive. Exit 1 if any verifier
 * fails.
 */
export async function runPitrRehearsal(input: PitrRehearsalInput): Promise<PitrRehearsalResult> {
  const started = performance.now();
  const file = input.base ?? (await newestBackup(input.dir, 'base'));
  await assertReadable(file);
  if (input.targetTime !== undefined && Number.isNaN(Date.parse(input.targetTime)))
    throw new BackupError('BACKUP_RECOVERY_FAILED', { detail: `--target-time ${input.targetTime} is not a time` });
  const cluster = await restoreBaseBackup({
    file,
    key: input.key,
    dir: input.dir,
    restoreCommand: input.restoreCommand ?? cliCommand('backup-wal-restore'),
    targetTime: input.targetTime,
    database: input.database,
    user: input.user,
    port: input.port ?? 5491,
    timeoutMs: input.timeoutMs ?? 600_000,
    keep: input.keep,
  });
  const meta = cluster.header.metadata;
  const lines = [
    `point-in-time restore rehearsal of ${basename(file)}: taken ${meta.takenAt}, ${meta.producer}`,
    `  base starts at ${meta.startWal?.lsn} (${meta.startWal?.segment}); WAL replayed from ${join(input.dir, 'wal')} ` +
      `${input.targetTime ? `to ${input.targetTime}` : 'to its end'}; promoted after ${seconds(started)} s`,
  ];
  try {
    const database = await openPostgres(cluster.url(input.database, input.user), 2);
    try {
      const verified = await runVerifiers(database, input.config);
      lines.push(...verified.lines);
      const rowCounts = await countRows(handleQuery(database));
      const rows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
      lines.push(`  row counts: ${Object.keys(rowCounts).length} tables, ${rows} rows`);
      for (const [table, n] of Object.entries(rowCounts)) if (n > 0) lines.push(`    ${table} ${n}`);
      const failed = !verified.ok || Object.keys(rowCounts).length === 0;
      lines.push(
        `${failed ? 'REHEARSAL FAILED' : 'rehearsal passed'} in ${seconds(started)} s; ` +
          (input.keep
            ? `kept the restored cluster in ${cluster.root} (psql -h ${join(cluster.root, 'sock')} -p ${input.port ?? 5491})`
            : 'restored cluster removed'),
      );
      return { exitCode: failed ? 1 : 0, lines, rowCounts };
    } finally {
      await database.close();
    }
  } finally {
    if (!input.keep) {
      await cluster.stop();
      await cluster.remove();
    }
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({
      options: {
        dir: { type: 'string' },
        base: { type: 'string' },
        'target-time': { type: 'string' },
        port: { type: 'string' },
        keep: { type: 'boolean', default: false },
      },
    });
    const config = loadConfigOrExit();
    const key = loadBackupKey();
    const source = config.databaseUrl ? new URL(config.databaseUrl) : null;
    const result = await runPitrRehearsal({
      dir: values.dir ?? process.env.BACKUP_DIR ?? join(config.dataDir, 'backups'),
      base: values.base,
      key,
      config,
      database: source ? decodeURIComponent(source.pathname.slice(1)) || 'postgres' : 'postgres',
      user: source?.username ? decodeURIComponent(source.username) : 'postgres',
      targetTime: values['target-time'],
      port: values.port ? Number(values.port) : undefined,
      keep: values.keep,
    });
    for (const line of result.lines) (result.exitCode === 0 ? console.log : console.error)(line);
    process.exit(result.exitCode);
  } catch (error) {
    console.error(error instanceof BackupError ? error.bilingual() : error);
    process.exit(1);
  }
}
