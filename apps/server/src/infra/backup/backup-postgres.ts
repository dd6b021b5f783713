import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { BackupDecryptor, type BackupHeader } from './backup-cipher';
import { BackupError } from './backup-errors';
import { writeBackupFile } from './backup-files';
import type { BackupKey } from './backup-key';
import { countRows } from './row-counts';
import { spawnTool, toolVersion } from './run-tool';

/**
 * Full backup of a PostgreSQL database: pg_dump in custom format, encrypted as it streams. The row counts are
 * taken in a repeatable-read transaction whose snapshot pg_dump then uses (`--snapshot`), so they describe exactly
 * the rows in the dump even while the application keeps writing.
 */
export async function backupPostgres(
  databaseUrl: string,
  dir: string,
  key: BackupKey,
): Promise<{ path: string; rowCounts: Record<string, number> }> {
  const producer = await toolVersion('pg_dump');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const takenAt = new Date();
    const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
    const snapshot = rows[0]?.snapshot as string;
    const rowCounts = await countRows(async (text) => (await client.query(text)).rows);
    const { child, done } = spawnTool(
      'pg_dump',
      ['--format=custom', `--snapshot=${snapshot}`, '--no-password', `--dbname=${databaseUrl}`],
      ['ignore', 'pipe'],
    );
    const metadata = { kind: 'full', driver: 'postgres', takenAt: takenAt.toISOString(), rowCounts, producer } as const;
    const path = await writeBackupFile(dir, child.stdout as Readable, key, metadata, done);
    await client.query('commit');
    return { path, rowCounts };
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup file into an existing, empty database with pg_restore. Owners and grants are not restored:
 * the restoring user owns everything, as in a rehearsal or on a new server.
 *
 * Two passes, each decrypting the file again: the schema first, then the data and the indexes. In between,
 * earthdistance's ll_to_earth gets a pinned search_path for the restore: pg_restore runs with an empty
 * search_path, under which that SQL function cannot find its own `earth` type, so the index
 * search_documents_earth_idx fails to build and a one-pass restore of this database is refused. The setting is
 * reset afterwards, so the restored function is as it was in the source (ADR 0105).
 */
export async function restorePostgres(path: string, key: BackupKey, targetUrl: string): Promise<BackupHeader> {
  const header = await pgRestore(path, key, targetUrl, ['--section=pre-data']);
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string }>(
      "select extnamespace::regnamespace::text as schema from pg_extension where extname = 'earthdistance'",
    );
    const llToEarth = rows[0] ? `${rows[0].schema}.ll_to_earth(float8, float8)` : null;
    if (llToEarth) await client.query(`alter function ${llToEarth} set search_path = ${rows[0]?.schema}`);
    await pgRestore(path, key, targetUrl, ['--section=data', '--section=post-data']);
    if (llToEarth) await client.query(`alter function ${llToEarth} reset search_path`);
  } finally {
    await client.end();
  }
  return header;
}

async function pgRestore(path: string, key: BackupKey, targetUrl: string, sections: string[]): Promise<BackupHeader> {
  const { child, done } = spawnTool(
    'pg_restore',
    [
      ...sections,
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      '--no-password',
      `--dbname=${targetUrl}`,
    ],
    ['pipe', 'ignore'],
  );
  const decryptor = new BackupDecryptor(key);
  const [decrypted, restored] = await Promise.allSettled([
    pipeline(createReadStream(path), decryptor, child.stdin as NodeJS.WritableStream),
    done,
  ]);
  // A refused file explains itself better than pg_restore's complaint about its stdin closing early.
  if (decrypted.status === 'rejected' && decrypted.reason instanceof BackupError) throw decrypted.reason;
  if (restored.status === 'rejected') throw restored.reason;
  // pg_restore may stop reading once it has what its sections need (the schema pass does); the data pass reads
  // and authenticates the whole file.
  if (decrypted.status === 'rejected' && !closedEarly(decrypted.reason)) throw decrypted.reason;
  return decryptor.header;
}

function closedEarly(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/** A new, empty database on the server of `adminUrl`, named zhuhe_restore_<random>; returns its URL and name. */
export async function createScratchDatabase(adminUrl: string): Promise<{ name: string; url: string }> {
  const name = `zhuhe_restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops a database made by createScratchDatabase; refuses any other name. */
export async function dropScratchDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^zhuhe_restore_[0-9a-f]{12}$/.test(name)) throw new Error(`refusing to drop ${name}: not a scratch database`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
