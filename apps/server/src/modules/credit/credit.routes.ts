import { CreditGradeParams, CreditGradeView, OrgParams, SetCreditGradeBody } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { creditPermissions as perm } from './credit.policy';
import { type CreditGradeInfo, creditGradeOf, setCreditGrade } from './credit.service';

const tags = ['credit'];
const present = (g: CreditGradeInfo) => ({
  orgId: g.orgId,
  grade: g.grade,
  assessedAt: g.assessedAt.toISOString(),
  source: g.source,
});

export function creditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/staff/credit-grades/:gradedOrgId',
      {
        config: { permission: perm.setGrade },
        schema: {
          tags,
          summary: '设置组织信用等级 set an organisation credit grade',
          params: CreditGradeParams,
          body: SetCreditGradeBody,
          response: { 200: CreditGradeView },
        },
      },
      async (request) =>
        present(await setCreditGrade(ctx, requireActor(request), request.params.gradedOrgId, request.body)),
    );

    app.get(
      '/api/orgs/:orgId/credit-grade',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '本组织信用等级',
          params: OrgParams,
          response: { 200: z.object({ grade: CreditGradeView.nullable() }) },
        },
      },
      async (request) => {
        const grade = (await creditGradeOf(ctx, [request.params.orgId])).get(request.params.orgId);
        return { grade: grade ? present(grade) : null };
      },
    );
  };
}
