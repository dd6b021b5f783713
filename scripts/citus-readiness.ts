/**
 * Citus readiness (ADR 0120): reads the live schema of a migrated database and measures how far it is from
 * distributing tenant tables by `org_id`.
 *
 *   npx tsx scripts/citus-readiness.ts              # a migrated in-memory PGlite (the schema of this checkout)
 *   DATABASE_URL=postgres://… npx tsx scripts/citus-readiness.ts   # a live PostgreSQL database
 *
 * A table with an `org_id` column is a tenant table, to be distributed by it; every other table is a reference
 * table (copied to every node) or stays on the coordinator. Citus requires, and this lists:
 *   1. every primary key and unique constraint/index of a distributed table to include `org_id`;
 *   2. every foreign key between distributed tables to include `org_id` on both sides (co-located), and no foreign
 *      key from a reference table to a distributed one.
 * Prints the lists and the counts; always exits 0 (CI prints it so the distance is measured each time).
 */
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, openPglite, openPostgres, queryRows } from '../apps/server/src/infra/db/client';

const DIST = 'org_id';

interface Key {
  table: string;
  name: string;
  kind: 'primary key' | 'unique';
  columns: string[];
}
interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

async function open(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, 2);
  const handle = await openPglite();
  await handle.migrate();
  return handle;
}

export async function readiness(handle: DatabaseHandle) {
  const tables = (
    await queryRows<{ table: string; has_org: boolean }>(
      handle.db,
      sql`select c.relname as table,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = ${DIST} and not a.attisdropped)
              as has_org
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    )
  ).map((r) => ({ table: r.table, tenant: r.has_org }));
  const tenant = new Set(tables.filter((t) => t.tenant).map((t) => t.table));

  // primary keys, unique constraints and unique indexes (drizzle's uniqueIndex is an index, not a constraint)
  const keys = await queryRows<Key>(
    handle.db,
    sql`select t.relname as table, i.relname as name,
          case when x.indisprimary then 'primary key' else 'unique' end as kind,
          array(select a.attname::text from unnest(x.indkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord) as columns
        from pg_index x
        join pg_class t on t.oid = x.indrelid
        join pg_class i on i.oid = x.indexrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and x.indisunique order by 1, 2`,
  );
  const foreignKeys = await queryRows<ForeignKey>(
    handle.db,
    sql`select t.relname as table, c.conname as name, r.relname as "refTable",
          array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord) as columns,
          array(select a.attname::text from unnest(c.confkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.ord) as "refColumns"
        from pg_constraint c
        join pg_class t on t.oid = c.conrelid
        join pg_class r on r.oid = c.confrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and c.contype = 'f' order by 1, 2`,
  );

  const keysLackingOrg = keys.filter((k) => tenant.has(k.table) && !k.columns.includes(DIST));
  const blockingForeignKeys = foreignKeys
    .map((f) => {
      const from = tenant.has(f.table);
      const to = tenant.has(f.refTable);
      if (from && to) {
        const i = f.columns.indexOf(DIST);
        const coLocated = i >= 0 && f.refColumns[i] === DIST;
        return coLocated ? null : { ...f, why: 'between distributed tables without org_id on both sides' };
      }
      if (!from && to) return { ...f, why: 'from a reference table to a distributed table' };
      return null;
    })
    .filter((f): f is ForeignKey & { why: string } => f !== null);
  return { tables, tenant, keysLackingOrg, blockingForeignKeys };
}

async function main() {
  const handle = await open();
  try {
    const { tables, tenant, keysLackingOrg, blockingForeignKeys } = await readiness(handle);
    const blockingTables = new Set([...keysLackingOrg.map((k) => k.table), ...blockingForeignKeys.map((f) => f.table)]);
    console.log(`Citus readiness (distribution column ${DIST}) — ${tables.length} tables`);
    console.log(`\nTenant tables (distributed by ${DIST}): ${tenant.size}`);
    console.log(`Other tables (reference or coordinator-local): ${tables.length - tenant.size}`);
    console.log(`\nPrimary keys / unique constraints of tenant tables without ${DIST}: ${keysLackingOrg.length}`);
    for (const k of keysLackingOrg) console.log(`  ${k.table}: ${k.kind} ${k.name} (${k.columns.join(', ')})`);
    console.log(`\nForeign keys between non-co-located tables: ${blockingForeignKeys.length}`);
    for (const f of blockingForeignKeys)
      console.log(`  ${f.table}(${f.columns.join(', ')}) → ${f.refTable}(${f.refColumns.join(', ')}): ${f.why}`);
    console.log(
      `\ncitus-readiness: ${tenant.size} tenant tables, ${blockingTables.size} blocking, ` +
        `${keysLackingOrg.length} keys without ${DIST}, ${blockingForeignKeys.length} non-co-located foreign keys`,
    );
  } finally {
    await handle.close();
  }
}

await main();
