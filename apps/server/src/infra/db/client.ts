import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** The database handle every repository receives; the same type for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle, usable wherever a Db is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /**
   * Runs `work` while holding a cluster-wide lock named `name` (a PostgreSQL session advisory lock on a connection of
   * its own; other processes asking for the same name wait). PGlite is one process with one connection: it just runs.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a gzipped tarball (its own backup format, read by `loadDataDir`) */
  dumpDataDir?(): Promise<Blob>;
}

/** The advisory lock the migration runner holds (also taken by tools that must not run during a migration). */
export const MIGRATION_LOCK = 'zhuhe:migrate';

export const MIGRATIONS_DIR = new URL('../../db/migrations', import.meta.url).pathname;

const PGLITE_EXTENSIONS = { pg_trgm, cube, earthdistance };

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined → in memory. Single connection; not durable across power loss.
 * `loadDataDir`: start from a tarball made by `dumpDataDir` (a restore) instead of an empty cluster.
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: PGLITE_EXTENSIONS,
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR }),
    exclusive: (_name, work) => work(),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('gzip'),
  };
}

export async function openPostgres(connectionString: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight still see their own error.
  });
  const db = drizzlePg(pool) as unknown as Db;
  const exclusive = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    // a connection of its own, outside the pool, holds the lock: `work` may use the pool (even a pool of one)
    const holder = new pg.Client({ connectionString });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock(hashtextextended($1, 0))', [name]);
      try {
        return await work();
      } finally {
        await holder.query('select pg_advisory_unlock(hashtextextended($1, 0))', [name]);
      }
    } finally {
      await holder.end();
    }
  };
  return {
    db,
    driver: 'postgres',
    // Processes starting together (a deploy of several) migrate one after another: the first applies the pending
    // migrations, the others wait for the lock and then find nothing left to apply.
    migrate: () => exclusive(MIGRATION_LOCK, () => migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR })),
    exclusive,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(options: { databaseUrl?: string; pgliteDir?: string }): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.pgliteDir);
}

/**
 * A list of ids as one `uuid[]` parameter, for `column = any(…)`: drizzle's `inArray` binds one parameter per id, and
 * at thousands of ids per query (the monthly credit batch) building and binding them cost more than the query.
 */
export function uuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * A PostgreSQL array literal of texts, for one parameter cast to `text[]`, `integer[]` …: many rows written as one
 * array per column through `unnest(…)` parse several times faster in the database than the same rows as one JSON
 * document through `json_to_recordset` (2,000 monthly credit rows: about 250 ms against 850–1,050 ms).
 */
export function arrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  return `{${values
    .map((v) =>
      v === null
        ? 'NULL'
        : typeof v === 'string'
          ? `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
          : String(v),
    )
    .join(',')}}`;
}

/**
 * Each value as JSON text, all in one parameter, as a `text[]` (cast the elements to json or jsonb where used). The
 * texts are joined by the record separator U+001E, which `JSON.stringify` never leaves raw in its output, so unlike
 * an array literal nothing needs escaping on either side.
 */
export function jsonTexts(values: readonly unknown[]) {
  return sql`string_to_array(${values.map((v) => JSON.stringify(v)).join('\u001e')}::text, chr(30))`;
}

/** Rows of a raw query, on either driver (PGlite returns { rows }, node-postgres a QueryResult). */
export async function queryRows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** True for PostgreSQL's unique_violation (23505), as node-postgres or PGlite report it (possibly as the cause). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}
