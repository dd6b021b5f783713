import { BackupError } from '../infra/backup/backup-errors';
import { loadBackupKey } from '../infra/backup/backup-key';
import { archiveWal } from '../infra/backup/backup-wal';
import { walBackupDir } from './backup-wal-common';

/**
 * `backup:wal-archive <path> <name>`, PostgreSQL's archive_command (每日增量: the WAL since the last base backup):
 *
 *   archive_command = '. /etc/zhuhe/backup.env && /srv/zhuhe/node_modules/.bin/tsx /srv/zhuhe/apps/server/src/cli/backup-wal-archive.ts %p %f'
 *
 * where backup.env (mode 0600, owned by postgres) exports BACKUP_KEY, BACKUP_KEY_VERSION and BACKUP_DIR. Exit 0 only
 * when the file is in the archive (archived now, or before with the same contents); any other exit makes
 * PostgreSQL keep the segment and retry.
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const [path, name] = process.argv.slice(2);
    if (!path || !name)
      throw new BackupError('BACKUP_WAL_NAME_INVALID', { name: 'usage: backup:wal-archive <path> <name>' });
    const outcome = await archiveWal(path, name, walBackupDir(), loadBackupKey());
    if (outcome === 'already archived') console.log(`${name} already archived`);
  } catch (error) {
    console.error(error instanceof BackupError ? error.bilingual() : error);
    process.exit(1);
  }
}
