import { createReadStream, existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { BackupDecryptor, type BackupHeader } from './backup-cipher';
import { BackupError } from './backup-errors';
import { verifyBackupFile } from './backup-files';
import type { BackupKey } from './backup-key';
import { spawnTool } from './run-tool';

/** The PostgreSQL server binaries (initdb, pg_ctl), of the major version the base backups come from. */
export function pgBin(tool: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(env.PG_BIN ?? '/usr/lib/postgresql/15/bin', tool);
}

/** PostgreSQL refuses to run as root: as root, its commands run as the postgres user (as scripts/cluster.sh does). */
export function asPostgres(tool: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
}

export interface RestoreBaseInput {
  /** the encrypted base backup (zhuhe-base-*.zhbk) */
  file: string;
  key: BackupKey;
  /** the backup directory whose wal/ the restore_command reads */
  dir: string;
  /** the shell command PostgreSQL runs for each WAL file, without the trailing "%f %p" */
  restoreCommand: string;
  /** stop replay at this time (recovery_target_time) instead of the end of the archive */
  targetTime?: string;
  /** a database and role of the source to connect with while waiting for the end of recovery */
  database: string;
  user: string;
  /** the socket's port number; the cluster listens on no TCP address */
  port: number;
  /** give up waiting for recovery after this long */
  timeoutMs: number;
  /** leave the directory behind when the restore fails, to read its log */
  keep: boolean;
}

export interface RestoredCluster {
  /** the temporary directory: data/, sock/, postgres.log */
  root: string;
  header: BackupHeader;
  /** a URL for `database` as `user` over the cluster's private socket */
  url(database: string, user: string): string;
  stop(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * Restores a base backup into a new data directory and replays the WAL archive on it: recovery.signal, a
 * restore_command that decrypts from <dir>/wal, and recovery_target_action = 'promote', so the server leaves recovery
 * by itself at the end of the archive (or at `targetTime`). Resolves once pg_is_in_recovery() is false.
 *
 * The source's configuration is set aside and replaced by a minimal one: its archive_command would otherwise send
 * the copy's new timeline into the production archive, and its pg_hba.conf may not let this process in. The
 * copy listens only on a socket in its own 0700 directory, with trust for local connections.
 */
export async function restoreBaseBackup(input: RestoreBaseInput): Promise<RestoredCluster> {
  const header = await verifyBackupFile(input.file, input.key);
  if (header.metadata.kind !== 'base')
    throw new BackupError('BACKUP_WRONG_KIND', {
      file: input.file,
      kind: header.metadata.kind,
      command: 'backup:restore-rehearsal',
    });
  if (!header.metadata.startWal) throw new BackupError('BACKUP_LABEL_MISSING');
  const root = await mkdtemp(join(tmpdir(), 'zhuhe-pitr-'));
  const data = join(root, 'data');
  const sock = join(root, 'sock');
  const log = join(root, 'postgres.log');
  const remove = () => rm(root, { recursive: true, force: true });
  let started = false;
  const stop = async () => {
    if (!started || !existsSync(join(data, 'postmaster.pid'))) return;
    const [tool, args] = asPostgres(pgBin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    await spawnTool(tool, args, ['ignore', 'ignore']).done;
  };
  try {
    await mkdir(data, { mode: 0o700 });
    await mkdir(sock, { mode: 0o700 });
    await untar(input.file, input.key, data);
    await mkdir(join(data, 'pg_wal', 'archive_status'), { recursive: true });
    await writeConfiguration(data, sock, input);
    if (process.getuid?.() === 0)
      await spawnTool('chown', ['-R', 'postgres:postgres', root], ['ignore', 'ignore']).done;
    await chmod(data, 0o700);
    const [tool, args] = asPostgres(pgBin('pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '120', 'start']);
    started = true;
    // The key reaches restore_command through the server's environment, never through a file.
    const env = {
      ...process.env,
      BACKUP_KEY: input.key.key.toString('hex'),
      BACKUP_KEY_VERSION: String(input.key.version),
      BACKUP_DIR: input.dir,
    };
    await spawnTool(tool, args, ['ignore', 'ignore'], env).done.catch(async (error: unknown) => {
      throw new BackupError('BACKUP_RECOVERY_FAILED', { detail: `${(error as Error).message}; ${await tail(log)}` });
    });
    const url = (database: string, user: string) =>
      `postgresql://${encodeURIComponent(user)}@localhost:${input.port}/${encodeURIComponent(database)}?host=${encodeURIComponent(sock)}`;
    await waitForPromotion(url(input.database, input.user), data, log, input.timeoutMs);
    return { root, header, url, stop, remove };
  } catch (error) {
    await stop().catch(() => {});
    if (!input.keep) await remove();
    throw error;
  }
}

async function untar(file: string, key: BackupKey, data: string): Promise<void> {
  const { child, done } = spawnTool('tar', ['-x', '--no-same-owner', '-C', data, '-f', '-'], ['pipe', 'ignore']);
  const [decrypted, extracted] = await Promise.allSettled([
    pipeline(createReadStream(file), new BackupDecryptor(key), child.stdin as NodeJS.WritableStream),
    done,
  ]);
  if (decrypted.status === 'rejected') throw decrypted.reason;
  if (extracted.status === 'rejected') throw extracted.reason;
}

function quoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

async function writeConfiguration(data: string, sock: string, input: RestoreBaseInput): Promise<void> {
  const conf = join(data, 'postgresql.conf');
  if (existsSync(conf)) await rename(conf, join(data, 'postgresql.conf.source'));
  const settings = [
    `port = ${input.port}`,
    "listen_addresses = ''",
    `unix_socket_directories = ${quoted(sock)}`,
    'archive_mode = off',
    // Off, so recovery does not demand max_connections and friends at least as high as the source's.
    'hot_standby = off',
    `restore_command = ${quoted(`${input.restoreCommand} %f %p`)}`,
    "recovery_target_action = 'promote'",
    ...(input.targetTime ? [`recovery_target_time = ${quoted(input.targetTime)}`] : []),
  ];
  await writeFile(conf, `# restore rehearsal of a base backup\n${settings.join('\n')}\n`);
  // ALTER SYSTEM settings of the source (an archive_command among them) would override the file above.
  await writeFile(join(data, 'postgresql.auto.conf'), '');
  await writeFile(join(data, 'pg_hba.conf'), 'local all all trust\n');
  if (!existsSync(join(data, 'pg_ident.conf'))) await writeFile(join(data, 'pg_ident.conf'), '');
  await rm(join(data, 'standby.signal'), { force: true });
  await writeFile(join(data, 'recovery.signal'), '');
}

async function waitForPromotion(url: string, data: string, log: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!existsSync(join(data, 'postmaster.pid')))
      throw new BackupError('BACKUP_RECOVERY_FAILED', { detail: `the server stopped; ${await tail(log)}` });
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ recovering: boolean }>('select pg_is_in_recovery() as recovering');
      if (rows[0]?.recovering === false) return;
      last = 'still in recovery';
    } catch (error) {
      last = (error as Error).message; // "the database system is starting up" while it replays
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new BackupError('BACKUP_RECOVERY_FAILED', { detail: `not promoted after ${timeoutMs / 1000} s (${last})` });
}

/** The last lines of the restored server's log, for a refusal. */
async function tail(log: string): Promise<string> {
  try {
    return (await readFile(log, 'utf8')).trim().split('\n').slice(-5).join(' | ');
  } catch {
    return 'no server log';
  }
}
