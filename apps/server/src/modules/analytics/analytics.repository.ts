import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, lte, max, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../infra/db/client';
import { analyticsChannelCosts, analyticsIdentities, analyticsKpiTasks, productEvents } from './analytics.tables';

export type ProductEventRow = typeof productEvents.$inferSelect;
export type ChannelCostRow = typeof analyticsChannelCosts.$inferSelect;
export type KpiTaskRow = typeof analyticsKpiTasks.$inferSelect;
export type Entity = 'org' | 'user';

export async function insertProductEvent(db: DbOrTx, row: typeof productEvents.$inferInsert): Promise<void> {
  await db.insert(productEvents).values(row);
}

export async function insertProductEvents(db: DbOrTx, rows: (typeof productEvents.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(productEvents).values(rows);
}

export async function linkIdentity(db: DbOrTx, anonymousId: string, userId: string, at: Date): Promise<void> {
  await db.insert(analyticsIdentities).values({ anonymousId, userId, linkedAt: at }).onConflictDoNothing();
}

export async function listProductEvents(
  db: DbOrTx,
  options: { name?: string; limit: number },
): Promise<ProductEventRow[]> {
  const query = db.select().from(productEvents);
  const filtered = options.name ? query.where(eq(productEvents.name, options.name)) : query;
  return filtered.orderBy(desc(productEvents.occurredAt), desc(productEvents.id)).limit(options.limit);
}

/** The events of one name in (since, until], oldest first (a reader's cursor moves through them). */
export async function eventsSince(
  db: DbOrTx,
  name: string,
  since: Date,
  until: Date,
  limit: number,
): Promise<ProductEventRow[]> {
  return db
    .select()
    .from(productEvents)
    .where(and(eq(productEvents.name, name), gt(productEvents.occurredAt, since), lte(productEvents.occurredAt, until)))
    .orderBy(asc(productEvents.occurredAt), asc(productEvents.id))
    .limit(limit);
}

/** Each subject's latest event (by user or by organisation); subjects without any are absent. */
export async function lastActivity(db: DbOrTx, by: 'user' | 'org', ids: string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const column = by === 'user' ? productEvents.userId : productEvents.orgId;
  const rows = await db
    .select({ id: column, at: max(productEvents.occurredAt) })
    .from(productEvents)
    .where(inArray(column, ids))
    .groupBy(column);
  return new Map(rows.flatMap((r) => (r.id && r.at ? [[r.id, r.at] as const] : [])));
}

/** 沉默组织 organisations that had events, none of them after `before`. */
export async function silentOrganisations(db: DbOrTx, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ orgId: productEvents.orgId })
    .from(productEvents)
    .where(isNotNull(productEvents.orgId))
    .groupBy(productEvents.orgId)
    .having(lt(max(productEvents.occurredAt), before))
    .limit(limit);
  return rows.flatMap((r) => (r.orgId ? [r.orgId] : []));
}

const rows = queryRows;

/** Events that make an organisation's member: who created it or accepted an invitation to it. */
const MEMBERSHIP_EVENTS = sql`('organisation.created', 'invitation.accepted')`;

/**
 * The events of [from, to) resolved to the analysed entity. A web event carries the visitor's anonymous id and,
 * once signed in, the user; an anonymous event is stitched to the user that id was later seen as. For organisations
 * an event without an organisation counts for every organisation its user belongs to (a user in two organisations
 * counts for both).
 */
function entityEvents(
  entity: Entity,
  range: { from: Date; to: Date },
  names?: readonly string[],
  withProperties = true,
): SQL {
  // funnels and cohorts need no properties: leaving the jsonb out keeps the materialised scan small
  const props = withProperties ? sql`e.properties` : sql`null::jsonb`;
  const nameFilter = names
    ? sql` and e.name in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )})`
    : sql``;
  const resolved = sql`
    select e.name, e.occurred_at, e.org_id, ${props} as properties, coalesce(e.user_id, i.user_id) as user_id, e.anonymous_id
    from product_events e
    left join analytics_identities i on e.user_id is null and e.anonymous_id is not null and i.anonymous_id = e.anonymous_id
    where e.occurred_at >= ${range.from} and e.occurred_at < ${range.to}${nameFilter}`;
  if (entity === 'user') {
    return sql`select coalesce(r.user_id::text, 'a:' || r.anonymous_id) as entity, r.name, r.occurred_at, r.properties
      from (${resolved}) r where r.user_id is not null or r.anonymous_id is not null`;
  }
  // one pass: an event's own organisation, else each organisation of its user
  return sql`select coalesce(r.org_id, uo.org_id)::text as entity, r.name, r.occurred_at, r.properties from (${resolved}) r
    left join (select distinct user_id, org_id from product_events
               where name in ${MEMBERSHIP_EVENTS} and user_id is not null and org_id is not null) uo
      on r.org_id is null and uo.user_id = r.user_id
    where r.org_id is not null or uo.org_id is not null`;
}

