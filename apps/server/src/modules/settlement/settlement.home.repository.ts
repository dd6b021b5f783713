import type { WorkspacePart } from '@zhuhe/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../infra/context';
import { contractSidesOf } from '../execution';
import { settlementSignatures, settlements } from './settlement.tables';

/**
 * 工作台 part of settlement: statements generated for a contract the organisation is a party of (甲方, 乙方 or
 * 监理) that still lack its signature. A statement has no deadline of its own; the money waits for it.
 */
export async function settlementHome(ctx: AppContext, input: { orgId: string }): Promise<WorkspacePart> {
  const sides = await contractSidesOf(ctx, input.orgId);
  if (sides.length === 0) return { todos: [], figures: [] };
  const titles = new Map(sides.map((s) => [s.contractId, s.contractTitle]));
  const rows = await ctx.db
    .select({ id: settlements.id, contractId: settlements.contractId, statement: settlements.statement })
    .from(settlements)
    .where(
      and(
        inArray(
          settlements.contractId,
          sides.map((s) => s.contractId),
        ),
        eq(settlements.status, 'statement'),
      ),
    )
    .limit(100);
  const signed =
    rows.length === 0
      ? []
      : await ctx.db
          .select({ settlementId: settlementSignatures.settlementId })
          .from(settlementSignatures)
          .where(
            and(
              inArray(
                settlementSignatures.settlementId,
                rows.map((r) => r.id),
              ),
              eq(settlementSignatures.orgId, input.orgId),
            ),
          );
  const done = new Set(signed.map((s) => s.settlementId));
  return {
    todos: rows
      .filter((r) => !done.has(r.id))
      .map((r) => ({
        kind: 'statement_to_sign' as const,
        subject: titles.get(r.contractId) ?? '—',
        dueAt: null,
        overdue: false,
        amountFen: r.statement?.payableNowFen ?? null,
        severity: 'warning' as const,
        href: `/workspace/settlement/${r.contractId}`,
      })),
    figures: [],
  };
}
