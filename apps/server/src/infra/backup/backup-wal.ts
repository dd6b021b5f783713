import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, constants, link, mkdir, open, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupEncryptor, type BackupMetadata } from './backup-cipher';
import { BackupError } from './backup-errors';
import { decryptBackupToBuffer, listBackups, verifyBackupFile, writeBackupFile } from './backup-files';
import type { BackupKey } from './backup-key';
import { spawnTool, toolVersion } from './run-tool';

/**
 * Base backups and the WAL archive (ADR 0123): pg_basebackup copies the whole cluster, PostgreSQL's
 * archive_command hands every finished WAL file to archiveWal, and a restore replays the archive on top of a base
 * with restore_command → restoreWal. Both kinds are encrypted in the backup format of ADR 0105.
 */

/** WAL segment, partial segment, backup history file or timeline history file, as PostgreSQL names them */
const WAL_NAME = /^[0-9A-F]{24}(\.partial|\.[0-9A-F]{8}\.backup)?$|^[0-9A-F]{8}\.history$/;
const SEGMENT = /^[0-9A-F]{24}$/;
/** how far into pg_basebackup's tar to look for backup_label; PostgreSQL sends it first */
const LABEL_SEARCH_LIMIT = 16 * 1024 * 1024;

export function walDir(dir: string): string {
  return join(dir, 'wal');
}

function assertWalName(name: string): void {
  if (!WAL_NAME.test(name)) throw new BackupError('BACKUP_WAL_NAME_INVALID', { name });
}

/** A refusal in both languages instead of an ENOENT stack, for files named on the command line. */
export async function assertReadable(path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw new BackupError('BACKUP_FILE_UNREADABLE', { path, detail: (error as NodeJS.ErrnoException).code ?? '' });
  }
}

/** The start of replay as backup_label states it, e.g. "START WAL LOCATION: 0/2000028 (file 000000010000000000000002)". */
export function parseBackupLabel(label: string): { segment: string; lsn: string; timeline: number } {
  const start = /^START WAL LOCATION: ([0-9A-F]+\/[0-9A-F]+) \(file ([0-9A-F]{24})\)$/m.exec(label);
  const timeline = /^START TIMELINE: (\d+)$/m.exec(label);
  if (!start || !timeline) throw new BackupError('BACKUP_LABEL_MISSING');
  return { lsn: start[1] as string, segment: start[2] as string, timeline: Number(timeline[1]) };
}

/**
 * The contents of `wanted` if the tar entries at the start of `buffer` include it; null when more bytes are needed;
 * undefined when the archive ends (or its search limit is reached) without it. Reads ustar headers only: name and size.
 */
export function findTarEntry(buffer: Buffer, wanted: string): string | null | undefined {
  let at = 0;
  while (at + 512 <= buffer.length) {
    const header = buffer.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) return undefined;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    if (name === wanted || name === `./${wanted}`)
      return at + 512 + size <= buffer.length ? buffer.subarray(at + 512, at + 512 + size).toString('utf8') : null;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return buffer.length > LABEL_SEARCH_LIMIT ? undefined : null;
}

/**
 * Reads pg_basebackup's tar from `stdout` until its backup_label, which goes into the header written before the
 * payload; returns the label and the whole stream again, the bytes already read first.
 */
