import { sql } from 'drizzle-orm';
import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import { queryRows } from '../infra/db/client';
import { recordCooperation } from '../modules/cooperation';
import { createUserDirect, findUserByIdentifier } from '../modules/identity';
import { answerPush } from '../modules/matching';
import { managersOf, membershipsOfUser } from '../modules/organisation';
import { seedStaffRoles } from '../modules/staff';
import { DEMO_PASSWORD, type DemoLogin } from './foundation.demo';

/** Fixed authenticator secret of the matching operator (demo only); the matching journey logs in with it. */
export const MATCHER_TOTP = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

async function orgOf(ctx: AppContext, email: string) {
  const user = await findUserByIdentifier(ctx, email);
  if (!user) throw new Error(`demo user ${email} missing`);
  const [membership] = await membershipsOfUser(ctx, user.id);
  if (!membership) throw new Error(`demo user ${email} has no organisation`);
  return { userId: user.id, orgId: membership.orgId, name: membership.orgName };
}

/** [buyer, supplier, category code, region, amount in yuan, date, title] */
const HISTORY: [string, string, string, string, number, string, string][] = [
  [
    'gc@example.com',
    'sup@example.com',
    'ZH:rebar',
    '330106',
    3_200_000,
    '2025-03-12',
    '杭州城西科创园 HRB400E 钢筋采购',
  ],
  ['gc@example.com', 'sup@example.com', 'ZH:rebar', '330109', 2_400_000, '2025-07-08', '萧山安置房二期 钢筋采购'],
  ['gc@example.com', 'sup@example.com', 'ZH:rebar', '330110', 1_800_000, '2025-11-20', '余杭地铁上盖 钢筋采购'],
  [
    'gc@example.com',
    'sup3@example.com',
    'ZH:cement',
    '330106',
    900_000,
    '2025-05-02',
    '文三路综合体 P.O 42.5 水泥采购',
  ],
  [
    'gc@example.com',
    'sup3@example.com',
    'ZH:concrete',
    '330108',
    1_600_000,
    '2025-09-15',
    '滨江总部基地 C30 商品混凝土',
  ],
  [
    'gc@example.com',
    'sub@example.com',
    'ZH:钢结构分包',
    '330109',
    8_600_000,
    '2025-04-18',
    '萧山智造产业园 钢结构分包',
  ],
  ['gc@example.com', 'sup2@example.com', 'ZH:tower_crane', '330106', 420_000, '2025-06-01', 'QTZ80 塔吊租赁 12 个月'],
  ['gc2@example.com', 'sup@example.com', 'ZH:rebar', '410102', 2_100_000, '2025-02-10', '郑州航空港区 钢筋采购'],
  ['gc2@example.com', 'sup3@example.com', 'ZH:cement', '410105', 700_000, '2025-08-22', '金水区安置房 水泥采购'],
  ['gc2@example.com', 'sub2@example.com', 'ZH:幕墙分包', '410105', 5_400_000, '2025-10-05', '郑东新区办公楼 幕墙分包'],
];

/**
 * Matching demo: the matching operator (matcher@, reviewer role, fixed TOTP), cooperation history among the demo
 * organisations, and pushes for the GCs' latest published demands spread over the last weeks, some answered, so
 * the buyer, supplier and staff pages have something to show.
 */
export async function seedMatchingDemo(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[]> {
  const matcher = await createUserDirect(ctx, {
    identifier: 'matcher@example.com',
    password: DEMO_PASSWORD,
    displayName: '平台匹配运营 方舟',
    totpSecret: MATCHER_TOTP,
  });
  await seedStaffRoles(ctx, matcher.id, ['reviewer']);

  for (const [i, [buyerEmail, supplierEmail, code, region, yuan, on, title]] of HISTORY.entries()) {
    const buyer = await orgOf(ctx, buyerEmail);
    const supplier = await orgOf(ctx, supplierEmail);
    await recordCooperation(ctx, {
      source: i % 3 === 2 ? 'completion' : 'contract',
      sourceRef: `demo-history-${i + 1}`,
      buyer: { orgId: buyer.orgId, name: buyer.name },
      supplier: { orgId: supplier.orgId, name: supplier.name },
      categoryCode: code,
      regionCode: region,
      amountFen: yuan * 100,
      occurredOn: on,
      title,
    });
  }

  const now = Date.now();
  for (const email of ['gc@example.com', 'gc2@example.com']) {
    const buyer = await orgOf(ctx, email);
    // demo data only: the latest published demands of this buyer
    const demands = await queryRows<{ id: string }>(
      ctx.db,
      sql`select id from demands where org_id = ${buyer.orgId} and status = 'published'
          order by published_at desc, id limit 6`,
    );
    for (const [week, { id }] of demands.entries()) {
      const at = new Date(now - (week * 7 + 1) * 86_400_000);
      const matches = await modules.matching.api.matchDemand(id, { at });
      for (const [n, push] of matches.items.entries()) {
        if ((week + n) % 3 === 2) continue;
        const [owner] = await managersOf(ctx, push.orgId);
        if (!owner) continue;
        await answerPush(ctx, owner, push.orgId, push.pushId, n % 4 === 3 ? 'not_interested' : 'interested');
      }
    }
  }
  return [
    {
      who: '平台匹配运营 方舟（审核员，匹配数据）',
      identifier: 'matcher@example.com',
      password: DEMO_PASSWORD,
      totpSecret: MATCHER_TOTP,
    },
  ];
}
