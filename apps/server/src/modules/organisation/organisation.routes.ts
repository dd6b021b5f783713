import {
  type BusinessRole,
  CreateInvitationBody,
  CreateOrganisationBody,
  Invitation,
  InvitationList,
  InvitationParams,
  Me,
  Member,
  MemberList,
  MemberParams,
  MyInvitationParams,
  Organisation,
  OrgDirectoryEntry,
  OrgDirectoryQuery,
  OrgParams,
  SupervisorDirectoryList,
  SupervisorSearchQuery,
  SwitchContextBody,
  UpdateMemberBody,
  UpdateOrganisationBody,
} from '@zhuhe/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { type ActorResolver, accessErrors, requireActor, SESSION_COOKIE } from '../../infra/http/access';
import { getUser, presentMe } from '../identity';
import { organisationErrors } from './organisation.errors';
import { organisationPermissions as perm } from './organisation.policy';
import { presentInvitation, presentMember, presentOrganisation } from './organisation.presenter';
import * as service from './organisation.service';

const tags = ['organisation'];

export function organisationRoutes(ctx: AppContext, resolver: ActorResolver): FastifyPluginAsyncZod {
  /** Me after the session's organisation context changed. */
  const freshMe = async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await resolver.resolve(token, request) : null;
    const user = actor ? await getUser(ctx, actor.userId) : undefined;
    if (!actor || !user) throw accessErrors.raise('AUTH_REQUIRED');
    return presentMe(user, actor, ctx.config.stepUpMinutes);
  };

  const membershipRole = (request: FastifyRequest, orgId: string) => {
    const m = requireActor(request).memberships.find((x) => x.orgId === orgId);
    if (!m) throw organisationErrors.raise('ORG_NOT_FOUND');
    return m.membershipRole;
  };

  return async (app) => {
    app.post(
      '/api/orgs',
      {
        config: { permission: perm.create, idempotent: true },
        schema: {
          tags,
          summary: '创建组织 create an organisation',
          body: CreateOrganisationBody,
          response: { 201: Organisation },
        },
      },
      async (request, reply) => {
        const org = await service.createOrganisation(ctx, requireActor(request), request.body);
        request.auditOverride = { orgId: org.id, target: `organisation ${org.id}` };
        return reply.status(201).send(presentOrganisation(org));
      },
    );

    app.get(
      '/api/orgs/:orgId',
      {
        config: { permission: perm.read, readReplica: true },
        schema: { tags, summary: '组织详情', params: OrgParams, response: { 200: Organisation } },
      },
      async (request) =>
        presentOrganisation(await service.getOrganisation({ ...ctx, db: request.readDb }, request.params.orgId)),
    );

    app.patch(
      '/api/orgs/:orgId',
      {
        config: { permission: perm.update },
        schema: {
          tags,
          summary: '修改组织信息',
          params: OrgParams,
          body: UpdateOrganisationBody,
          response: { 200: Organisation },
        },
      },
      async (request) => presentOrganisation(await service.updateOrganisation(ctx, request.params.orgId, request.body)),
    );

    app.post(
      '/api/orgs/:orgId/activate',
      {
        config: { permission: perm.activate },
        schema: {
          tags,
          summary: '切换组织和角色 switch organisation and role',
          params: OrgParams,
          body: SwitchContextBody,
          response: { 200: Me },
        },
      },
      async (request) => {
        await service.activate(ctx, requireActor(request), request.params.orgId, request.body.role);
        return freshMe(request);
      },
    );

    app.get(
      '/api/orgs/:orgId/members',
      {
        config: { permission: perm.listMembers, readReplica: true },
        schema: { tags, summary: '成员列表', params: OrgParams, response: { 200: MemberList } },
      },
      async (request) => ({
        items: (await service.listMembers({ ...ctx, db: request.readDb }, request.params.orgId)).map(presentMember),
      }),
    );

    app.patch(
      '/api/orgs/:orgId/members/:userId',
      {
        config: { permission: perm.manageMembers },
        schema: {
          tags,
          summary: '修改成员角色',
          params: MemberParams,
          body: UpdateMemberBody,
          response: { 200: Member },
        },
      },
      async (request) => {
        const { orgId, userId } = request.params;
        return presentMember(
          await service.changeMemberRole(ctx, membershipRole(request, orgId), orgId, userId, request.body.role),
        );
      },
    );

    app.delete(
      '/api/orgs/:orgId/members/:userId',
      {
        config: { permission: perm.manageMembers },
        schema: { tags, summary: '移除成员', params: MemberParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const { orgId, userId } = request.params;
        await service.removeMember(ctx, membershipRole(request, orgId), orgId, userId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/orgs/:orgId/invitations',
      {
        config: { permission: perm.listInvitations },
        schema: { tags, summary: '邀请列表', params: OrgParams, response: { 200: InvitationList } },
      },
      async (request) => ({ items: (await service.listInvitations(ctx, request.params.orgId)).map(presentInvitation) }),
    );

    app.post(
      '/api/orgs/:orgId/invitations',
      {
        config: { permission: perm.invite },
        schema: {
          tags,
          summary: '邀请成员',
          params: OrgParams,
          body: CreateInvitationBody,
          response: { 201: Invitation },
        },
      },
      async (request, reply) => {
        const view = await service.createInvitation(ctx, requireActor(request), request.params.orgId, request.body);
        return reply.status(201).send(presentInvitation(view));
      },
    );

    app.delete(
      '/api/orgs/:orgId/invitations/:invitationId',
      {
        config: { permission: perm.revokeInvitation },
        schema: { tags, summary: '撤回邀请', params: InvitationParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.revokeInvitation(ctx, request.params.orgId, request.params.invitationId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/org-directory',
      {
        config: { permission: perm.directory },
        schema: {
          tags,
          summary: '按统一社会信用代码查找组织',
          querystring: OrgDirectoryQuery,
          response: { 200: OrgDirectoryEntry },
        },
      },
      async (request) => {
        const org = await service.findByCreditCode(ctx, request.query.creditCode);
        return {
          id: org.id,
          name: org.name,
          businessRoles: org.businessRoles as BusinessRole[],
          verification: org.verification as 'unverified',
        };
      },
    );

    app.get(
      '/api/org-directory/supervisors',
      {
        config: { permission: perm.directory },
        schema: {
          tags,
          summary: '按名称查找已认证的监理单位（仅名称与信用代码） find verified supervisors by name',
          querystring: SupervisorSearchQuery,
          response: { 200: SupervisorDirectoryList },
        },
      },
      async (request) => ({ items: await service.searchSupervisors(ctx, request.query.q) }),
    );

    app.get(
      '/api/invitations',
      {
        config: { permission: perm.myInvitations },
        schema: { tags, summary: '我收到的邀请', response: { 200: InvitationList } },
      },
      async (request) => ({
        items: (await service.myInvitations(ctx, requireActor(request).userId)).map(presentInvitation),
      }),
    );

    app.post(
      '/api/invitations/:invitationId/accept',
      {
        config: { permission: perm.answerInvitation },
        schema: { tags, summary: '接受邀请', params: MyInvitationParams, response: { 200: Me } },
      },
      async (request) => {
        const org = await service.acceptInvitation(ctx, requireActor(request), request.params.invitationId);
        request.auditOverride = { orgId: org.id };
        return freshMe(request);
      },
    );

    app.post(
      '/api/invitations/:invitationId/decline',
      {
        config: { permission: perm.answerInvitation },
        schema: { tags, summary: '拒绝邀请', params: MyInvitationParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await service.declineInvitation(ctx, requireActor(request).userId, request.params.invitationId);
        return reply.status(204).send(null);
      },
    );
  };
}
