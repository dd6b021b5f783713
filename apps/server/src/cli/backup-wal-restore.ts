import { BackupError } from '../infra/backup/backup-errors';
import { loadBackupKey } from '../infra/backup/backup-key';
import { restoreWal } from '../infra/backup/backup-wal';
import { walBackupDir } from './backup-wal-common';

/**
 * `backup:wal-restore <name> <path>`, the restore_command of a restore (backup:pitr-rehearsal writes it):
 *
 *   restore_command = '. /etc/zhuhe/backup.env && /srv/zhuhe/node_modules/.bin/tsx /srv/zhuhe/apps/server/src/cli/backup-wal-restore.ts %f %p'
 *
 * Exit 1 when the archive has no such file: PostgreSQL asks past the end of the archive and reads that as its end.
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const [name, path] = process.argv.slice(2);
    if (!name || !path)
      throw new BackupError('BACKUP_WAL_NAME_INVALID', { name: 'usage: backup:wal-restore <name> <path>' });
    await restoreWal(name, path, walBackupDir(), loadBackupKey());
  } catch (error) {
    console.error(error instanceof BackupError ? error.bilingual() : error);
    process.exit(1);
  }
}
