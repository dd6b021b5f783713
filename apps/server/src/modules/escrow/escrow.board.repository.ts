import { and, eq, gte, lte } from 'drizzle-orm';
import type { AppContext } from '../../infra/context';
import { escrowContracts, escrowPayouts, escrowScheduleItems } from './escrow.tables';

/**
 * 看板事实 for the government board (aggregated there, with cells of too few firms hidden): escrowed contract
 * amounts by payer and month, payment-schedule items due in the period with when they were paid, and payouts
 * from the 农民工工资专户 (labour accounts) with their outcome.
 */
export async function escrowBoardFacts(ctx: AppContext, since: Date, until: Date) {
  const sinceDay = since.toISOString().slice(0, 10);
  const untilDay = until.toISOString().slice(0, 10);
  const contracts = await ctx.db
    .select({
      payerOrgId: escrowContracts.payerOrgId,
      amountFen: escrowContracts.contractAmountFen,
      createdAt: escrowContracts.createdAt,
    })
    .from(escrowContracts)
    .where(gte(escrowContracts.createdAt, since));
  const schedule = await ctx.db
    .select({
      payerOrgId: escrowContracts.payerOrgId,
      dueDate: escrowScheduleItems.dueDate,
      paidAt: escrowScheduleItems.paidAt,
    })
    .from(escrowScheduleItems)
    .innerJoin(escrowContracts, eq(escrowContracts.contractId, escrowScheduleItems.contractId))
    .where(and(gte(escrowScheduleItems.dueDate, sinceDay), lte(escrowScheduleItems.dueDate, untilDay)));
  const wages = await ctx.db
    .select({
      payerOrgId: escrowContracts.payerOrgId,
      status: escrowPayouts.status,
      createdAt: escrowPayouts.createdAt,
    })
    .from(escrowPayouts)
    .innerJoin(escrowContracts, eq(escrowContracts.labourAccountId, escrowPayouts.accountId))
    .where(gte(escrowPayouts.createdAt, since));
  return {
    contracts: contracts.map((c) => ({ ...c, amountFen: Number(c.amountFen) })),
    schedule,
    wages,
  };
}