const EPOCH = new Date('2000-01-01T00:00:00Z');

/** first-touch channel of each entity (`direct` without a touch) */
function firstChannel(entity: Entity, until: Date): SQL {
  return sql`select distinct on (entity) entity, coalesce(properties->>'channel', 'direct') as key
    from (${entityEvents(entity, { from: EPOCH, to: until }, ['visit.touched'])}) t
    order by entity, occurred_at`;
}

/** an organisation's attribute from its creation (region: province of its region code; role: first business role) */
function orgAttribute(entity: Entity, attribute: 'region' | 'role'): SQL {
  const value =
    attribute === 'region'
      ? sql`coalesce(substr(properties->>'regionCode', 1, 2) || '0000', 'unknown')`
      : sql`coalesce(properties->'businessRoles'->>0, 'unknown')`;
  const byOrg = sql`select org_id::text as org, user_id::text as uid, ${value} as key, occurred_at
    from product_events where name = 'organisation.created' and org_id is not null`;
  if (entity === 'org') return sql`select org as entity, key from (${byOrg}) o`;
  // a user takes the attribute of the first organisation that user created
  return sql`select distinct on (uid) uid as entity, key from (${byOrg}) o where uid is not null order by uid, occurred_at`;
}

export interface FunnelRow {
  key: string;
  step: number;
  entities: number;
}

/**
 * An ordered funnel: an entity enters with its first step-1 event in [from, to) and reaches step k with the first
 * step-k event after step k-1 and no later than `window` after it entered.
 */
export async function funnel(
  db: DbOrTx,
  options: {
    entity: Entity;
    steps: readonly string[];
    from: Date;
    to: Date;
    windowMs: number;
    breakdown: 'none' | 'channel' | 'region' | 'role';
  },
): Promise<FunnelRow[]> {
  const { steps, windowMs } = options;
  const until = new Date(options.to.getTime() + windowMs);
  const window = sql`(${`${Math.round(windowMs / 1000)} seconds`})::interval`;
  const parts: SQL[] = [
    sql`ent as materialized (${entityEvents(options.entity, { from: options.from, to: until }, steps, false)})`,
    sql`s1 as (select entity, min(occurred_at) as t0, min(occurred_at) as t from ent
          where name = ${steps[0]} and occurred_at < ${options.to} group by entity)`,
  ];
  for (let k = 2; k <= steps.length; k++) {
    parts.push(sql`${sql.raw(`s${k}`)} as (select p.entity, p.t0, min(e.occurred_at) as t
      from ${sql.raw(`s${k - 1}`)} p join ent e on e.entity = p.entity and e.name = ${steps[k - 1]}
        and e.occurred_at >= p.t and e.occurred_at <= p.t0 + ${window}
      group by p.entity, p.t0)`);
  }
  const groups =
    options.breakdown === 'none'
      ? sql`select entity, 'all' as key from s1`
      : options.breakdown === 'channel'
        ? sql`select s1.entity, coalesce(c.key, 'direct') as key from s1 left join (${firstChannel(options.entity, until)}) c on c.entity = s1.entity`
        : sql`select s1.entity, coalesce(a.key, 'unknown') as key from s1 left join (${orgAttribute(options.entity, options.breakdown)}) a on a.entity = s1.entity`;
  parts.push(sql`g as (${groups})`);
  const counts = steps.map(
    (_, i) =>
      sql`select g.key, ${i + 1}::int as step, count(*)::int as entities from ${sql.raw(`s${i + 1}`)} s join g on g.entity = s.entity group by g.key`,
  );
  return rows<FunnelRow>(
    db,
    sql`with ${sql.join(parts, sql`, `)} ${sql.join(counts, sql` union all `)} order by key, step`,
  );
}

export interface CohortCell {
  cohort: string;
  k: number;
  entities: number;
}

/**
 * Cohort retention: an entity's cohort is the week or month (Shanghai time) of its start event; it is retained in
 * period k when it has any event in the k-th period after. k = 0 counts the cohort's size.
 */
