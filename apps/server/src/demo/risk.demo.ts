import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import { newId } from '../infra/ids';
import { createContract, signVersion } from '../modules/contracts';
import { createLog, executionAccess, setPlan } from '../modules/execution';
import { findUserByIdentifier } from '../modules/identity';
import { getOrganisation } from '../modules/organisation';
import {
  frequentAmendments,
  largePayoutToNewAccount,
  openWarning,
  transitionWarning,
  warningsOfOrg,
} from '../modules/risk';
import { day, ownerOf } from './execution.demo';
import type { DemoLogin } from './foundation.demo';

/**
 * 风险预警 demo: a subcontract between gc@ and sub2@ whose first milestone (due in 4 days) is slipping — logs every
 * three days, but the progress stalled after the first fortnight — so the daily scan opens an early warning; the
 * same scan finds the execution demo's milestone more than 7 days late (acknowledged by gc@) and the tenders'
 * red flags. Two more warnings show the other end states: a large payout of sub@ to a new account (resolved by
 * risk staff after checking) and frequent amendments of gc@'s contract (dismissed as a false alarm). Those two are
 * opened from the rules with demo facts, as no payout or amendment is seeded.
 */
export async function seedRiskDemo(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[]> {
  const gc = await ownerOf(ctx, 'gc@example.com');
  const sub = await ownerOf(ctx, 'sub@example.com');
  const sub2 = await ownerOf(ctx, 'sub2@example.com');
  const admin = await findUserByIdentifier(ctx, 'admin@example.com');

  const contractId = await createContract(ctx, gc, gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sub2.orgId,
    title: 'A3 地块 2# 楼幕墙专业分包',
    variables: {
      projectName: '杭州未来科技城 A3 地块住宅项目',
      projectLocation: '杭州市余杭区',
      scope: '2# 楼单元式幕墙制作安装',
      amountFen: 86_400_000,
      startDate: day(-36),
      endDate: day(60),
      advanceBp: 1000,
      retentionBp: 300,
      paymentTerms: '按节点计量，经监理确认后支付',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '杭州仲裁委员会',
    },
  });
  await signVersion(ctx, gc, gc.orgId, contractId, 1);
  await signVersion(ctx, sub2, sub2.orgId, contractId, 1);
  await setPlan(ctx, gc, gc.orgId, contractId, {
    startDate: day(-36),
    retentionBp: 300,
    advanceBp: 1000,
    labourShareBp: 3000,
    bondBp: null,
    milestones: [
      { title: '埋件及龙骨安装完成', deliverables: '埋件、龙骨隐蔽验收记录', dueDate: day(4), shareBp: 5000 },
      { title: '幕墙单元板块安装完成', deliverables: '幕墙分项验收记录', dueDate: day(60), shareBp: 5000 },
    ],
    boqLines: [
      { code: '011209001', name: '单元式玻璃幕墙', unit: 'm²', quantityMilli: 4_800_000, unitPriceFen: 18_000 },
    ],
    plannedCurve: [],
  });
  const { lines } = await executionAccess(ctx, gc.orgId, contractId);
  for (let d = -35; d <= -2; d += 3) {
    const early = d < -21;
    await createLog(ctx, sub2, sub2.orgId, contractId, {
      logDate: day(d),
      workersOnSite: early ? 26 : 9,
      weather: '多云 9–16℃',
      issues: early ? '' : '铝型材到货延迟，安装班组部分撤场',
      work: [{ lineId: lines[0]?.id as string, quantityMilli: early ? 190_000 : 10_000, note: '' }],
      photoFileIds: [],
    });
  }

  await modules.risk.api.scan();

  const staff = admin ? { userId: admin.id } : null;
  const [delay] = await warningsOfOrg(ctx, gc.orgId, { type: 'milestone_delay', state: 'open' });
  if (delay)
    await transitionWarning(ctx, gc, { kind: 'party', orgId: gc.orgId }, delay.warning.id, {
      to: 'acknowledged',
      note: '已约谈分包单位，要求提交赶工计划',
    });

  const subOrg = await getOrganisation(ctx, sub.orgId);
  const payout = largePayoutToNewAccount({
    payoutId: newId(),
    orgId: sub.orgId,
    orgName: subOrg.name,
    amountFen: 38_000_000,
    beneficiaryName: subOrg.name,
    beneficiaryAccount: '6217001540012345678',
    firstUseOfAccount: true,
    createdAt: new Date(Date.now() - 86_400_000).toISOString(),
  });
  const payoutId = payout ? await openWarning(ctx, payout) : null;
  if (payoutId) {
    await transitionWarning(ctx, staff, { kind: 'staff' }, payoutId, { to: 'acknowledged', note: '' });
    await transitionWarning(ctx, staff, { kind: 'staff' }, payoutId, {
      to: 'resolved',
      note: '已电话核实：本公司新开立的基本存款账户，开户许可证已上传',
    });
  }

  const amendments = frequentAmendments(
    {
      contractId: newId(),
      title: '1# 楼钢筋采购合同',
      buyerOrgId: gc.orgId,
      supplierOrgId: sub.orgId,
      amendments: [
        { versionNo: 2, signedOn: day(-70) },
        { versionNo: 3, signedOn: day(-41) },
        { versionNo: 4, signedOn: day(-9) },
      ],
    },
    day(0),
  );
  const amendmentId = amendments ? await openWarning(ctx, amendments) : null;
  if (amendmentId)
    await transitionWarning(ctx, gc, { kind: 'party', orgId: gc.orgId }, amendmentId, {
      to: 'false_alarm',
      note: '三次变更均为钢材价格按信息价调差，属合同约定',
    });
  return [];
}
