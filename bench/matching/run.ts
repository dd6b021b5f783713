/**
 * Matching benchmark (INFO-4): p50/p95/p99 of one top-5 request — the read-only half of matching, exactly as the
 * matching job runs it (buyer's firm, history pool, listings that serve the region, organisations, credit and
 * boost providers, response rates, scoring with the committed weights, qualification check) — among generated
 * supplier organisations: 200,000 on PostgreSQL and 50,000 on PGlite.
 *
 *   npm run bench:matching
 *   BENCH_PG_SUPPLIERS=200000 BENCH_PGLITE_SUPPLIERS=50000 BENCH_REQUESTS=300 BENCH_ONLY=pglite|postgres npm run bench:matching
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (a database zh_bench_matching_… is created and dropped)
 *
 * Data (set-based SQL, deterministic): 40 cities; suppliers (SUP) spread over them, each with 2 active listings
 * of 2 of 11 resource kinds serving its province, and 5 cooperation records (its main kind; 80 % in its own city,
 * from one of the buyers, 2021–2025, log-spread amounts); one buyer (GC) per 40 suppliers. 10 % of requests ask
 * for a qualification nobody holds (the worst case of the qualification check).
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { RESOURCE_KINDS } from '@zhuhe/contracts';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { CITIES } from '../../apps/server/src/demo/libraries.demo';
import type { AppContext } from '../../apps/server/src/infra/context';
import { type DatabaseHandle, openPglite, openPostgres, queryRows } from '../../apps/server/src/infra/db/client';
import type { DemandRow } from '../../apps/server/src/modules/demands';
import { proposeSuppliers } from '../../apps/server/src/modules/matching';
import { regionCentroid } from '../../apps/server/src/modules/regions';

const pgSuppliers = Number(process.env.BENCH_PG_SUPPLIERS ?? 200_000);
const pgliteSuppliers = Number(process.env.BENCH_PGLITE_SUPPLIERS ?? 50_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 300);
const only = process.env.BENCH_ONLY;
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const KINDS = RESOURCE_KINDS.map((k) => ({ key: k.key, name: k.name, category: k.category, unit: k.units[0] }));

/** Runs each statement of a script on its own (prepared statements take one command). */
async function runAll(db: DatabaseHandle['db'], script: string) {
  for (const statement of script.split(/;\s*\n/)) if (statement.trim()) await db.execute(sql.raw(statement));
}

