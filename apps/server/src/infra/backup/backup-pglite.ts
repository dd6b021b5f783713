import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type DatabaseHandle, openPglite } from '../db/client';
import type { BackupHeader } from './backup-cipher';
import { decryptBackupToBuffer, writeBackupFile } from './backup-files';
import type { BackupKey } from './backup-key';
import { countRows, handleQuery } from './row-counts';

/**
 * Full backup of an embedded PGlite database with its own `dumpDataDir` (a gzipped tarball of the data
 * directory). PGlite builds the tarball in memory, so this holds the whole compressed database once; encryption
 * then streams. The database has one connection, so nothing writes between the counts and the dump.
 */
export async function backupPglite(
  database: DatabaseHandle,
  dir: string,
  key: BackupKey,
): Promise<{ path: string; rowCounts: Record<string, number> }> {
  if (!database.dumpDataDir) throw new Error('backupPglite needs a PGlite database');
  const query = handleQuery(database);
  const takenAt = new Date();
  const rowCounts = await countRows(query);
  const [version] = await query('select version() as v');
  const tarball = await database.dumpDataDir();
  const path = await writeBackupFile(dir, Readable.fromWeb(tarball.stream() as WebReadableStream<Uint8Array>), key, {
    kind: 'full',
    driver: 'pglite',
    takenAt: takenAt.toISOString(),
    rowCounts,
    producer: `PGlite dumpDataDir; ${version?.v}`,
  });
  return { path, rowCounts };
}

/**
 * Restores a PGlite backup into `targetDir` (a new directory; undefined → in memory) and opens it. The file is
 * authenticated record by record before PGlite sees a byte; the tarball is held in memory as PGlite needs it.
 */
export async function restorePglite(
  path: string,
  key: BackupKey,
  targetDir: string | undefined,
): Promise<{ header: BackupHeader; database: DatabaseHandle }> {
  const { header, plaintext } = await decryptBackupToBuffer(path, key);
  const database = await openPglite(targetDir, { loadDataDir: new Blob([plaintext]) });
  return { header, database };
}
