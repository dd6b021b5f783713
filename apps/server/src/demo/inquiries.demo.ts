import { sql } from 'drizzle-orm';
import type { AppContext } from '../infra/context';
import { queryRows } from '../infra/db/client';
import { accept, addFavourite, createInquiry, decline, getInquiry, quote } from '../modules/inquiries';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR);

/**
 * 收藏与询价 for gc@: favourites of every kind; an inquiry with quotes from 冀钢 (sup@) and 楚材 (sup3@) ready to
 * compare (粤力 has looked and not answered); one sent an hour ago awaiting quotes; one accepted, with its order.
 */
export async function seedInquiriesDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const gc = await demoActor(ctx, 'gc@example.com');
  const steel = await demoActor(ctx, 'sup@example.com');
  const machinery = await demoActor(ctx, 'sup2@example.com');
  const materials = await demoActor(ctx, 'sup3@example.com');
  const gcOrg = gc.activeOrgId as string;
  const org = (a: typeof gc) => a.activeOrgId as string;

  // demo data only: a listing of each supplier's, and another builder's public project
  const [rebar] = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from resource_listings where org_id = ${org(steel)} and kind = 'rebar' and status = 'active'
        order by id limit 1`,
  );
  const [concrete] = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from resource_listings where org_id = ${org(materials)} and status = 'active' order by id limit 1`,
  );
  const [project] = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from projects where org_id <> ${gcOrg} and visibility = 'public' order by id limit 1`,
  );
  for (const [kind, targetId] of [
    ['listing', rebar?.id],
    ['listing', concrete?.id],
    ['merchant', org(steel)],
    ['merchant', org(materials)],
    ['merchant', org(machinery)],
    ['project', project?.id],
  ] as const)
    if (targetId) await addFavourite(ctx, gc, gcOrg, { kind, targetId });

  // 1. two quotes to compare
  const compare = await createInquiry(
    ctx,
    gc,
    gcOrg,
    {
      title: '城西综合体主体结构钢筋及混凝土询价',
      listingId: rebar?.id ?? null,
      merchantOrgIds: [org(steel), org(materials), org(machinery)],
      lines: [
        { material: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 320 },
        { material: '螺纹钢', spec: 'HRB400E Φ16', unit: '吨', quantity: 180 },
        { material: '商品混凝土', spec: 'C35', unit: 'm³', quantity: 2_400 },
      ],
      respondBy: new Date(Date.now() + 3 * 24 * HOUR).toISOString(),
      note: '送货至杭州市西湖区城西综合体项目工地，分三批到货，含税含运费。',
    },
    hoursAgo(50),
  );
  await quote(
    ctx,
    steel,
    org(steel),
    compare.id,
    { unitPricesFen: [372_000, 368_500, 46_500], deliveryDays: 5, validDays: 15, note: '钢筋附质保书，可分批送货。' },
    hoursAgo(30),
  );
  await quote(
    ctx,
    materials,
    org(materials),
    compare.id,
    { unitPricesFen: [379_000, 371_000, 44_800], deliveryDays: 3, validDays: 10, note: '混凝土就近搅拌站供应。' },
    hoursAgo(20),
  );

  // 粤力 opened it and has not answered yet
  await getInquiry(ctx, org(machinery), compare.id, hoursAgo(25));

  // 2. awaiting quotes (in 冀钢's and 粤力's inboxes as new)
  await createInquiry(
    ctx,
    gc,
    gcOrg,
    {
      title: '地下室底板防水卷材询价',
      listingId: null,
      merchantOrgIds: [org(steel), org(materials)],
      lines: [
        { material: 'SBS 改性沥青防水卷材', spec: '4mm 聚酯胎 II 型', unit: 'm²', quantity: 6_800 },
        { material: '非固化橡胶沥青涂料', spec: '2mm', unit: 'm²', quantity: 6_800 },
      ],
      respondBy: new Date(Date.now() + 2 * 24 * HOUR).toISOString(),
      note: '',
    },
    hoursAgo(1),
  );

  // 3. accepted: 粤力's quote won, 冀钢 lost, 楚材 declined
  const done = await createInquiry(
    ctx,
    gc,
    gcOrg,
    {
      title: '临时设施盘扣式脚手架询价',
      listingId: null,
      merchantOrgIds: [org(machinery), org(steel), org(materials)],
      lines: [{ material: '盘扣式脚手架', spec: 'Φ60 立杆 Q355', unit: '吨', quantity: 85 }],
      respondBy: new Date(Date.now() + 24 * HOUR).toISOString(),
      note: '租期 6 个月。',
    },
    hoursAgo(120),
  );
  const won = await quote(
    ctx,
    machinery,
    org(machinery),
    done.id,
    { unitPricesFen: [520_000], deliveryDays: 4, validDays: 20, note: '含搭设指导。' },
    hoursAgo(100),
  );
  await quote(
    ctx,
    steel,
    org(steel),
    done.id,
    { unitPricesFen: [548_000], deliveryDays: 6, validDays: 15, note: '' },
    hoursAgo(96),
  );
  await decline(ctx, org(materials), done.id, '暂无脚手架库存', hoursAgo(90));
  const engagementId = won.engagements[0]?.id as string;
  await accept(ctx, gc, gcOrg, done.id, engagementId, hoursAgo(72));
  return [];
}
