import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { BackupError } from '../infra/backup/backup-errors';
import { listBackups } from '../infra/backup/backup-files';
import { type BackupKey, loadBackupKey } from '../infra/backup/backup-key';
import { backupPglite } from '../infra/backup/backup-pglite';
import { backupPostgres } from '../infra/backup/backup-postgres';
import { assertPolicy, planRetention, type RetentionPolicy } from '../infra/backup/backup-retention';
import { openPglite } from '../infra/db/client';

export interface BackupFullInput {
  /** PostgreSQL to dump; absent → the PGlite data directory `pgliteDir` */
  databaseUrl: string | undefined;
  pgliteDir: string;
  dir: string;
  key: BackupKey;
  policy: RetentionPolicy;
}

/**
 * `npm run backup:full`: one encrypted full backup into `dir`, then the retention plan applied to the backups
 * there (the newest of each of the last N days and M weeks stay). On PGlite the server must be stopped first:
 * the data directory has one user.
 */
export async function runBackupFull(input: BackupFullInput): Promise<{ path: string; lines: string[] }> {
  assertPolicy(input.policy); // before the dump, not after it
  const started = performance.now();
  const { path, rowCounts } = input.databaseUrl
    ? await backupPostgres(input.databaseUrl, input.dir, input.key)
    : await backupPgliteDir(input.pgliteDir, input.dir, input.key);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { size } = await stat(path);
  const rows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
  const lines = [
    `backup written: ${path}`,
    `  ${input.databaseUrl ? 'PostgreSQL (pg_dump custom format)' : 'PGlite (dumpDataDir)'}, ` +
      `${Object.keys(rowCounts).length} tables, ${rows} rows, ${size} bytes encrypted, ${seconds} s, key version ${input.key.version}`,
  ];
  const plan = planRetention(await listBackups(input.dir), input.policy);
  for (const entry of plan.prune) await rm(join(input.dir, entry.name), { force: true });
  lines.push(
    `retention (${input.policy.daily} daily, ${input.policy.weekly} weekly): ${plan.keep.length} kept, ${plan.prune.length} pruned` +
      (plan.prune.length ? `: ${plan.prune.map((e) => e.name).join(', ')}` : ''),
  );
  return { path, lines };
}

async function backupPgliteDir(pgliteDir: string, dir: string, key: BackupKey) {
  // Opening a missing directory would create an empty database and back that up.
  if (!existsSync(join(pgliteDir, 'PG_VERSION'))) throw new BackupError('BACKUP_NO_DATABASE', { dir: pgliteDir });
  const database = await openPglite(pgliteDir);
  try {
    return await backupPglite(database, dir, key);
  } finally {
    await database.close();
  }
}

/** --dir, --keep-daily, --keep-weekly, falling back to BACKUP_DIR, BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY. */
export function backupDirAndPolicy(
  values: { dir?: string; 'keep-daily'?: string; 'keep-weekly'?: string },
  env: NodeJS.ProcessEnv,
  dataDir: string,
): { dir: string; policy: RetentionPolicy } {
  return {
    dir: values.dir ?? env.BACKUP_DIR ?? join(dataDir, 'backups'),
    policy: {
      daily: Number(values['keep-daily'] ?? env.BACKUP_KEEP_DAILY ?? 7),
      weekly: Number(values['keep-weekly'] ?? env.BACKUP_KEEP_WEEKLY ?? 4),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({
      options: { dir: { type: 'string' }, 'keep-daily': { type: 'string' }, 'keep-weekly': { type: 'string' } },
    });
    const config = loadConfigOrExit();
    const key = loadBackupKey();
    const { dir, policy } = backupDirAndPolicy(values, process.env, config.dataDir);
    const { lines } = await runBackupFull({
      databaseUrl: config.databaseUrl,
      pgliteDir: join(config.dataDir, 'pglite'),
      dir,
      key,
      policy,
    });
    for (const line of lines) console.log(line);
  } catch (error) {
    console.error(error instanceof BackupError ? error.bilingual() : error);
    process.exit(1);
  }
}
