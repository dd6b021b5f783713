/**
 * Credit batch benchmark (CREDIT-2): the monthly recalculation `recalculateMonth` for every organisation the
 * platform has data on — 200,000 on PostgreSQL and 20,000 on PGlite — with the modules composed exactly as the app
 * composes them (the batch reads the credit read model, execution's track record and verification's
 * qualifications through their public API, writes one `credit_monthly` row per organisation and publishes
 * `credit.rated` for each).
 *
 *   npm run bench:credit
 *   BENCH_ORGS_PG=200000 BENCH_ORGS_PGLITE=20000 BENCH_ONLY=pglite|postgres npm run bench:credit
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (a database zh_bench_credit_… is created and dropped)
 *   BENCH_OUTBOX=0 — no after-commit subscriber on `credit.rated` (see below)
 *
 * Data (set-based SQL, deterministic: every choice is a hash of the row's number, so two runs generate the same
 * history). For N organisations o1…oN the generator writes, for the month rated (2026-11):
 * - N signed contracts (credit_contracts + execution_plans), 2022-01 … 2026-10, log-spread amounts. The buyer is
 *   any organisation; the supplier is drawn from a power law (index = N·u³), so most organisations have no or
 *   one contract as supplier and a long tail has hundreds (o1 about 1 in 20 of all contracts);
 * - 1–5 milestones per contract, due every 30–90 days (execution_milestones); 85 % of those due are sealed
 *   (credit_transactions, one row per party). Each supplier has its own reliability q (0–99): 5–64 % of its
 *   sealed milestones are late (1–40 days), the others up to 20 days early;
 * - 0–11 construction-log reviews per contract (execution_log_reviews), 2–35 % sent back by reliability;
 * - a dispute on 3 % of contracts (credit_disputes, both sides: won / lost / split / withdrawn);
 * - partner ratings on 40 % of contracts, both sides (credit_ratings), stars following the supplier's reliability;
 * - 60 % of organisations verified with 1–3 qualification certificates (特级 and 一级 mostly among the largest 1 %,
 *   二级 and 三级 elsewhere), a third of them expired by the month's end, 10 % of the verified
 *   with a later rejected resubmission (no valid certificates then);
 * - 1–3 declared tax years per organisation (credit_tax_declarations), so every organisation is in the population;
 * - every contract in escrow (escrow_contracts): one payment schedule item per milestone, 90 % of those due paid, late
 *   by the buyer's own punctuality (按期付款率);
 * - the wage rule's month records (credit_wage_months, as credit keeps them from `wages.month_recorded`): two months
 *   per milestone from the signing month, 5–35 % of them unpaid by the supplier's reliability (农民工工资按月发放);
 * - last month's rating (2026-10) for every organisation, as a thin rating, so each explanation compares months.
 * Tables the batch does not read (organisations, logs themselves, photos) are not generated.
 *
 * `credit.rated` has no subscriber in the app today, so publishing writes nothing. With BENCH_OUTBOX=1 (default)
 * the bench subscribes one after-commit handler, as a notification subscriber would, so every event is written
 * to the outbox (the job queue) in the batch's transaction — the cost the batch will have once anyone listens.
 *
 * Measured: the wall time of `recalculateMonth` alone (generation is timed apart), organisations per second, peak
 * RSS (process.resourceUsage().maxRSS, for the whole process so far) and the RSS and heapUsed peaks sampled every
 * 25 ms during the batch. The peer: the same facts aggregated by one SQL statement over all organisations (no
 * scoring, nothing written). Afterwards: every organisation has its month row, and the grade distribution.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { createActorResolver } from '../../apps/server/src/access-resolver';
import { composeModules } from '../../apps/server/src/composition';
import { loadConfig } from '../../apps/server/src/config';
import { systemClock } from '../../apps/server/src/infra/clock';
import type { AppContext } from '../../apps/server/src/infra/context';
import { type DatabaseHandle, openPglite, openPostgres, queryRows } from '../../apps/server/src/infra/db/client';
import { DomainEventBus } from '../../apps/server/src/infra/events';
import { MemoryBlobStore } from '../../apps/server/src/infra/files/blob-store';
import { JobQueue } from '../../apps/server/src/infra/jobs/job-queue';
import { BreakerRegistry } from '../../apps/server/src/infra/resilience/breaker';
import { recalculateMonth } from '../../apps/server/src/modules/credit';
import { DEFAULT_POLICY, EMPTY_FACTS, rate } from '../../apps/server/src/modules/credit/credit.scoring';

const pgOrgs = Number(process.env.BENCH_ORGS_PG ?? 200_000);
const pgliteOrgs = Number(process.env.BENCH_ORGS_PGLITE ?? 20_000);
const only = process.env.BENCH_ONLY;
const outbox = process.env.BENCH_OUTBOX !== '0';
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const MONTH = '2026-11';
const PREVIOUS = '2026-10';
/** when the monthly job runs for November: 03:30 on 1 December, Shanghai */
const NOW = new Date('2026-12-01T03:30:00+08:00');
/** the end of November, Shanghai (what `monthEnd` gives) */
const UNTIL = '2026-11-30T15:59:59.999Z';

