import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Db, queryRows } from './client';

/** A streaming replica of the primary, for read-heavy routes (ADR 0119; `DATABASE_REPLICA_URL`). */
export interface ReadReplica {
  db: Db;
  /** true when the replica has replayed the WAL up to `lsn` (a position the primary reported after a write) */
  caughtUp(lsn: string): Promise<boolean>;
  /** how far behind the primary the replica is, as it knows it (time since the last replayed transaction) */
  lagSeconds(): Promise<number | null>;
  close(): Promise<void>;
}

export async function openReplica(connectionString: string, poolSize = 10): Promise<ReadReplica> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', () => {});
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    async caughtUp(lsn) {
      const [row] = await queryRows<{ ok: boolean | null }>(
        db,
        sql`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as ok`,
      );
      return row?.ok === true;
    },
    async lagSeconds() {
      const [row] = await queryRows<{ lag: number | null }>(
        db,
        sql`select case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
              else extract(epoch from now() - pg_last_xact_replay_timestamp()) end::float8 as lag`,
      );
      return row?.lag ?? null;
    },
    close: () => pool.end(),
  };
}

/** The primary's current WAL position, after a write: the replica must reach it before it serves this client. */
export async function primaryLsn(db: Db): Promise<string | null> {
  const [row] = await queryRows<{ lsn: string | null }>(db, sql`select pg_current_wal_lsn()::text as lsn`);
  return row?.lsn ?? null;
}
