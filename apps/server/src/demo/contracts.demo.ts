import type { AppContext } from '../infra/context';
import { createContract, proposeVersion, signVersion } from '../modules/contracts';
import { createCheckpoint } from '../modules/evidence';
import { findUserByIdentifier } from '../modules/identity';
import { membershipsOfUser } from '../modules/organisation';
import type { DemoLogin } from './foundation.demo';

async function ownerOf(ctx: AppContext, identifier: string) {
  const user = await findUserByIdentifier(ctx, identifier);
  const [membership] = user ? await membershipsOfUser(ctx, user.id) : [];
  if (!user || !membership) throw new Error(`demo user ${identifier} has no organisation`);
  return { userId: user.id, orgId: membership.orgId };
}

/** A signed purchase contract (sealed PDF, in the evidence log) and a subcontract still being negotiated. */
export async function seedContractsDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const gc = await ownerOf(ctx, 'gc@example.com');
  const sup = await ownerOf(ctx, 'sup@example.com');
  const sub = await ownerOf(ctx, 'sub@example.com');
  const purchase = {
    projectName: '杭州未来科技城 A3 地块住宅项目',
    goods: 'HRB400E 螺纹钢 Φ16–Φ25，共 120 吨',
    amountFen: 49_440_000,
    deliveryPlace: '杭州市余杭区文一西路项目现场',
    deliveryDate: '2026-12-20',
    qualityStandard: 'GB/T 1499.2-2024',
    paymentTerms: '到货验收合格后 30 日内支付 95%，余款质保期满后支付',
    disputeVenue: '杭州仲裁委员会',
  };
  const signed = await createContract(ctx, gc, gc.orgId, {
    kind: 'purchase',
    counterpartyOrgId: sup.orgId,
    title: 'A3 地块主体结构钢筋采购',
    variables: purchase,
  });
  await proposeVersion(ctx, sup, sup.orgId, signed, {
    variables: { ...purchase, amountFen: 48_960_000 },
    note: '单价调整为 4,080 元/吨',
  });
  await signVersion(ctx, gc, gc.orgId, signed, 2);
  await signVersion(ctx, sup, sup.orgId, signed, 2);

  await createContract(ctx, gc, gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sub.orgId,
    title: 'A3 地块主体结构劳务分包',
    variables: {
      projectName: '杭州未来科技城 A3 地块住宅项目',
      projectLocation: '杭州市余杭区',
      scope: '1#–6# 楼主体结构钢筋、模板、混凝土浇筑劳务作业',
      amountFen: 1_286_000_000,
      startDate: '2027-01-05',
      endDate: '2027-09-30',
      advanceBp: 1000,
      retentionBp: 300,
      paymentTerms: '按月计量，经监理确认后支付当月完成量的 80%',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '杭州仲裁委员会',
    },
  });
  // The first signed checkpoint, so the public check can prove inclusion before the hourly job runs.
  await createCheckpoint(ctx);
  return [];
}