/** Runs each statement of a script on its own (prepared statements take one command). */
async function runAll(db: DatabaseHandle['db'], script: string) {
  for (const statement of script.split(/;\s*\n/)) if (statement.trim()) await db.execute(sql.raw(statement));
}

/** A hash of the text, 0 ≤ h < m. */
const h = (text: string, m: number) => `(abs(hashtext(${text})) % ${m})`;

async function generate(handle: DatabaseHandle, n: number, label: string) {
  const t0 = performance.now();
  await handle.migrate();
  const db = handle.db;
  const thin = rate(EMPTY_FACTS, DEFAULT_POLICY);
  await runAll(
    db,
    `
    -- contracts: buyer uniform, supplier from a power law; q = the supplier's reliability 0–99
    create table bench_contracts as
    select c, md5('c' || c)::uuid as id, bi, si,
           md5('o' || bi)::uuid as buyer, md5('o' || si)::uuid as supplier,
           ${h("'q' || si", 100)} as q,
           (exp(11 + ${h("'a' || c", 700)} / 100.0))::bigint as amount,
           date '2022-01-01' + ${h("'d' || c", 1765)} as signed,
           1 + ${h("'n' || c", 5)} as milestones
    from (
      select c, 1 + ${h("'b' || c", n)} as b0,
             1 + least(${n - 1}, floor(${n} * power(${h("'s' || c", 1000003)} / 1000003.0, 3))::int) as si
      from generate_series(1, ${n}) c
    ) x cross join lateral (select case when b0 = si then b0 % ${n} + 1 else b0 end as bi) b;
    insert into credit_contracts (contract_id, buyer_org_id, supplier_org_id, amount_fen, signed_on, amendments)
    select id, buyer, supplier, amount, signed::text, case when ${h("'am' || c", 10)} = 0 then 1 else 0 end
    from bench_contracts;
    insert into execution_plans (contract_id, org_id, payee_org_id, contract_title, start_date, contract_amount_fen,
      retention_bp, advance_bp, labour_share_bp, planned_curve, created_by)
    select id, buyer, supplier, '合同 ' || c, signed::text, amount, 300, 1000, 3000, '[]'::jsonb, md5('u' || bi)::uuid
    from bench_contracts;
    -- milestones; sealed: 85 %; late (1–40 days) with probability 10–50 % by supplier, else up to 20 days early
    create table bench_milestones as
    select m.*, case when ${h("'sl' || c || '-' || seq", 100)} >= 85 then null
                     else (due + case when ${h("'lt' || c || '-' || seq", 100)} < 5 + (99 - q) * 3 / 5
                                      then 1 + ${h("'ld' || c || '-' || seq", 40)}
                                      else -${h("'ed' || c || '-' || seq", 21)} end)::timestamp
                          + time '10:00' + ${h("'hh' || c || '-' || seq", 8)} * interval '1 hour' end as sealed_at
    from (
      select c, seq, md5('m' || c || '-' || seq)::uuid as id, bc.id as contract_id, buyer, supplier, q,
             signed + seq * (30 + ${h("'md' || c", 61)}) as due, amount / milestones as amount
      from bench_contracts bc cross join lateral generate_series(1, bc.milestones) seq
    ) m;
    insert into execution_milestones (contract_id, id, org_id, seq, title, deliverables, due_date, share_bp, amount_fen)
    select contract_id, id, buyer, seq, '第' || seq || '期', '', due::text, 10000 / 5, amount from bench_milestones;
    insert into credit_transactions (settlement_id, org_id, role, contract_id, milestone_id, gross_fen, sealed_at)
    select md5('st' || c || '-' || seq)::uuid, party, role, contract_id, id, amount,
           (sealed_at at time zone 'Asia/Shanghai')
    from bench_milestones
    cross join lateral (values (buyer, 'buyer'), (supplier, 'supplier')) p(party, role)
    where sealed_at is not null and sealed_at < timestamp '2026-12-01';
    -- construction-log reviews: 0–11 per contract, weekly, sent back 3–28 % by supplier
    insert into execution_log_reviews (id, log_id, contract_id, org_id, decision, comment, author_user_id, author_name,
      created_at)
    select md5('rv' || c || '-' || k)::uuid, md5('lg' || c || '-' || k)::uuid, id, buyer,
           case when ${h("'rd' || c || '-' || k", 100)} < 2 + (99 - q) / 3 then 'request_changes' else 'accept' end,
           '', md5('u' || bi)::uuid, '监理', ((signed + 7 * k)::timestamp + time '18:00') at time zone 'Asia/Shanghai'
    from bench_contracts cross join lateral generate_series(1, ${h("'nr' || c", 12)}) k
    where signed + 7 * k < date '2026-12-01';
    -- disputes on 3 % of contracts: the buyer claims; an unreliable supplier tends to lose
    insert into credit_disputes (dispute_id, org_id, result, level, decided_at)
    select md5('dp' || c)::uuid, party, result, 1 + ${h("'lv' || c", 3)},
           ((signed + 120 + ${h("'dd' || c", 200)})::timestamp + time '15:00') at time zone 'Asia/Shanghai'
    from bench_contracts
    cross join lateral (select case when ${h("'oc' || c", 100)} < 10 then 'withdrawn'
                                    when ${h("'oc' || c", 100)} < 25 then 'split'
                                    when ${h("'ow' || c", 100)} < 90 - q * 3 / 5 then 'claimant'
                                    else 'respondent' end as outcome) o
    cross join lateral (values
      (buyer, case when outcome in ('split', 'withdrawn') then outcome when outcome = 'claimant' then 'won' else 'lost' end),
      (supplier, case when outcome in ('split', 'withdrawn') then outcome when outcome = 'respondent' then 'won' else 'lost' end)
    ) p(party, result)
    where ${h("'dx' || c", 100)} < 3 and signed + 120 < date '2026-10-01';
    -- partner ratings on 40 % of contracts, both sides; the buyer's stars follow the supplier's reliability
    insert into credit_ratings (id, contract_id, rater_org_id, rated_org_id, quality, timeliness, cooperation, payment,
      comment, created_by, created_at)
    select md5('rt' || c || side)::uuid, id, rater, rated, s1, s2, s3, s4, '', md5('u' || c)::uuid,
           ((signed + 200)::timestamp + time '12:00') at time zone 'Asia/Shanghai'
    from bench_contracts
    cross join lateral (values
      ('b', buyer, supplier, least(5, 1 + q / 25 + ${h("'r1' || c", 2)}), least(5, 1 + q / 25 + ${h("'r2' || c", 2)}),
       least(5, 2 + q / 30 + ${h("'r3' || c", 2)}), 4),
      ('s', supplier, buyer, 4, 4, 3 + ${h("'r5' || c", 3)}, 2 + ${h("'r6' || c", 4)})
    ) r(side, rater, rated, s1, s2, s3, s4)
    where ${h("'rx' || c", 100)} < 40 and signed + 200 < date '2026-12-01';
    -- verification: 60 % of organisations, approved; 10 % of those resubmitted later and were rejected
    insert into verification_submissions (org_id, id, purpose, status, licence_credit_code, licence_company_name,
      licence_legal_representative, licence_capital_fen, licence_address, licence_valid_from, licence_file_id,
      id_name, id_number_enc, id_number_hash, id_number_masked, id_birth_date, id_front_file_id, id_back_file_id,
      checks, submitted_by, submitted_at)
    select md5('o' || i)::uuid, md5('vs' || i || '-' || v)::uuid, 'organisation',
           case when v = 1 then 'approved' else 'rejected' end, 'BC' || i, '建设' || i || '号有限公司', '法人' || i,
           100000000, '', '2015-01-01', md5('lf' || i)::uuid, '法人' || i, 'enc', md5('idh' || i), '****', '1980-01-01',
           md5('if' || i)::uuid, md5('ib' || i)::uuid, '[]'::jsonb, md5('u' || i)::uuid,
           timestamptz '2023-01-01 10:00+08' + (${h("'vt' || i", 900)} + (v - 1) * 300) * interval '1 day'
    from generate_series(1, ${n}) i
    cross join lateral generate_series(1, case when ${h("'vr' || i", 10)} = 0 then 2 else 1 end) v
    where ${h("'vx' || i", 100)} < 60;
    insert into verification_qualifications (org_id, id, verification_id, position, kind, category, grade, number,
      issuer, valid_from, valid_until, file_id)
    select md5('o' || i)::uuid, md5('vq' || i || '-' || k)::uuid, md5('vs' || i || '-1')::uuid, k, '施工总承包',
           '建筑工程', (array['特级', '一级', '一级', '二级', '二级', '三级', '三级', '三级'])
             [1 + ${h("'vg' || i || '-' || k", 6)} + case when i <= ${Math.ceil(n / 100)} then 0 else 2 end],
           'Q' || i || '-' || k, '住房和城乡建设厅', '2021-01-01',
           date '2025-06-01' + ${h("'vu' || i || '-' || k", 1500)}, md5('qf' || i || '-' || k)::uuid
    from generate_series(1, ${n}) i
    cross join lateral generate_series(1, 1 + ${h("'vn' || i", 3)}) k
    where ${h("'vx' || i", 100)} < 60;
    -- declared tax years: 1–3 (2023–2025) for every organisation
    insert into credit_tax_declarations (org_id, year, paid_on_time, declared_by, declared_at)
    select md5('o' || i)::uuid, y, ${h("'tx' || i || '-' || y", 100)} < 65 + ${h("'tq' || i", 35)},
           md5('u' || i)::uuid, make_timestamptz(y + 1, 3, 1, 10, 0, 0, 'Asia/Shanghai')
    from generate_series(1, ${n}) i cross join generate_series(2023, 2025) y
    where y >= 2025 - ${h("'ty' || i", 3)};
    -- escrow: every contract in escrow (payer = buyer, payee = supplier, labour share 30 %); one schedule item per
    -- milestone, due 5 days before it; 90 % of those due are paid, late (1–30 days) with probability 5–45 % by
    -- the buyer's own punctuality pq
    insert into escrow_contracts (contract_id, payer_org_id, payee_org_id, contract_amount_fen, advance_ratio_pct,
      retention_pct, labour_share_pct, bond_required_fen, deposit_reference, escrow_account_id, retention_account_id,
      bond_account_id, labour_account_id, created_at)
    select id, buyer, supplier, amount, 10, 3, 30, 0, 'BR' || c, md5('ea' || c)::uuid, md5('er' || c)::uuid,
           md5('eb' || c)::uuid, md5('el' || c)::uuid, (signed::timestamp + time '09:00') at time zone 'Asia/Shanghai'
    from bench_contracts;
    insert into escrow_schedule_items (contract_id, milestone_id, title, due_date, amount_fen, status, paid_at)
    select contract_id, id::text, '第' || seq || '期', due - 5, amount,
           case when paid_at is null then 'scheduled' else 'paid' end, paid_at
    from (
      select m.*, case when due - 5 >= date '2026-12-01' or ${h("'pp' || c || '-' || seq", 100)} >= 90 then null
                       else ((due - 5 + case when ${h("'pl' || c || '-' || seq", 100)} < 5 + (99 - ${h("'pq' || buyer", 100)}) * 2 / 5
                                             then 1 + ${h("'pd' || c || '-' || seq", 30)}
                                             else -${h("'pe' || c || '-' || seq", 10)} end)::timestamp
                             + time '11:00') at time zone 'Asia/Shanghai' end as paid_at
      from bench_milestones m
    ) s
    where paid_at is null or paid_at < timestamptz '2026-12-01 00:00+08';
    -- wages (FUND-5): the wage rule's month records, as credit keeps them from \`wages.month_recorded\`: every month a
    -- contract has workers on site (from its signing month, two months per milestone, up to October) is paid from the
    -- wage account, or not in 5–35 % of months by the supplier's reliability q
    insert into credit_wage_months (org_id, contract_id, month, paid)
    select supplier, id, to_char(date_trunc('month', signed) + k * interval '1 month', 'YYYY-MM'),
           ${h("'wp' || c || '-' || k", 100)} >= 5 + (99 - q) * 3 / 10
    from bench_contracts cross join lateral generate_series(0, 2 * milestones - 1) k
    where date_trunc('month', signed) + k * interval '1 month' < date '2026-11-01';
    drop table bench_milestones;
    drop table bench_contracts
  `,
  );
  // last month, as a thin rating, so each explanation compares against a previous month
  await db.execute(sql`
    insert into credit_monthly (org_id, month, score, grade, policy_version, thin, dimensions, computed_at)
    select org_id, ${PREVIOUS}, ${thin.score}, ${thin.grade}, ${DEFAULT_POLICY.version}, true,
           ${JSON.stringify(thin.dimensions)}::jsonb, timestamptz '2026-11-01 03:30+08'
    from credit_tax_declarations group by org_id`);
  await db.execute(sql.raw('analyze'));
  const [c] = await queryRows<Record<string, string>>(
    db,
    sql.raw(`select
      (select count(*) from credit_contracts)::text as contracts,
      (select count(*) from execution_milestones)::text as milestones,
      (select count(*) from credit_transactions)::text as transactions,
      (select count(*) from execution_log_reviews)::text as reviews,
      (select count(*) from credit_disputes)::text as disputes,
      (select count(*) from credit_ratings)::text as ratings,
      (select count(*) from verification_qualifications)::text as qualifications,
      (select count(*) from credit_tax_declarations)::text as tax_years,
      (select count(*) from escrow_schedule_items)::text as schedule_items,
      (select count(*) from credit_wage_months)::text as wage_months,
      (select max(n) from (select count(*) n from credit_contracts group by supplier_org_id) x)::text as max_per_supplier,
      (select count(*) from (select supplier_org_id from credit_contracts group by supplier_org_id having count(*) >= 20) x)::text as suppliers_20plus`),
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${label}: generated ${n} organisations in ${seconds.toFixed(1)} s (not part of the batch time)`, c);
  return seconds;
}

/** The peer: the same facts, aggregated in one statement over all organisations; nothing scored or written. */
async function sqlBaseline(db: DatabaseHandle['db']) {
  const started = performance.now();
  const [row] = await queryRows<{ orgs: string; checksum: string }>(
    db,
    sql.raw(`
    with pop as (
      select buyer_org_id as org_id from credit_contracts union select supplier_org_id from credit_contracts
      union select org_id from credit_transactions union select org_id from credit_disputes
      union select rated_org_id from credit_ratings union select org_id from credit_tax_declarations),
    sealed as (
      select distinct milestone_id, sealed_at from credit_transactions
      where role = 'supplier' and sealed_at <= '${UNTIL}'),
    ms as (
      select p.payee_org_id as org_id, count(*) as due, count(s.sealed_at) as completed,
             count(*) filter (where (s.sealed_at at time zone 'Asia/Shanghai')::date <= m.due_date::date) as on_time
      from execution_milestones m join execution_plans p on p.contract_id = m.contract_id
      left join sealed s on s.milestone_id = m.id
      where m.due_date <= '2026-11-30' group by 1),
    lr as (
      select p.payee_org_id as org_id, count(*) filter (where r.decision = 'accept') as accepted,
             count(*) filter (where r.decision = 'request_changes') as sent_back
      from execution_log_reviews r join execution_plans p on p.contract_id = r.contract_id
      where r.created_at <= '${UNTIL}' group by 1),
    tx as (
      select org_id, count(*) as n, sum(gross_fen) as volume from credit_transactions
      where sealed_at <= '${UNTIL}' group by 1),
    dp as (
      select org_id, count(*) filter (where result = 'lost') as lost, count(*) filter (where result = 'won') as won
      from credit_disputes where decided_at <= '${UNTIL}' group by 1),
    rt as (
      select rated_org_id as org_id, count(*) as n, sum((quality + timeliness + cooperation + payment) / 4.0) as stars
      from credit_ratings where created_at <= '${UNTIL}' group by 1),
    latest as (
      select distinct on (org_id) org_id, id, status from verification_submissions order by org_id, submitted_at desc),
    ql as (
      select l.org_id, count(*) as n from latest l join verification_qualifications q on q.verification_id = l.id
      where l.status = 'approved' and q.status <> 'expired' and q.valid_until >= '2026-11-30' group by 1),
    tax as (
      select org_id, count(*) as years, count(*) filter (where paid_on_time) as on_time
      from credit_tax_declarations where year <= 2026 group by 1),
    pay as (
      select c.payer_org_id as org_id, count(*) as due,
             count(*) filter (where (s.paid_at at time zone 'Asia/Shanghai')::date <= s.due_date) as on_time
      from escrow_schedule_items s join escrow_contracts c using (contract_id)
      where s.due_date <= '2026-11-30' group by 1),
    wage as (
      select org_id, count(*) as labour, count(*) filter (where paid) as paid
      from credit_wage_months where month <= '2026-11' group by 1)
    select count(*)::text as orgs,
           sum(coalesce(ms.due, 0) + coalesce(ms.completed, 0) + coalesce(ms.on_time, 0) + coalesce(lr.accepted, 0)
               + coalesce(lr.sent_back, 0) + coalesce(tx.n, 0) + coalesce(dp.lost, 0) + coalesce(dp.won, 0)
               + coalesce(rt.n, 0) + coalesce(ql.n, 0) + coalesce(tax.years, 0) + coalesce(tax.on_time, 0)
               + coalesce(pay.due, 0) + coalesce(pay.on_time, 0) + coalesce(wage.labour, 0) + coalesce(wage.paid, 0))::text
             as checksum
    from pop left join ms using (org_id) left join lr using (org_id) left join tx using (org_id)
    left join dp using (org_id) left join rt using (org_id) left join ql using (org_id) left join tax using (org_id)
    left join pay using (org_id) left join wage using (org_id)`),
  );
  return { seconds: (performance.now() - started) / 1000, orgs: Number(row?.orgs ?? 0) };
}

function contextFor(handle: DatabaseHandle): AppContext {
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
  const log = pino({ level: 'silent' });
  const jobs = new JobQueue(handle.db, log);
  const events = new DomainEventBus(jobs, log);
  const mailer = { send: async () => ({ messageId: 'bench' }) };
  const ctx: AppContext = {
    db: handle.db,
    config,
    log,
    jobs,
    events,
    blobs: new MemoryBlobStore(),
    mailer,
    clock: systemClock(),
    resilience: new BreakerRegistry(),
  };
  composeModules(ctx, { resolver: createActorResolver(ctx) });
  if (outbox) ctx.events.afterCommit('credit.rated', 'bench.notify', async () => {});
  return ctx;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function measure(handle: DatabaseHandle, database: string, n: number, generation: number) {
  const ctx = contextFor(handle);
  const baseline = await sqlBaseline(handle.db);
  let rssPeak = 0;
  let heapPeak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  sample();
  const rssBefore = process.memoryUsage().rss;
  const timer = setInterval(sample, 25);
  const started = performance.now();
  const result = await recalculateMonth(ctx, MONTH, { now: NOW });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  const [check] = await queryRows<{ rows: string; population: string; outbox: string }>(
    handle.db,
    sql`select (select count(*) from credit_monthly where month = ${MONTH})::text as rows,
               (select count(distinct org_id) from credit_tax_declarations)::text as population,
               (select count(*) from jobs where name = 'event:credit.rated:bench.notify')::text as outbox`,
  );
  const grades = await queryRows<{ grade: string; n: string; thin: string }>(
    handle.db,
    sql`select grade, count(*)::text as n, count(*) filter (where thin)::text as thin from credit_monthly
        where month = ${MONTH} group by grade order by min(score) desc`,
  );
  const distribution = Object.fromEntries(
    grades.map((g) => [g.grade, `${g.n} (${((Number(g.n) / n) * 100).toFixed(1)} %, ${g.thin} thin)`]),
  );
  const complete = Number(check?.rows) === n && Number(check?.population) === n && result.rated === n;
  const plausible = grades.length >= 3;
  console.log(`${database}: grade distribution for ${MONTH}`, distribution);
  console.log(
    `${database}: ${check?.rows} month rows for ${check?.population} organisations — ${complete ? 'every organisation rated' : 'MISSING ROWS'}; ` +
      `${check?.outbox} credit.rated events in the outbox; distribution ${plausible ? 'plausible' : 'IMPLAUSIBLE'}`,
  );
  return {
    database,
    organisations: n,
    'generate s': Number(generation.toFixed(1)),
    'batch s': Number(seconds.toFixed(1)),
    'orgs/s': Math.round(n / seconds),
    'SQL peer s': Number(baseline.seconds.toFixed(1)),
    'batch/peer': Number((seconds / baseline.seconds).toFixed(1)),
    'RSS before MB': mb(rssBefore),
    'RSS peak MB': mb(rssPeak),
    'heap peak MB': mb(heapPeak),
    'maxRSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
    verified: complete && plausible && baseline.orgs === n ? 'ok' : 'FAILED',
  };
}

console.log(
  `credit batch bench — month ${MONTH}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; outbox subscriber ${outbox ? 'on' : 'off'}`,
);
const results: Awaited<ReturnType<typeof measure>>[] = [];

if (only !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'zh-bench-credit-'));
  const handle = await openPglite(dir);
  try {
    const generation = await generate(handle, pgliteOrgs, 'PGlite');
    results.push(await measure(handle, 'PGlite', pgliteOrgs, generation));
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (only !== 'pglite') {
  const name = `zh_bench_credit_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  try {
    const generation = await generate(handle, pgOrgs, 'PostgreSQL');
    await handle.db.execute(sql.raw('vacuum analyze'));
    results.push(await measure(handle, 'PostgreSQL', pgOrgs, generation));
  } finally {
    await handle.close();
    const cleanup = new pg.Client({ connectionString: pgAdminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}

console.log(
  `\nload average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; target: PostgreSQL batch ≤ 60 s`,
);
console.table(results);
if (results.some((r) => r.verified !== 'ok')) process.exitCode = 1;
