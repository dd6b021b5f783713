import type { AppContext } from '../infra/context';
import { issueReceipts, recordCharge } from '../modules/fees';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

/**
 * 收费 value-added charges of last month and this one (escrow's platform fees are already charged by the releases
 * the earlier seeders made), the basic fee waived for seed users, and last month's receipts issued by finance@.
 */
export async function seedFeesDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const finance = await demoActor(ctx, 'finance@example.com', ['finance']);
  const orgOf = async (identifier: string) => (await demoActor(ctx, identifier)).activeOrgId as string;
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 12, 2));
  const charges: [string, string, number, string, number | undefined, Date][] = [
    ['sub@example.com', 'basic_annual', 1, '基础服务（种子用户）', undefined, lastMonth],
    ['sub@example.com', 'premium_report', 1, '高级信用报告：杭州城建总承包', undefined, lastMonth],
    ['sub@example.com', 'featured_placement', 2, '资源库首页推荐位 2 周', undefined, lastMonth],
    ['gc@example.com', 'premium_report', 3, '高级信用报告 3 份（投标人资信）', undefined, lastMonth],
    ['fin@example.com', 'finance_service_share', 1, '应收账款融资服务费分成', 15_000_00, lastMonth],
    ['sup@example.com', 'featured_placement', 1, '商家推荐位 1 周', undefined, now],
    ['gc@example.com', 'premium_report', 1, '高级信用报告：分包方资信', undefined, now],
  ];
  let n = 0;
  for (const [identifier, itemCode, quantity, description, baseFen, at] of charges) {
    n += 1;
    await recordCharge(
      ctx,
      {
        orgId: await orgOf(identifier),
        itemCode,
        quantity,
        baseFen,
        description,
        reference: `demo:fees:${n}`,
      },
      finance.userId,
      ctx.db,
      at,
    );
  }
  const period = lastMonth.toISOString().slice(0, 7);
  await issueReceipts(ctx, finance.userId, period, now);
  return [];
}