async function splitAtBackupLabel(stdout: Readable): Promise<{ label: string; payload: Readable }> {
  const chunks = stdout[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head = Buffer.alloc(0);
  for (;;) {
    const label = findTarEntry(head, 'backup_label');
    if (label === undefined) throw new BackupError('BACKUP_LABEL_MISSING');
    if (label !== null) {
      const first = head;
      const payload = Readable.from(
        (async function* () {
          yield first;
          for (;;) {
            const next = await chunks.next();
            if (next.done) return;
            yield next.value;
          }
        })(),
      );
      return { label, payload };
    }
    const next = await chunks.next();
    if (next.done) throw new BackupError('BACKUP_LABEL_MISSING');
    head = Buffer.concat([head, next.value]);
  }
}

/**
 * Base backup of the whole cluster of `databaseUrl`: pg_basebackup as one tar on stdout (-D - -Ft, so no plaintext
 * copy touches the disk), without WAL (-X none: replay takes it from the archive, which must therefore be on before
 * the backup starts), after a fast checkpoint. Needs a user with the REPLICATION attribute and a `replication` line
 * in pg_hba.conf; one tablespace only (pg_basebackup refuses tar to stdout otherwise).
 */
export async function backupBase(
  databaseUrl: string,
  dir: string,
  key: BackupKey,
): Promise<{ path: string; startWal: { segment: string; lsn: string; timeline: number } }> {
  const producer = await toolVersion('pg_basebackup');
  const takenAt = new Date();
  const { child, done } = spawnTool(
    'pg_basebackup',
    [
      `--dbname=${databaseUrl}`,
      '--pgdata=-',
      '--format=tar',
      '--wal-method=none',
      '--checkpoint=fast',
      '--no-password',
    ],
    ['ignore', 'pipe'],
  );
  let split: { label: string; payload: Readable };
  try {
    split = await splitAtBackupLabel(child.stdout as Readable);
  } catch (error) {
    // pg_basebackup's own complaint (connection refused, no replication permission) says more than a missing label.
    const toolError = await Promise.race([
      done.then(
        () => null,
        (failure: unknown) => failure,
      ),
      new Promise<null>((resolve) => setTimeout(resolve, 1000, null)),
    ]);
    child.kill();
    throw toolError ?? error;
  }
  const startWal = parseBackupLabel(split.label);
  const metadata: BackupMetadata = {
    kind: 'base',
    driver: 'postgres',
    takenAt: takenAt.toISOString(),
    // A base backup is a copy of files taken while the cluster writes; it has no snapshot to count rows in.
    rowCounts: {},
    producer,
    startWal,
  };
  const path = await writeBackupFile(dir, split.payload, key, metadata, done);
  return { path, startWal };
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * archive_command: encrypts the WAL file at `source` into <dir>/wal/<name>.enc. Written to a temporary file,
 * fsynced, then linked into place (link, unlike rename, never replaces a file) and the directory fsynced, so the
 * archive never holds half a segment, even after a crash. A file already archived under the name is fine when its
 * contents are the same (PostgreSQL retries after a crash between archiving and noting it) and refused otherwise.
 */
export async function archiveWal(
  source: string,
  name: string,
  dir: string,
  key: BackupKey,
): Promise<'archived' | 'already archived'> {
  assertWalName(name);
  let content: Buffer;
  try {
    content = await readFile(source);
  } catch (error) {
    throw new BackupError('BACKUP_FILE_UNREADABLE', {
      path: source,
      detail: (error as NodeJS.ErrnoException).code ?? '',
    });
  }
  const archive = walDir(dir);
  await mkdir(archive, { recursive: true, mode: 0o700 });
  const target = join(archive, `${name}.enc`);
  if (await exists(target)) return sameContent(target, name, content, key);
  const metadata: BackupMetadata = {
    kind: 'wal',
    driver: 'postgres',
    takenAt: new Date().toISOString(),
    rowCounts: {},
    producer: 'archive_command',
    wal: { name, sha256: createHash('sha256').update(content).digest('hex') },
  };
  const temp = join(archive, `.${name}.${process.pid}.tmp`);
  try {
    await pipeline(
      Readable.from([content]),
      new BackupEncryptor(key, metadata),
      createWriteStream(temp, { mode: 0o600, flags: 'wx' }),
    );
    await fsyncPath(temp);
    try {
      await link(temp, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return sameContent(target, name, content, key);
    }
    await fsyncPath(archive);
    return 'archived';
  } finally {
    await rm(temp, { force: true });
  }
}

async function sameContent(target: string, name: string, content: Buffer, key: BackupKey): Promise<'already archived'> {
  const { plaintext } = await decryptBackupToBuffer(target, key);
  if (!plaintext.equals(content)) throw new BackupError('BACKUP_WAL_CONFLICT', { name });
  return 'already archived';
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * restore_command: decrypts <dir>/wal/<name>.enc to `target` (relative paths are PostgreSQL's, from its data
 * directory). Written beside the target and renamed, so PostgreSQL never reads a partial file. A missing file is
 * BACKUP_WAL_NOT_FOUND: PostgreSQL asks for files past the end of the archive and takes the refusal as "no more".
 */
export async function restoreWal(name: string, target: string, dir: string, key: BackupKey): Promise<void> {
  assertWalName(name);
  const source = join(walDir(dir), `${name}.enc`);
  if (!(await exists(source))) throw new BackupError('BACKUP_WAL_NOT_FOUND', { name });
  const { header, plaintext } = await decryptBackupToBuffer(source, key);
  // The name is outside the encryption; the header's copy is authenticated.
  if (header.metadata.wal?.name !== name)
    throw new BackupError('BACKUP_WAL_MISMATCH', { file: source, actual: header.metadata.wal?.name ?? '?' });
  const temp = `${target}.zhuhe-restore`;
  try {
    await writeFileSynced(temp, plaintext);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

async function writeFileSynced(path: string, content: Buffer): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface PrunePlan {
  keptBases: string[];
  deletedBases: string[];
  /** WAL files (names in the archive) older than the oldest kept base's start segment */
  deletedWal: string[];
  /** the segment the oldest kept base starts at; null when there is no base, and then no WAL is touched */
  oldestNeeded: string | null;
}

/**
 * 每周全量/每日增量 retention: keeps the newest `keepBases` base backups and every WAL file from the oldest kept
 * base's start segment on; deletes older bases, and older WAL with pg_archivecleanup. The oldest kept base is
 * authenticated first: its start segment decides what is deleted. `dryRun` deletes nothing and says what would go.
 */
export async function pruneBaseBackups(
  dir: string,
  keepBases: number,
  key: BackupKey,
  dryRun: boolean,
): Promise<PrunePlan> {
  if (!Number.isInteger(keepBases) || keepBases < 1 || keepBases > 520)
    throw new BackupError('BACKUP_RETENTION_INVALID', { detail: `keep-bases=${keepBases} (1…520)` });
  const bases = await listBackups(dir, 'base');
  const kept = bases.slice(0, keepBases);
  const dropped = bases.slice(keepBases);
  const oldest = kept.at(-1);
  if (!oldest) return { keptBases: [], deletedBases: [], deletedWal: [], oldestNeeded: null };
  const header = await verifyBackupFile(join(dir, oldest.name), key);
  const segment = header.metadata.startWal?.segment;
  if (!segment || !SEGMENT.test(segment)) throw new BackupError('BACKUP_LABEL_MISSING');
  const archive = walDir(dir);
  const deletedWal = (await exists(archive)) ? await archiveCleanup(archive, segment, true) : [];
  if (!dryRun) {
    for (const base of dropped) await rm(join(dir, base.name), { force: true });
    if (deletedWal.length) await archiveCleanup(archive, segment, false);
  }
  return {
    keptBases: kept.map((b) => b.name),
    deletedBases: dropped.map((b) => b.name),
    deletedWal,
    oldestNeeded: segment,
  };
}

/** pg_archivecleanup on the encrypted archive (-x .enc); with -n it only lists the files it would remove. */
async function archiveCleanup(archive: string, oldestKept: string, list: boolean): Promise<string[]> {
  const { child, done } = spawnTool(
    'pg_archivecleanup',
    [...(list ? ['-n'] : []), '-x', '.enc', archive, oldestKept],
    ['ignore', 'pipe'],
  );
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    out += text;
  });
  await done;
  const names = out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(line.lastIndexOf('/') + 1));
  return names.sort();
}

/** The archive's file names, for reports and tests. */
export async function listArchivedWal(dir: string): Promise<string[]> {
  try {
    return (await readdir(walDir(dir))).filter((n) => n.endsWith('.enc')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
