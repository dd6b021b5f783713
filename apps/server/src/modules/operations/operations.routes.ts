import {
  AddOpsCentreMemberBody,
  CheckInBody,
  CreateOpsAssignmentBody,
  CreateOpsAssistBody,
  CreateOpsCentreBody,
  CreateOpsLeadBody,
  GenerateOpsReportBody,
  OpsAssignment,
  OpsAssignmentList,
  OpsAssignmentParams,
  OpsAssignmentQuery,
  OpsCentre,
  OpsCentreList,
  OpsCentreParams,
  OpsExperienceReport,
  OpsLeadDetail,
  OpsLeadList,
  OpsLeadParams,
  OpsLeadQuery,
  OpsLeadStateBody,
  OpsMonthParams,
  OpsMonthQuery,
  OpsReportList,
  OpsTargetBoard,
  SetOpsTargetBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendDownload } from '../../infra/http/download';
import { getUser } from '../identity';
import { operationPermissions as perm } from './operations.policy';
import * as reports from './operations.report';
import * as service from './operations.service';

const tags = ['operations'];

export function operationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff/operations/centres',
      {
        config: { permission: perm.centres },
        schema: { tags, summary: '我所在（或负责）的区域运营中心、责任片区与人员', response: { 200: OpsCentreList } },
      },
      async (request) => service.listCentres(ctx, requireActor(request)),
    );

    app.post(
      '/api/staff/operations/centres',
      {
        config: { permission: perm.manageCentres },
        schema: {
          tags,
          summary: '设立区域运营中心（含责任片区）',
          body: CreateOpsCentreBody,
          response: { 201: OpsCentre },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createCentre(ctx, request.body)),
    );

    app.post(
      '/api/staff/operations/centres/:centreId/members',
      {
        config: { permission: perm.manageCentres },
        schema: {
          tags,
          summary: '运营中心加入人员（负责人、地推专员、客户成功经理）',
          params: OpsCentreParams,
          body: AddOpsCentreMemberBody,
          response: { 200: OpsCentre },
        },
      },
      async (request) => service.addMember(ctx, request.params.centreId, request.body),
    );

    app.get(
      '/api/staff/operations/leads',
      {
        config: { permission: perm.leads },
        schema: {
          tags,
          summary: '线索（地推专员：自己的；中心负责人：本中心的）',
          querystring: OpsLeadQuery,
          response: { 200: OpsLeadList },
        },
      },
      async (request) => service.listLeads(ctx, requireActor(request), request.query.state),
    );

    app.post(
      '/api/staff/operations/leads',
      {
        config: { permission: perm.workLeads },
        schema: { tags, summary: '登记线索', body: CreateOpsLeadBody, response: { 201: OpsLeadDetail } },
      },
      async (request, reply) =>
        reply.code(201).send(await service.createLead(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/staff/operations/leads/:leadId',
      {
        config: { permission: perm.leads },
        schema: { tags, summary: '线索详情与拜访记录', params: OpsLeadParams, response: { 200: OpsLeadDetail } },
      },
      async (request) => service.leadDetail(ctx, requireActor(request), request.params.leadId),
    );

    app.post(
      '/api/staff/operations/leads/:leadId/visits',
      {
        config: { permission: perm.workLeads },
        schema: {
          tags,
          summary: '拜访签到（时间、地点、纪要、下一步；可附浏览器定位）',
          params: OpsLeadParams,
          body: CheckInBody,
          response: { 201: OpsLeadDetail },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await service.checkIn(ctx, requireActor(request), request.params.leadId, request.body)),
    );

    app.post(
      '/api/staff/operations/leads/:leadId/state',
      {
        config: { permission: perm.workLeads },
        schema: {
          tags,
          summary: '线索标记为意向或已流失',
          params: OpsLeadParams,
          body: OpsLeadStateBody,
          response: { 200: OpsLeadDetail },
        },
      },
      async (request) => service.changeLeadState(ctx, requireActor(request), request.params.leadId, request.body.to),
    );

    app.get(
      '/api/staff/operations/targets',
      {
        config: { permission: perm.targets },
        schema: {
          tags,
          summary: '月度目标与进度（按真实注册与首笔交易计算）',
          querystring: OpsMonthQuery,
          response: { 200: OpsTargetBoard },
        },
      },
      async (request) => service.targetBoard(ctx, requireActor(request), request.query.month),
    );

    app.put(
      '/api/staff/operations/targets',
      {
        config: { permission: perm.setTargets },
        schema: { tags, summary: '设定地推专员的月度目标', body: SetOpsTargetBody, response: { 200: OpsTargetBoard } },
      },
      async (request) => service.setTarget(ctx, requireActor(request), request.body),
    );

    app.get(
      '/api/staff/operations/assignments',
      {
        config: { permission: perm.assignments },
        schema: {
          tags,
          summary: '客户成功分配（至首笔交易）',
          querystring: OpsAssignmentQuery,
          response: { 200: OpsAssignmentList },
        },
      },
      async (request) => service.listAssignments(ctx, requireActor(request), request.query.status),
    );

    app.post(
      '/api/staff/operations/assignments',
      {
        config: { permission: perm.assign },
        schema: {
          tags,
          summary: '为新组织指派客户成功经理',
          body: CreateOpsAssignmentBody,
          response: { 201: OpsAssignment },
        },
      },
      async (request, reply) => reply.code(201).send(await service.assign(ctx, requireActor(request), request.body)),
    );

    app.post(
      '/api/staff/operations/assignments/:assignmentId/assists',
      {
        config: { permission: perm.assist },
        schema: {
          tags,
          summary: '记录协助（电话、上门、备注、培训）',
          params: OpsAssignmentParams,
          body: CreateOpsAssistBody,
          response: { 201: OpsAssignment },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.recordAssist(ctx, requireActor(request), request.params.assignmentId, request.body)),
    );

    app.get(
      '/api/staff/operations/reports',
      {
        config: { permission: perm.reports },
        schema: { tags, summary: '用户体验改进报告（按月）', response: { 200: OpsReportList } },
      },
      async () => reports.listReports(ctx),
    );

    app.post(
      '/api/staff/operations/reports',
      {
        config: { permission: perm.generateReport },
        schema: {
          tags,
          summary: '生成（或重新生成）某月的用户体验改进报告',
          body: GenerateOpsReportBody,
          response: { 201: OpsExperienceReport },
        },
      },
      async (request, reply) => {
        const who = await getUser(ctx, requireActor(request).userId);
        return reply.code(201).send(await reports.generateReport(ctx, request.body.month, who?.displayName ?? ''));
      },
    );

    app.get(
      '/api/staff/operations/reports/:month',
      {
        config: { permission: perm.reports },
        schema: {
          tags,
          summary: '某月的用户体验改进报告',
          params: OpsMonthParams,
          response: { 200: OpsExperienceReport },
        },
      },
      async (request) => reports.getReport(ctx, request.params.month),
    );

    app.get(
      '/api/staff/operations/reports/:month/pdf',
      {
        config: { permission: perm.reports },
        schema: { tags, summary: '用户体验改进报告 PDF', params: OpsMonthParams, response: { 200: z.any() } },
      },
      async (request, reply) => {
        const pdf = await reports.reportPdf(ctx, request.params.month);
        return sendDownload(reply, { name: pdf.name, mime: 'application/pdf', bytes: pdf.bytes });
      },
    );
  };
}
