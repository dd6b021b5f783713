import type { CreditGrade } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { getOrganisation } from '../organisation';
import { creditErrors } from './credit.errors';
import * as repo from './credit.repository';

export interface CreditGradeInfo {
  orgId: string;
  grade: CreditGrade;
  assessedAt: Date;
  source: string;
}

/** The current grade of each organisation that has one; organisations without a grade are absent. */
export async function creditGradeOf(ctx: AppContext, orgIds: readonly string[]): Promise<Map<string, CreditGradeInfo>> {
  const rows = await repo.gradesOf(ctx.db, orgIds);
  return new Map(
    rows.map((r) => [
      r.orgId,
      { orgId: r.orgId, grade: r.grade as CreditGrade, assessedAt: r.assessedAt, source: r.source },
    ]),
  );
}

/** Staff record a grade from an outside assessment (or the demo); it replaces the previous one. */
export async function setCreditGrade(
  ctx: AppContext,
  actor: { userId: string } | null,
  orgId: string,
  input: { grade: CreditGrade; source: string; assessedAt?: Date },
): Promise<CreditGradeInfo> {
  await getOrganisation(ctx, orgId).catch(() => {
    throw creditErrors.raise('CREDIT_ORG_NOT_FOUND');
  });
  const row = await repo.upsertGrade(ctx.db, {
    orgId,
    grade: input.grade,
    assessedAt: input.assessedAt ?? new Date(),
    source: input.source,
    setByUserId: actor?.userId ?? null,
  });
  return { orgId: row.orgId, grade: row.grade as CreditGrade, assessedAt: row.assessedAt, source: row.source };
}