export async function cohorts(
  db: DbOrTx,
  options: { entity: Entity; period: 'week' | 'month'; periods: number; from: Date; to: Date },
): Promise<CohortCell[]> {
  const start = options.entity === 'org' ? 'organisation.created' : 'user.registered';
  const unit = sql.raw(`'${options.period}'`);
  const horizon = new Date(options.to.getTime() + (options.period === 'week' ? 7 : 31) * options.periods * 86_400_000);
  const local = (column: string) => sql.raw(`(${column} at time zone 'Asia/Shanghai')`);
  const diff =
    options.period === 'week'
      ? sql`((date_trunc('week', ${local('e.occurred_at')})::date - s.cohort::date) / 7)`
      : sql`((extract(year from ${local('e.occurred_at')}) - extract(year from s.cohort)) * 12
            + extract(month from ${local('e.occurred_at')}) - extract(month from s.cohort))::int`;
  return rows<CohortCell>(
    db,
    sql`with ent as materialized (${entityEvents(options.entity, { from: options.from, to: horizon }, undefined, false)}),
      s as (select entity, date_trunc(${unit}, ${local('min(occurred_at)')}) as cohort from ent
            where name = ${start} group by entity having min(occurred_at) < ${options.to}),
      act as (select distinct s.entity, to_char(s.cohort, 'YYYY-MM-DD') as cohort, ${diff} as k
              from s join ent e on e.entity = s.entity)
      select cohort, k, count(*)::int as entities from act where k between 0 and ${options.periods - 1}
      group by cohort, k order by cohort, k`,
  );
}

export interface RfmRow {
  org_id: string;
  recency_days: number;
  frequency: number;
  monetary_fen: number;
  r: number;
  f: number;
  m: number;
}

/** RFM over the platform transactions (`deal.closed`, one per party of a signed contract) up to `asOf`. */
export async function rfm(db: DbOrTx, asOf: Date): Promise<RfmRow[]> {
  return rows<RfmRow>(
    db,
    sql`with t as (
        select org_id::text as org_id,
          floor(extract(epoch from (${asOf}::timestamptz - max(occurred_at))) / 86400)::int as recency_days,
          count(*)::int as frequency,
          coalesce(sum((properties->>'amountFen')::bigint), 0)::float8 as monetary_fen
        from product_events where name = 'deal.closed' and org_id is not null and occurred_at < ${asOf}
        group by org_id)
      select t.*, ntile(5) over (order by recency_days desc)::int as r, ntile(5) over (order by frequency)::int as f,
        ntile(5) over (order by monetary_fen)::int as m
      from t order by monetary_fen desc, org_id`,
  );
}

export interface AttributionRow {
  channel: string;
  campaign: string;
  first_touch: number;
  last_touch: number;
  position_based: number;
}

/**
 * Credit for the conversions in [from, to) over the entity's touches up to the conversion: first touch, last
 * touch, and position-based (40 % first, 40 % last, 20 % shared by the middle; 50/50 with two touches). A
 * conversion without a touch goes to `direct`.
 */
export async function attribution(
  db: DbOrTx,
  options: { entity: Entity; conversion: string; from: Date; to: Date },
): Promise<AttributionRow[]> {
  return rows<AttributionRow>(
    db,
    sql`with conv as (
        select entity, min(occurred_at) as t from (${entityEvents(options.entity, { from: EPOCH, to: options.to }, [options.conversion])}) c
        group by entity having min(occurred_at) >= ${options.from}),
      touch as (${entityEvents(options.entity, { from: EPOCH, to: options.to }, ['visit.touched'])}),
      tp as (
        select c.entity, coalesce(e.properties->>'channel', 'direct') as channel, coalesce(e.properties->>'campaign', '') as campaign,
          row_number() over (partition by c.entity order by e.occurred_at) as rn, count(*) over (partition by c.entity) as n
        from conv c join touch e on e.entity = c.entity and e.occurred_at <= c.t),
      credit as (
        select channel, campaign, (rn = 1)::int::float8 as ft, (rn = n)::int::float8 as lt,
          case when n = 1 then 1.0 when n = 2 then 0.5 when rn = 1 or rn = n then 0.4 else 0.2 / (n - 2) end as pb
        from tp
        union all
        select 'direct', '', 1, 1, 1 from conv c where not exists (select 1 from tp where tp.entity = c.entity))
      select channel, campaign, sum(ft)::float8 as first_touch, sum(lt)::float8 as last_touch, sum(pb)::float8 as position_based
      from credit group by channel, campaign order by sum(pb) desc, channel, campaign`,
  );
}

export interface ChannelRow {
  channel: string;
  new_orgs: number;
  deal_fen: number;
}

