import { addWorkingDays, isWorkingDay, shanghaiDate, workingDaysBetween } from '../infra/calendar/working-days';
import type { Clock } from '../infra/clock';
import type { AppContext } from '../infra/context';
import type { Actor } from '../infra/http/access';
import { newId } from '../infra/ids';
import { createContract, signVersion } from '../modules/contracts';
import { createDemandsDirect } from '../modules/demands';
import { createUserDirect } from '../modules/identity';
import { createOrganisationDirect } from '../modules/organisation';
import { DEMO_PASSWORD, type DemoLogin, demoCreditCode } from './foundation.demo';

/** 钱塘建工's owner signs with an authenticator: the promises journey signs its late contract. */
export const DEMO_QIANTANG_TOTP = 'ONSWG4TFOQQHA4TPNVUXGZLTONSWG4TF';
/** The review the promises journey follows from the board to the case: decided two working days late. */
export const LATE_REVIEW_TITLE = '钱塘新区 C3 地块商业综合体 幕墙分包';
/** The contract waiting for 钱塘建工's signature past its 1-working-day deadline (the journey signs it). */
export const LATE_SIGNING_TITLE = '钱塘新区 C3 地块幕墙龙骨钢材采购';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 10:00 Beijing time on the first working day at or before `instant`'s date. */
function workingMorning(instant: Date): Date {
  let day = new Date(instant.getTime());
  while (!isWorkingDay(shanghaiDate(day))) day = new Date(day.getTime() - DAY);
  return new Date(`${shanghaiDate(day)}T10:00:00+08:00`);
}

const at = (ctx: AppContext, instant: Date): AppContext => {
  const clock: Clock = { now: () => instant, advance: () => false, adjustable: false };
  return { ...ctx, clock };
};

function ownerActor(userId: string, orgId: string, orgName: string, role: 'GC' | 'SUP'): Actor {
  return {
    userId,
    sessionId: `demo-${userId}`,
    csrfToken: 'demo',
    mfa: true,
    pendingMfa: false,
    stepUpAt: new Date(),
    activeOrgId: orgId,
    activeRole: role,
    staffRoles: [],
    memberships: [{ orgId, orgName, membershipRole: 'owner', businessRoles: [role] }],
  };
}

const PURCHASE = {
  projectName: '钱塘新区 C3 地块商业综合体',
  goods: 'Q355B 方钢管 120×80×5，共 46 吨',
  amountFen: 23_460_000,
  deliveryPlace: '杭州市钱塘区河庄街道 C3 地块项目现场',
  deliveryDate: '2027-03-20',
  qualityStandard: 'GB/T 6728-2017',
  paymentTerms: '到货验收合格后 30 日内支付 95%，余款质保期满后支付',
  disputeVenue: '杭州仲裁委员会',
};

/**
 * 承诺看板 history: a general contractor (钱塘建工, with an authenticator) and its steel supplier sign a purchase
 * contract a month for six months — most within 1 working day of the final version, two late — and one contract
 * now waits for 钱塘建工's signature past its deadline. 钱塘建工's demands were reviewed over the same months,
 * four of them late and one still waiting past its 2 working days. Every time is on the official calendar.
 */
