import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { BackupError } from '../infra/backup/backup-errors';
import { type BackupKey, loadBackupKey } from '../infra/backup/backup-key';
import { backupBase } from '../infra/backup/backup-wal';

/**
 * `npm run backup:base`: an encrypted pg_basebackup of the cluster of DATABASE_URL into `dir` (每周全量). Together
 * with the WAL archive (backup:wal-archive as archive_command) it restores to any moment after it.
 */
export async function runBackupBase(input: {
  databaseUrl: string | undefined;
  dir: string;
  key: BackupKey;
}): Promise<{ path: string; lines: string[] }> {
  if (!input.databaseUrl) throw new BackupError('BACKUP_NO_DATABASE', { dir: 'DATABASE_URL' });
  const started = performance.now();
  const { path, startWal } = await backupBase(input.databaseUrl, input.dir, input.key);
  const { size } = await stat(path);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return {
    path,
    lines: [
      `base backup written: ${path}`,
      `  pg_basebackup (tar, WAL from the archive), starts at ${startWal.lsn} in ${startWal.segment} ` +
        `(timeline ${startWal.timeline}), ${size} bytes encrypted, ${seconds} s, key version ${input.key.version}`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({ options: { dir: { type: 'string' } } });
    const config = loadConfigOrExit();
    const key = loadBackupKey();
    const dir = values.dir ?? process.env.BACKUP_DIR ?? join(config.dataDir, 'backups');
    const { lines } = await runBackupBase({ databaseUrl: config.databaseUrl, dir, key });
    for (const line of lines) console.log(line);
  } catch (error) {
    console.error(error instanceof BackupError ? error.bilingual() : error);
    process.exit(1);
  }
}