/** New organisations of [from, to) by first-touch channel, with the value of their deals so far. */
export async function newOrgsByChannel(db: DbOrTx, range: { from: Date; to: Date }, asOf: Date): Promise<ChannelRow[]> {
  return rows<ChannelRow>(
    db,
    sql`with born as (select org_id::text as entity from product_events
          where name = 'organisation.created' and occurred_at >= ${range.from} and occurred_at < ${range.to}),
      ch as (${firstChannel('org', asOf)}),
      deals as (select org_id::text as entity, sum((properties->>'amountFen')::bigint)::float8 as fen from product_events
          where name = 'deal.closed' and occurred_at < ${asOf} group by org_id)
      select coalesce(ch.key, 'direct') as channel, count(*)::int as new_orgs, coalesce(sum(d.fen), 0)::float8 as deal_fen
      from born b left join ch on ch.entity = b.entity left join deals d on d.entity = b.entity
      group by 1 order by 1`,
  );
}

/** Channel costs of [from, to], each prorated by the days its period overlaps the range. */
export async function costsByChannel(
  db: DbOrTx,
  range: { from: string; to: string },
): Promise<{ channel: string; cost_fen: number }[]> {
  return rows(
    db,
    sql`select channel, sum(amount_fen * ((least(period_end, ${range.to}::date) - greatest(period_start, ${range.from}::date) + 1)::float8
            / (period_end - period_start + 1)))::float8 as cost_fen
      from analytics_channel_costs where period_start <= ${range.to}::date and period_end >= ${range.from}::date
      group by channel order by channel`,
  );
}

export async function insertChannelCost(db: DbOrTx, row: typeof analyticsChannelCosts.$inferInsert) {
  const [created] = await db.insert(analyticsChannelCosts).values(row).returning();
  return created as ChannelCostRow;
}

export async function listChannelCosts(db: DbOrTx, range: { from: string; to: string }): Promise<ChannelCostRow[]> {
  return db
    .select()
    .from(analyticsChannelCosts)
    .where(and(lte(analyticsChannelCosts.periodStart, range.to), gte(analyticsChannelCosts.periodEnd, range.from)))
    .orderBy(analyticsChannelCosts.periodStart, analyticsChannelCosts.channel);
}

export interface LifecycleRow {
  org_id: string;
  acquired_at: Date;
  activated_at: Date | null;
  retained_at: Date | null;
  converted_at: Date | null;
  deals: number;
}

/** The moments each organisation met each lifecycle rule (see ADR 0115 and the glossary). */
export async function lifecycle(db: DbOrTx, keyActions: readonly string[], orgId?: string): Promise<LifecycleRow[]> {
  const one = orgId ? sql` and org_id = ${orgId}` : sql``;
  const keys = sql.join(
    keyActions.map((k) => sql`${k}`),
    sql`, `,
  );
  return rows<LifecycleRow>(
    db,
    sql`with o as (select org_id, min(occurred_at) as acquired_at from product_events
          where name = 'organisation.created' and org_id is not null${one} group by org_id),
      k as (select e.org_id, e.occurred_at, date_trunc('week', e.occurred_at at time zone 'Asia/Shanghai') as wk
          from product_events e join o on o.org_id = e.org_id where e.name in (${keys})),
      a as (select org_id, min(occurred_at) as activated_at, min(wk) as first_wk from k group by org_id),
      r as (select k.org_id, min(k.occurred_at) as retained_at from k join a on a.org_id = k.org_id
          where k.wk > a.first_wk group by k.org_id),
      c as (select e.org_id, min(e.occurred_at) as converted_at, count(*)::int as deals from product_events e
          join o on o.org_id = e.org_id where e.name = 'deal.closed' group by e.org_id)
      select o.org_id::text, o.acquired_at, a.activated_at, r.retained_at, c.converted_at, coalesce(c.deals, 0)::int as deals
      from o left join a on a.org_id = o.org_id left join r on r.org_id = o.org_id left join c on c.org_id = o.org_id`,
  );
}