export async function seedPromisesDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const now = ctx.clock.now();
  const gcUser = await createUserDirect(ctx, {
    identifier: 'gc3@example.com',
    password: DEMO_PASSWORD,
    displayName: '沈立群',
    totpSecret: DEMO_QIANTANG_TOTP,
  });
  const gcName = '浙江钱塘建工有限公司';
  const gc = await createOrganisationDirect(ctx, gcUser.id, {
    name: gcName,
    creditCode: demoCreditCode('330100', 71),
    businessRoles: ['GC'],
    regionCode: '330114',
    address: '浙江省杭州市钱塘区义蓬街道 8 号',
    verification: 'verified',
  });
  const supUser = await createUserDirect(ctx, {
    identifier: 'sup9@example.com',
    password: DEMO_PASSWORD,
    displayName: '俞海峰',
  });
  const supName = '浙江钱江钢构材料有限公司';
  const sup = await createOrganisationDirect(ctx, supUser.id, {
    name: supName,
    creditCode: demoCreditCode('330100', 72),
    businessRoles: ['SUP'],
    regionCode: '330114',
    address: '浙江省杭州市钱塘区临江街道 26 号',
    verification: 'verified',
  });
  const buyer = ownerActor(gcUser.id, gc.id, gcName, 'GC');
  const seller = ownerActor(supUser.id, sup.id, supName, 'SUP');

  // Signing history: one contract a month; the 3rd and 5th months back were signed two working days late.
  for (let back = 5; back >= 1; back--) {
    const proposed = workingMorning(new Date(now.getTime() - back * 30 * DAY));
    const late = back === 3 || back === 5;
    const id = await createContract(at(ctx, proposed), buyer, gc.id, {
      kind: 'purchase',
      counterpartyOrgId: sup.id,
      title: `钱塘新区 C3 地块钢材采购（第 ${6 - back} 批）`,
      variables: PURCHASE,
    });
    await signVersion(at(ctx, new Date(proposed.getTime() + HOUR)), seller, sup.id, id, 1);
    const last = late ? addWorkingDays(proposed, 2) : new Date(proposed.getTime() + 5 * HOUR);
    await signVersion(at(ctx, last), buyer, gc.id, id, 1);
  }
  // Waiting for 钱塘建工 past its deadline: proposed at least two working days ago, the supplier signed an hour later.
  let proposed = workingMorning(new Date(now.getTime() - 2 * DAY));
  while (workingDaysBetween(proposed, now) < 2) proposed = workingMorning(new Date(proposed.getTime() - DAY));
  const waiting = await createContract(at(ctx, proposed), buyer, gc.id, {
    kind: 'purchase',
    counterpartyOrgId: sup.id,
    title: LATE_SIGNING_TITLE,
    variables: { ...PURCHASE, goods: 'Q355B 方钢管 150×100×6，共 28 吨', amountFen: 15_120_000 },
  });
  await signVersion(at(ctx, new Date(proposed.getTime() + HOUR)), seller, sup.id, waiting, 1);

  // Demand reviews: four a month for six months; four decided late, and one still waiting past its deadline.
  const files = { feasibilityFileId: newId(), fundsProofFileId: newId() };
  const demand = (title: string, submitted: Date, decided: Date | null) => ({
    orgId: gc.id,
    orgName: gcName,
    createdBy: gcUser.id,
    createdAt: submitted,
    approvedAt: decided,
    reviewerId: null,
    type: 'subcontract' as const,
    title,
    projectName: '钱塘新区 C3 地块商业综合体',
    category: '幕墙分包',
    items: [{ name: '幕墙工程', spec: '单元式玻璃幕墙', unit: '平方米', quantity: 18_000 }],
    budgetFen: 1_620_000_000,
    qualificationKind: '建筑幕墙工程专业承包',
    qualificationGrade: '一级' as const,
    regionCode: '330114',
    siteAddress: '杭州市钱塘区河庄街道 C3 地块',
    deadline: shanghaiDate(new Date(now.getTime() + 60 * DAY)),
    description: '钱塘新区 C3 地块商业综合体单元式玻璃幕墙分包，含深化设计、加工与安装。',
    tags: ['幕墙分'],
    ...files,
  });
  const PARTS = ['裙房', '1# 塔楼', '2# 塔楼', '连廊'];
  const reviews = [];
  for (let back = 5; back >= 0; back--) {
    for (const [n, part] of PARTS.entries()) {
      const submitted = new Date(
        workingMorning(new Date(now.getTime() - back * 30 * DAY - n * 6 * DAY)).getTime() - HOUR,
      );
      if (submitted.getTime() > now.getTime() - 4 * DAY) continue;
      const late = (back === 4 && n === 1) || (back === 2 && n === 3) || (back === 1 && n === 0);
      const decided = late ? addWorkingDays(submitted, 3) : new Date(submitted.getTime() + (5 + n * 4) * HOUR);
      if (decided > now) continue;
      reviews.push(demand(`钱塘新区 C3 地块${part} 幕墙分包（${6 - back} 期）`, submitted, decided));
    }
  }
  // the one the journey follows: decided two working days past its deadline, last month
  const followed = workingMorning(new Date(now.getTime() - 20 * DAY));
  reviews.push(demand(LATE_REVIEW_TITLE, followed, addWorkingDays(followed, 4)));
  // still waiting, past its 2 working days
  let waitingSince = workingMorning(new Date(now.getTime() - 3 * DAY));
  while (workingDaysBetween(waitingSince, now) < 3)
    waitingSince = workingMorning(new Date(waitingSince.getTime() - DAY));
  reviews.push(demand('钱塘新区 C3 地块地下室 防水分包', waitingSince, null));
  await createDemandsDirect(ctx, reviews);

  return [
    {
      who: `${gcName}（GC）所有者，承诺看板示例`,
      identifier: 'gc3@example.com',
      password: DEMO_PASSWORD,
      totpSecret: DEMO_QIANTANG_TOTP,
    },
    { who: `${supName}（SUP）所有者`, identifier: 'sup9@example.com', password: DEMO_PASSWORD },
  ];
}
