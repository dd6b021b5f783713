import type { WorkspacePart, WorkspaceTodo } from '@zhuhe/contracts';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { getOrganisation } from '../organisation';
import { verificationQualifications, verificationSubmissions } from './verification.tables';

/** A credential expiring within this many days shows on the home page (the expiry watch mails at 30). */
const EXPIRY_WINDOW_DAYS = 60;

/**
 * 工作台 part of verification: 实名核验 still to be done (or redone after a rejection or expiry), and the
 * organisation's credentials expiring soon.
 */
export async function verificationHome(ctx: AppContext, input: { orgId: string; now: Date }): Promise<WorkspacePart> {
  const org = await getOrganisation(ctx, input.orgId);
  const today = shanghaiDate(input.now);
  const horizon = shanghaiDate(new Date(input.now.getTime() + EXPIRY_WINDOW_DAYS * 86_400_000));
  const todos: WorkspaceTodo[] = [];
  if (org.verification !== 'verified' && org.verification !== 'pending') {
    todos.push({
      kind: 'verification_missing',
      subject: org.name,
      dueAt: null,
      overdue: false,
      amountFen: null,
      severity: org.verification === 'unverified' ? 'warning' : 'danger',
      href: '/workspace/verification',
    });
  }
  const approved = ctx.db
    .select({ id: verificationSubmissions.id })
    .from(verificationSubmissions)
    .where(and(eq(verificationSubmissions.orgId, input.orgId), eq(verificationSubmissions.status, 'approved')));
  const credentials = await ctx.db
    .select({
      category: verificationQualifications.category,
      number: verificationQualifications.number,
      validUntil: verificationQualifications.validUntil,
    })
    .from(verificationQualifications)
    .where(
      and(
        eq(verificationQualifications.orgId, input.orgId),
        inArray(verificationQualifications.verificationId, approved),
        gte(verificationQualifications.validUntil, today),
      ),
    );
  for (const c of credentials.filter((q) => q.validUntil <= horizon)) {
    todos.push({
      kind: 'credential_expiring',
      subject: `${c.category} ${c.number}`,
      dueAt: c.validUntil,
      overdue: false,
      amountFen: null,
      severity: 'warning',
      href: '/workspace/verification',
    });
  }
  return {
    todos,
    figures: [{ key: 'credentials_valid', value: credentials.length, unit: 'count', href: '/workspace/verification' }],
  };
}

/** 工作台 part of verification for reviewers: organisations' own verifications waiting for a decision. */
export async function verificationStaffHome(ctx: AppContext): Promise<WorkspacePart> {
  const [row] = await ctx.db
    .select({
      n: sql<number>`count(*)::int`,
      oldest: sql<string | null>`min(${verificationSubmissions.submittedAt})`,
    })
    .from(verificationSubmissions)
    .where(and(eq(verificationSubmissions.status, 'pending'), eq(verificationSubmissions.purpose, 'organisation')));
  const n = row?.n ?? 0;
  return {
    todos:
      n === 0
        ? []
        : [
            {
              kind: 'verification_review',
              subject: String(n),
              dueAt: row?.oldest ? new Date(row.oldest).toISOString() : null,
              overdue: false,
              amountFen: null,
              severity: 'warning',
              href: '/staff/verifications',
            },
          ],
    figures: [{ key: 'verifications_pending', value: n, unit: 'count', href: '/staff/verifications' }],
  };
}