export async function countDistinct(
  db: DbOrTx,
  options: { names: readonly string[]; column: 'anonymous_id' | 'user_id' | 'org_id'; from: Date; to: Date },
): Promise<number> {
  const names = sql.join(
    options.names.map((n) => sql`${n}`),
    sql`, `,
  );
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(distinct ${sql.raw(options.column)})::int as n from product_events
      where name in (${names}) and occurred_at >= ${options.from} and occurred_at < ${options.to}`,
  );
  return row?.n ?? 0;
}

/** Organisations with any event of their own or of their members in both periods, and in the earlier one. */
export async function retainedOrgs(
  db: DbOrTx,
  previous: { from: Date; to: Date },
  current: { from: Date; to: Date },
): Promise<{ before: number; kept: number }> {
  const [row] = await rows<{ before: number; kept: number }>(
    db,
    sql`with p as (select distinct entity from (${entityEvents('org', previous)}) x),
      c as (select distinct entity from (${entityEvents('org', current)}) y)
      select (select count(*) from p)::int as before, (select count(*) from p join c using (entity))::int as kept`,
  );
  return row ?? { before: 0, kept: 0 };
}

export interface MerchantWeekRow {
  week: string;
  exposure: number;
  inquiries: number;
  deals: number;
}

/** One merchant's exposure (its pages viewed), inquiries received and deals won, per week of [from, to). */
export async function merchantWeeks(db: DbOrTx, orgId: string, range: { from: Date; to: Date }) {
  return rows<MerchantWeekRow>(
    db,
    sql`select to_char(date_trunc('week', occurred_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as week,
        count(*) filter (where name in ('merchant.viewed', 'listing.viewed'))::int as exposure,
        count(*) filter (where name = 'inquiry.received')::int as inquiries,
        count(*) filter (where name = 'deal.closed' and properties->>'role' = 'supplier')::int as deals
      from product_events
      where occurred_at >= ${range.from} and occurred_at < ${range.to}
        and ((name in ('merchant.viewed', 'listing.viewed') and properties->>'merchantOrgId' = ${orgId})
          or (name in ('inquiry.received', 'deal.closed') and org_id = ${orgId}))
      group by 1 order by 1`,
  );
}

/** Each merchant's conversion (deals won / inquiries received) in [from, to), for the platform median. */
export async function merchantConversions(db: DbOrTx, range: { from: Date; to: Date }): Promise<number[]> {
  const result = await rows<{ conversion: number }>(
    db,
    sql`select (count(*) filter (where name = 'deal.closed' and properties->>'role' = 'supplier'))::float8
          / count(*) filter (where name = 'inquiry.received') as conversion
      from product_events
      where name in ('inquiry.received', 'deal.closed') and org_id is not null
        and occurred_at >= ${range.from} and occurred_at < ${range.to}
      group by org_id having count(*) filter (where name = 'inquiry.received') > 0`,
  );
  return result.map((r) => r.conversion);
}

export async function openKpiTask(db: DbOrTx, row: typeof analyticsKpiTasks.$inferInsert): Promise<void> {
  await db.insert(analyticsKpiTasks).values(row).onConflictDoNothing();
}

export async function listKpiTasks(db: DbOrTx): Promise<KpiTaskRow[]> {
  return db.select().from(analyticsKpiTasks).orderBy(desc(analyticsKpiTasks.openedAt)).limit(100);
}

export async function updateKpiTask(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<KpiTaskRow, 'status' | 'ownerUserId' | 'ownerName'>>,
): Promise<KpiTaskRow | undefined> {
  const [row] =
    Object.keys(patch).length === 0
      ? await db.select().from(analyticsKpiTasks).where(eq(analyticsKpiTasks.id, id))
      : await db.update(analyticsKpiTasks).set(patch).where(eq(analyticsKpiTasks.id, id)).returning();
  return row;
}

/** Per event name in [from, to): how many, by how many distinct users and organisations. */
export async function totalsBetween(db: DbOrTx, from: Date, to: Date) {
  const rows = await db
    .select({
      name: productEvents.name,
      count: sql<string>`count(*)`,
      users: sql<string>`count(distinct ${productEvents.userId})`,
      orgs: sql<string>`count(distinct ${productEvents.orgId})`,
    })
    .from(productEvents)
    .where(and(gte(productEvents.occurredAt, from), lt(productEvents.occurredAt, to)))
    .groupBy(productEvents.name);
  return rows.map((r) => ({ name: r.name, count: Number(r.count), users: Number(r.users), orgs: Number(r.orgs) }));
}

/** Distinct signed-in users and organisations with any product event in [from, to). */
export async function activeBetween(db: DbOrTx, from: Date, to: Date) {
  const [row] = await db
    .select({
      users: sql<string>`count(distinct ${productEvents.userId})`,
      orgs: sql<string>`count(distinct ${productEvents.orgId})`,
    })
    .from(productEvents)
    .where(and(gte(productEvents.occurredAt, from), lt(productEvents.occurredAt, to)));
  return { users: Number(row?.users ?? 0), orgs: Number(row?.orgs ?? 0) };
}
