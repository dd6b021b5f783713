import {
  AuditList,
  AuditQuery,
  AuditVerifyResult,
  type BusinessRole,
  DecideBody,
  DualControlList,
  DualControlParams,
  DualControlQuery,
  DualControlRequest,
  GrantStaffRoleBody,
  RevokeStaffRoleBody,
  StaffOrganisationList,
  StaffUserList,
  StaffUserQuery,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { getUsers, maskContact, searchUsers } from '../identity';
import { listOrganisationsForStaff } from '../organisation';
import { staffPermissions as perm } from './staff.policy';
import * as service from './staff.service';

const tags = ['staff'];

export function staffRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const present = async (row: service.DualControlRow) => {
    const ids = [row.requestedBy, row.decidedBy].filter((v): v is string => Boolean(v));
    const people = new Map((await getUsers(ctx, ids)).map((u) => [u.id, u.displayName]));
    return service.presentRequest(row, people);
  };

  return async (app) => {
    app.get(
      '/api/staff/users',
      {
        config: { permission: perm.listUsers },
        schema: { tags, summary: '用户列表', querystring: StaffUserQuery, response: { 200: StaffUserList } },
      },
      async (request) => {
        const [users, roles] = await Promise.all([searchUsers(ctx, request.query.q), service.staffRolesByUser(ctx)]);
        return {
          items: users.map((u) => ({
            id: u.id,
            displayName: u.displayName,
            contact: maskContact(u),
            staffRoles: roles.get(u.id) ?? [],
            totpEnabled: u.totpEnabled,
            lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
            createdAt: u.createdAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/api/staff/organisations',
      {
        config: { permission: perm.listOrganisations },
        schema: { tags, summary: '组织列表', response: { 200: StaffOrganisationList } },
      },
      async () => ({
        items: (await listOrganisationsForStaff(ctx)).map(({ org, memberCount }) => ({
          id: org.id,
          name: org.name,
          creditCode: org.creditCode,
          businessRoles: org.businessRoles as BusinessRole[],
          regionCode: org.regionCode,
          memberCount,
          createdAt: org.createdAt.toISOString(),
        })),
      }),
    );

    app.post(
      '/api/staff/role-grants',
      {
        config: { permission: perm.requestRoleChange },
        schema: {
          tags,
          summary: '申请授予平台角色（双人复核）',
          body: GrantStaffRoleBody,
          response: { 202: DualControlRequest },
        },
      },
      async (request, reply) => {
        const row = await service.requestRoleGrant(ctx, requireActor(request), request.body);
        return reply.status(202).send(await present(row));
      },
    );

    app.post(
      '/api/staff/role-revocations',
      {
        config: { permission: perm.requestRoleChange },
        schema: {
          tags,
          summary: '申请撤销平台角色（双人复核）',
          body: RevokeStaffRoleBody,
          response: { 202: DualControlRequest },
        },
      },
      async (request, reply) => {
        const row = await service.requestRoleRevocation(ctx, requireActor(request), request.body);
        return reply.status(202).send(await present(row));
      },
    );

    app.get(
      '/api/staff/dual-control',
      {
        config: { permission: perm.listDualControl },
        schema: { tags, summary: '双人复核请求', querystring: DualControlQuery, response: { 200: DualControlList } },
      },
      async (request) => {
        const { rows, people } = await service.listRequests(ctx, 100, request.query.status);
        return { items: rows.map((r) => service.presentRequest(r, people)) };
      },
    );

    app.post(
      '/api/staff/dual-control/:requestId/approve',
      {
        config: { permission: perm.decideDualControl },
        schema: {
          tags,
          summary: '批准（执行）',
          params: DualControlParams,
          body: DecideBody,
          response: { 200: DualControlRequest },
        },
      },
      async (request) => {
        const row = await service.approveRequest(
          ctx,
          requireActor(request),
          request.params.requestId,
          request.body.reason ?? null,
        );
        return present(row);
      },
    );

    app.post(
      '/api/staff/dual-control/:requestId/reject',
      {
        config: { permission: perm.decideDualControl },
        schema: {
          tags,
          summary: '驳回',
          params: DualControlParams,
          body: DecideBody,
          response: { 200: DualControlRequest },
        },
      },
      async (request) => {
        const row = await service.rejectRequest(
          ctx,
          requireActor(request),
          request.params.requestId,
          request.body.reason ?? null,
        );
        return present(row);
      },
    );

    app.get(
      '/api/staff/audit',
      {
        config: { permission: perm.readAudit },
        schema: { tags, summary: '审计日志', querystring: AuditQuery, response: { 200: AuditList } },
      },
      async (request) => {
        const { rows, nextBeforeSeq } = await service.auditPage(ctx, request.query);
        return {
          nextBeforeSeq,
          items: rows.map((r) => ({
            seq: r.seq,
            actorUserId: r.actorUserId,
            orgId: r.orgId,
            action: r.action,
            target: r.target,
            digest: r.digest,
            ip: r.ip,
            createdAt: r.createdAt.toISOString(),
            hash: r.hash,
          })),
        };
      },
    );

    app.get(
      '/api/staff/audit/verify',
      {
        config: { permission: perm.readAudit },
        schema: { tags, summary: '校验审计链', response: { 200: AuditVerifyResult } },
      },
      async () => service.verifyAudit(ctx),
    );
  };
}
