import type { PlatformModules } from '../composition';
import { shanghaiDate } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import { transitionWarning, warningsOfOrg } from '../modules/risk';
import { closeWageMonth } from '../modules/wages';
import { ownerOf } from './execution.demo';
import type { DemoLogin } from './foundation.demo';

function previousMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/**
 * 农民工工资 demo: last month is closed as the monthly job closes it. gc@'s two subcontracts with construction logs
 * (the execution demo's with sub@, the risk demo's with sub2@) had workers on site and no payout from their wage
 * accounts, so two 当月未发放工资 warnings reach gc@, both payees and risk staff (and a third reaches gc2@ when one
 * of its 围墙 subcontract's logs fell in last month); gc@ acknowledges sub@'s with what it asked of the
 * subcontractor, the others stay open. Each payee's month reaches its credit rating.
 */
export async function seedWagesDemo(ctx: AppContext, _modules: PlatformModules): Promise<DemoLogin[]> {
  const now = ctx.clock.now();
  await closeWageMonth(ctx, previousMonth(shanghaiDate(now)), now);
  const gc = await ownerOf(ctx, 'gc@example.com');
  const sub = await ownerOf(ctx, 'sub@example.com');
  const [first] = await warningsOfOrg(ctx, sub.orgId, { type: 'wage_unpaid', state: 'open' });
  if (first)
    await transitionWarning(ctx, gc, { kind: 'party', orgId: gc.orgId }, first.warning.id, {
      to: 'acknowledged',
      note: '已要求分包单位 5 个工作日内通过工资专户补发上月工资，并上传工资发放表',
    });
  return [];
}
