import type { StaffRole } from '@zhuhe/contracts';
import type { AppContext } from '../infra/context';
import type { Actor } from '../infra/http/access';
import { findUserByIdentifier } from '../modules/identity';
import { membershipsOfUser } from '../modules/organisation';
import { approveClaim, openClaim, recordRecovery, rejectClaim } from '../modules/reserve';
import type { DemoLogin } from './foundation.demo';

export async function demoActor(ctx: AppContext, identifier: string, staffRoles: StaffRole[] = []): Promise<Actor> {
  const user = await findUserByIdentifier(ctx, identifier);
  if (!user) throw new Error(`demo user ${identifier} is missing`);
  const memberships = await membershipsOfUser(ctx, user.id);
  return {
    userId: user.id,
    sessionId: 'demo',
    csrfToken: 'demo',
    mfa: true,
    pendingMfa: false,
    stepUpAt: new Date(),
    activeOrgId: memberships[0]?.orgId ?? null,
    activeRole: null,
    staffRoles,
    memberships,
  };
}

/**
 * 先行赔付 claims in every state, on the reserve that the earlier seeders' escrow releases provisioned (1% each):
 * opened by finance@ and decided by finance2@ (the second person), one still waiting for approval.
 */
export async function seedReserveDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const maker = await demoActor(ctx, 'finance@example.com', ['finance']);
  const checker = await demoActor(ctx, 'finance2@example.com', ['finance']);
  const orgOf = async (identifier: string) => (await demoActor(ctx, identifier)).activeOrgId as string;
  const sub = await orgOf('sub@example.com');
  const sub2 = await orgOf('sub2@example.com');
  const sup = await orgOf('sup@example.com');

  const paid = await openClaim(ctx, maker, {
    orgId: sub,
    cause: '银行对账接口故障致节点款延迟到账 6 天，按合同约定产生的逾期利息损失由平台承担',
    lossFen: 1_860_00,
    amountFen: 1_860_00,
  });
  await approveClaim(ctx, checker, paid, '已核对银行回单与合同逾期条款');

  const partial = await openClaim(ctx, maker, {
    orgId: sup,
    cause: '平台电子签章服务中断致供货合同延迟签署，违约金损失',
    lossFen: 3_200_00,
    amountFen: 2_400_00,
  });
  await approveClaim(ctx, checker, partial, null);
  await recordRecovery(ctx, maker, partial, {
    amountFen: 1_000_00,
    source: '电子签章服务商',
    note: '按服务协议第 9 条首期追偿',
  });

  const recovered = await openClaim(ctx, maker, {
    orgId: sub2,
    cause: '平台重复发起代发工资指令，劳务班组多收款项无法追回部分',
    lossFen: 980_00,
    amountFen: 980_00,
  });
  await approveClaim(ctx, checker, recovered, null);
  await recordRecovery(ctx, maker, recovered, { amountFen: 980_00, source: '代发银行（差错退回）' });

  const rejected = await openClaim(ctx, maker, {
    orgId: sub2,
    cause: '分包方称平台推送信息有误导致报价偏低',
    lossFen: 5_000_00,
    amountFen: 5_000_00,
  });
  await rejectClaim(ctx, checker, rejected, '经核查报价为分包方自行填写，不属平台过错');

  await openClaim(ctx, maker, {
    orgId: sub,
    cause: '资金监管账户冻结解除延迟 2 个工作日，材料款周转利息损失',
    lossFen: 1_250_00,
    amountFen: 1_250_00,
  });
  return [];
}
