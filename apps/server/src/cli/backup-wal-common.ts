import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BackupError } from '../infra/backup/backup-errors';

/**
 * BACKUP_DIR for the commands PostgreSQL runs (archive_command, restore_command). They run in the data directory,
 * so unlike backup:full they have no default under DATA_DIR and take an absolute path only.
 */
export function walBackupDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.BACKUP_DIR?.trim();
  if (!dir || !isAbsolute(dir)) throw new BackupError('BACKUP_DIR_MISSING');
  return dir;
}

/**
 * The shell command that runs one of these CLIs from any working directory: node on the compiled file, or node with
 * tsx's loader (by absolute URL, as the data directory has no node_modules) on the source.
 */
export function cliCommand(name: 'backup-wal-archive' | 'backup-wal-restore'): string {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const script = join(dirname(here), `${name}${ext}`);
  const loader =
    ext === '.ts'
      ? ` --import "${pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'loader.mjs')).href}"`
      : '';
  return `"${process.execPath}"${loader} "${script}"`;
}
