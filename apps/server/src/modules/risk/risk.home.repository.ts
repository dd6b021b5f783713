import type { WorkspacePart } from '@zhuhe/contracts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../infra/context';
import { riskWarningParties, riskWarnings } from './risk.tables';

const SEVERITY = { high: 'danger', medium: 'warning', low: 'normal' } as const;
const ACTIVE = ['open', 'acknowledged'];

/** 工作台 part of risk: the organisation's warnings still open or acknowledged, most severe first. */
export async function riskHome(ctx: AppContext, input: { orgId: string }): Promise<WorkspacePart> {
  const rows = await ctx.db
    .select({
      id: riskWarnings.id,
      severity: riskWarnings.severity,
      title: riskWarnings.title,
      detectedAt: riskWarnings.detectedAt,
    })
    .from(riskWarnings)
    .innerJoin(riskWarningParties, eq(riskWarningParties.warningId, riskWarnings.id))
    .where(and(eq(riskWarningParties.orgId, input.orgId), inArray(riskWarnings.state, ACTIVE)))
    .orderBy(
      sql`case ${riskWarnings.severity} when 'high' then 0 when 'medium' then 1 else 2 end`,
      desc(riskWarnings.detectedAt),
    )
    .limit(20);
  return {
    todos: rows.map((w) => ({
      kind: 'warning' as const,
      subject: w.title['zh-CN'],
      subjectEn: w.title.en,
      dueAt: null,
      overdue: false,
      amountFen: null,
      severity: SEVERITY[w.severity as keyof typeof SEVERITY] ?? 'normal',
      href: '/workspace/risk',
    })),
    figures: [{ key: 'warnings_open', value: rows.length, unit: 'count', href: '/workspace/risk' }],
  };
}

/** 工作台 part of risk for risk staff: warnings nobody has acknowledged yet, since the oldest one. */
export async function riskStaffHome(ctx: AppContext): Promise<WorkspacePart> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${riskWarnings.detectedAt})` })
    .from(riskWarnings)
    .where(eq(riskWarnings.state, 'open'));
  const n = row?.n ?? 0;
  return {
    todos:
      n === 0
        ? []
        : [
            {
              kind: 'warning_triage',
              subject: String(n),
              dueAt: row?.oldest ? new Date(row.oldest).toISOString() : null,
              overdue: false,
              amountFen: null,
              severity: 'warning',
              href: '/staff/risk',
            },
          ],
    figures: [{ key: 'warnings_untriaged', value: n, unit: 'count', href: '/staff/risk' }],
  };
}
