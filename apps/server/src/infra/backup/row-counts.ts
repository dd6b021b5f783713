import { sql } from 'drizzle-orm';
import { type DatabaseHandle, queryRows } from '../db/client';

/** Runs one SQL text and returns its rows; adapts a pg client, a PGlite instance or a Drizzle handle. */
export type RunQuery = (text: string) => Promise<Record<string, unknown>[]>;

/** Raw SQL on a database handle. */
export function handleQuery(database: DatabaseHandle): RunQuery {
  return (text) => queryRows<Record<string, unknown>>(database.db, sql.raw(text));
}

const TABLES = `
  select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p')
    and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
  order by 1, 2`;

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Exact row count of every table of the database (`schema.table` → rows), the drizzle migrations table included. */
export async function countRows(query: RunQuery): Promise<Record<string, number>> {
  const tables = (await query(TABLES)) as { schema: string; name: string }[];
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const [row] = await query(`select count(*)::text as n from ${quoteIdent(schema)}.${quoteIdent(name)}`);
    counts[`${schema}.${name}`] = Number(row?.n);
  }
  return counts;
}

export interface CountComparison {
  table: string;
  expected: number | null;
  actual: number | null;
  ok: boolean;
}

/** Table by table, the rows the backup recorded against the rows restored; a table missing on either side fails. */
export function compareCounts(expected: Record<string, number>, actual: Record<string, number>): CountComparison[] {
  const tables = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return tables.map((table) => {
    const e = expected[table] ?? null;
    const a = actual[table] ?? null;
    return { table, expected: e, actual: a, ok: e !== null && e === a };
  });
}
