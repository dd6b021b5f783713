import type { WorkspacePart } from '@zhuhe/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../infra/context';
import { insuranceClaims, insurancePolicies } from './insurance.tables';

/** 工作台 part of insurance for the insurer: the claims on its policies that wait for its decision, oldest first. */
export async function insuranceHome(ctx: AppContext, input: { orgId: string }): Promise<WorkspacePart> {
  const rows = await ctx.db
    .select({ policyNo: insurancePolicies.policyNo, amountFen: insuranceClaims.amountFen })
    .from(insuranceClaims)
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, insuranceClaims.policyId))
    .where(and(eq(insuranceClaims.insurerOrgId, input.orgId), eq(insuranceClaims.status, 'submitted')))
    .orderBy(asc(insuranceClaims.filedAt))
    .limit(20);
  return {
    todos: rows.map((c) => ({
      kind: 'claim_to_decide' as const,
      subject: c.policyNo,
      dueAt: null,
      overdue: false,
      amountFen: Number(c.amountFen),
      severity: 'warning' as const,
      href: '/workspace/insurance',
    })),
    figures: [],
  };
}
