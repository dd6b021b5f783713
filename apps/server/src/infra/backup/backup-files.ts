import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupDecryptor, BackupEncryptor, type BackupHeader, type BackupMetadata } from './backup-cipher';
import { BackupError } from './backup-errors';
import type { BackupKey } from './backup-key';
import type { BackupFileEntry } from './backup-retention';

/** full: pg_dump or PGlite dumps; base: pg_basebackup copies of the cluster, replayed with the WAL archive */
export type BackupFileKind = 'full' | 'base';

const NAMES: Record<BackupFileKind, RegExp> = {
  full: /^zhuhe-full-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.zhbk$/,
  base: /^zhuhe-base-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.zhbk$/,
};

/** zhuhe-full-20261206T195600123Z.zhbk: sorts by time, and the time survives a copy that loses mtimes. */
export function backupFileName(takenAt: Date, kind: BackupFileKind = 'full'): string {
  const stamp = takenAt.toISOString().replace(/[-:.]/g, '');
  return `zhuhe-${kind}-${stamp}.zhbk`;
}

/** The backups of `kind` in `dir`, newest first; files of other names (and unfinished `.partial` ones) are ignored. */
export async function listBackups(dir: string, kind: BackupFileKind = 'full'): Promise<BackupFileEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: BackupFileEntry[] = [];
  for (const name of names) {
    const m = NAMES[kind].exec(name);
    if (!m) continue;
    const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
    entries.push({ name, takenAt: new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!)) });
  }
  return entries.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/**
 * Encrypts `payload` into `dir`. Written as `<name>.partial` and renamed only once the payload ended and
 * `producerDone` (the dumping process's exit) resolved, so neither a crash nor a failed dump leaves a file that
 * looks like a backup.
 */
export async function writeBackupFile(
  dir: string,
  payload: Readable,
  key: BackupKey,
  metadata: BackupMetadata,
  producerDone: Promise<void> = Promise.resolve(),
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, backupFileName(new Date(metadata.takenAt), metadata.kind === 'base' ? 'base' : 'full'));
  const partial = `${path}.partial`;
  try {
    const written = pipeline(payload, new BackupEncryptor(key, metadata), createWriteStream(partial, { mode: 0o600 }));
    const [stream, producer] = await Promise.allSettled([written, producerDone]);
    if (producer.status === 'rejected') throw producer.reason;
    if (stream.status === 'rejected') throw stream.reason;
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return path;
}

/** Decrypts a backup file into `sink`, which receives only authenticated bytes; resolves with the header. */
export async function decryptBackupFile(
  path: string,
  key: BackupKey,
  sink: NodeJS.WritableStream,
): Promise<BackupHeader> {
  const decryptor = new BackupDecryptor(key);
  await pipeline(createReadStream(path), decryptor, sink);
  return decryptor.header;
}

/** Decrypts a whole backup file into memory (PGlite's restore needs the tarball as one Blob). */
export async function decryptBackupToBuffer(
  path: string,
  key: BackupKey,
): Promise<{ header: BackupHeader; plaintext: Buffer }> {
  const chunks: Buffer[] = [];
  const header = await decryptBackupFile(
    path,
    key,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
  );
  return { header, plaintext: Buffer.concat(chunks) };
}

/** Reads and authenticates the whole file without keeping the plaintext: the check before any restore. */
export async function verifyBackupFile(path: string, key: BackupKey): Promise<BackupHeader> {
  return decryptBackupFile(
    path,
    key,
    new Writable({
      write(_chunk, _encoding, callback) {
        callback();
      },
    }),
  );
}

/** The newest backup of `kind` in `dir`, or a refusal naming the directory. */
export async function newestBackup(dir: string, kind: BackupFileKind = 'full'): Promise<string> {
  const [newest] = await listBackups(dir, kind);
  if (!newest) throw new BackupError('BACKUP_NONE_FOUND', { dir });
  return join(dir, newest.name);
}