async function prepare(handle: DatabaseHandle, suppliers: number, label: string) {
  const t0 = Date.now();
  await handle.migrate();
  const db = handle.db;
  const buyers = Math.max(10, Math.round(suppliers / 40));
  await db.execute(
    sql.raw('create table bench_cities (n int primary key, code text, name text, lat float8, lng float8)'),
  );
  for (const [n, [code, name]] of CITIES.entries()) {
    const c = regionCentroid(code);
    await db.execute(sql`insert into bench_cities values (${n}, ${code}, ${name}, ${c.lat}, ${c.lng})`);
  }
  await db.execute(
    sql.raw('create table bench_kinds (n int primary key, key text, name text, category text, unit text)'),
  );
  for (const [n, k] of KINDS.entries())
    await db.execute(sql`insert into bench_kinds values (${n}, ${k.key}, ${k.name}, ${k.category}, ${k.unit})`);
  const nc = CITIES.length;
  const nk = KINDS.length;
  // organisations: suppliers s1..sN and buyers b1..bM; each with its firm
  await runAll(
    db,
    `
    insert into organisations (id, name, credit_code, business_roles, region_code, address, verification, created_by)
    select md5('s' || i)::uuid, c.name || k.name || '供应' || i || '号有限公司', 'BS' || i, '{SUP}', c.code, c.name,
           'verified', md5('u' || i)::uuid
    from generate_series(1, ${suppliers}) i
    join bench_cities c on c.n = i % ${nc}
    join bench_kinds k on k.n = i % ${nk};
    insert into organisations (id, name, credit_code, business_roles, region_code, address, verification, created_by)
    select md5('b' || j)::uuid, c.name || '建工' || j || '号有限公司', 'BB' || j, '{GC}', c.code, c.name,
           'verified', md5('v' || j)::uuid
    from generate_series(1, ${buyers}) j join bench_cities c on c.n = j % ${nc};
    insert into cooperation_firms (id, name_key, name, country, town, org_id)
    select md5('f' || id::text)::uuid, 'bench' || credit_code, name, 'CN', '', id from organisations;
  `,
  );
  // two listings per supplier: its main kind and one other, serving its province
  await runAll(
    db,
    `
    insert into resource_listings (org_id, id, category, kind, title, params, price_fen, unit, stock,
      service_region_codes, lead_time_days, region_code, lat, lng, location_derived, tags, description, status,
      created_by)
    select md5('s' || i)::uuid, md5('l' || i || '-' || x)::uuid, k.category, k.key, c.name || k.name, '{}'::jsonb,
           10000 + abs(hashtext('p' || i || x)) % 500000, k.unit, 100, array[left(c.code, 2) || '0000'],
           1 + abs(hashtext('d' || i)) % 14, c.code, c.lat + (abs(hashtext('a' || i)) % 100) / 500.0,
           c.lng + (abs(hashtext('o' || i)) % 100) / 500.0, false, '{}', '', 'active', md5('u' || i)::uuid
    from generate_series(1, ${suppliers}) i
    cross join generate_series(0, 1) x
    join bench_cities c on c.n = i % ${nc}
    join bench_kinds k on k.n = (i + x * (1 + i % 5)) % ${nk};
  `,
  );
  // five records per supplier
  await runAll(
    db,
    `
    insert into cooperation_records (id, source, source_ref, buyer_firm_id, supplier_firm_id, category_code,
      category_group, category_division, zh_category, region_code, region_prefix, amount_minor, currency,
      occurred_on, title)
    select md5('r' || i || '-' || x)::uuid, 'contract', 'bench-' || i || '-' || x,
           md5('f' || md5('b' || (1 + abs(hashtext('bb' || i || x)) % ${buyers}))::uuid::text)::uuid,
           md5('f' || md5('s' || i)::uuid::text)::uuid,
           'ZH:' || k.key, 'ZH:' || k.key, 'ZH:' || k.category, k.category, rc.code, left(rc.code, 2),
           (exp(14 + (abs(hashtext('m' || i || x)) % 600) / 100.0))::bigint, 'CNY',
           date '2021-01-01' + abs(hashtext('t' || i || x)) % 1800, rc.name || k.name || '采购 第' || x || '批'
    from generate_series(1, ${suppliers}) i
    cross join generate_series(1, 5) x
    join bench_kinds k on k.n = i % ${nk}
    join bench_cities rc on rc.n = case when abs(hashtext('c' || i || x)) % 5 = 0
                                        then abs(hashtext('cc' || i || x)) % ${nc} else i % ${nc} end;
  `,
  );
  await db.execute(sql.raw('analyze'));
  const [counts] = await queryRows<{ orgs: string; listings: string; records: string }>(
    db,
    sql`select (select count(*) from organisations)::text as orgs, (select count(*) from resource_listings)::text as listings,
               (select count(*) from cooperation_records)::text as records`,
  );
  console.log(
    `${label}: ${counts?.orgs} organisations (${suppliers} suppliers), ${counts?.listings} listings, ${counts?.records} cooperation records in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return buyers;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return Math.round(value * 10) / 10;
}

function demandOf(n: number, buyers: number): DemandRow {
  const buyer = 1 + ((n * 7919) % buyers);
  const [code, city] = CITIES[(n * 31) % CITIES.length] as [string, string];
  const kind = KINDS[(n * 13) % KINDS.length] as (typeof KINDS)[number];
  const c = regionCentroid(code);
  const now = new Date();
  return {
    // the buyer organisation's id, as generated: md5('b' || j)::uuid
    orgId: buyerId(buyer),
    id: crypto.randomUUID(),
    type: 'procurement',
    title: `${city}安置房 ${kind.name}采购`,
    projectName: `${city}安置房`,
    category: `${kind.name}采购`,
    items: [{ name: kind.name, spec: '', unit: kind.unit ?? '吨', quantity: 100 }],
    budgetFen: 1_000_000 * (1 + (n % 50)),
    qualificationKind: n % 10 === 0 ? '钢结构工程专业承包' : '',
    qualificationGrade: n % 10 === 0 ? '二级' : '不限',
    regionCode: code,
    siteAddress: '',
    lat: c.lat,
    lng: c.lng,
    locationDerived: true,
    deadline: '2099-12-31',
    description: '',
    tags: [],
    status: 'published',
    feasibilityFileId: crypto.randomUUID(),
    fundsProofFileId: crypto.randomUUID(),
    sourceFileId: null,
    createdBy: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  };
}

function buyerId(j: number): string {
  const h = createHash('md5').update(`b${j}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function measure(handle: DatabaseHandle, database: string, suppliers: number, buyers: number) {
  const ctx = { db: handle.db } as AppContext;
  for (let n = 0; n < 20; n++) await proposeSuppliers(ctx, demandOf(n + 100_000, buyers)); // warm-up
  const ms: number[] = [];
  let pushed = 0;
  let eligible = 0;
  for (let n = 0; n < requests; n++) {
    const started = performance.now();
    const result = await proposeSuppliers(ctx, demandOf(n, buyers));
    ms.push(performance.now() - started);
    pushed += result.chosen.length;
    eligible += result.eligible;
  }
  ms.sort((a, b) => a - b);
  return {
    database,
    suppliers,
    requests,
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    p99: percentile(ms, 0.99),
    meanCandidates: Math.round(eligible / requests),
    meanPushed: Math.round((pushed / requests) * 10) / 10,
  };
}

const results: Awaited<ReturnType<typeof measure>>[] = [];

if (only !== 'postgres') {
  const handle = await openPglite();
  const buyers = await prepare(handle, pgliteSuppliers, 'PGlite');
  results.push(await measure(handle, 'PGlite', pgliteSuppliers, buyers));
  await handle.close();
}

if (only !== 'pglite') {
  // BENCH_PG_KEEP=name keeps (and on the next run reuses) the generated database, for studying query plans.
  const keep = process.env.BENCH_PG_KEEP;
  const name = keep ?? `zh_bench_matching_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 2);
  try {
    let buyers = Math.max(10, Math.round(pgSuppliers / 40));
    if (!exists) buyers = await prepare(handle, pgSuppliers, 'PostgreSQL');
    else await handle.migrate();
    await handle.db.execute(sql.raw('vacuum analyze'));
    results.push(await measure(handle, 'PostgreSQL', pgSuppliers, buyers));
  } finally {
    await handle.close();
    if (!keep) {
      const cleanup = new pg.Client({ connectionString: pgAdminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    }
  }
}

console.log(
  `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.table(results);
