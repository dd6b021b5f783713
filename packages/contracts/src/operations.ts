import { z } from 'zod';
import { Id } from './common';
import { CreditCode } from './organisation';

/**
 * 运营中心 the operations desk (seed 000 §3, §5): regional operation centres with their territories, 地推专员's leads,
 * visit check-ins and monthly targets, 客户成功经理's assignments to new organisations until their first
 * transaction, and the monthly 《用户体验改进报告》.
 */

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'MONTH_INVALID' });
export const OpsMonthQuery = z.object({ month: Month.optional() });
export const OpsMonthParams = z.object({ month: Month });

export const OPS_CENTRE_ROLES = ['manager', 'bd', 'success'] as const;
export const OpsCentreRole = z.enum(OPS_CENTRE_ROLES);
export type OpsCentreRole = z.infer<typeof OpsCentreRole>;

export const OpsCentreMember = z.object({ userId: Id, displayName: z.string(), role: OpsCentreRole });
export const OpsCentre = z.object({
  id: Id,
  name: z.string(),
  /** 责任片区 GB/T 2260 codes (provinces or cities) the centre covers */
  territories: z.array(z.object({ code: z.string(), name: z.string() })),
  members: z.array(OpsCentreMember),
  createdAt: z.iso.datetime(),
});
export type OpsCentre = z.infer<typeof OpsCentre>;
export const OpsCentreList = z.object({ items: z.array(OpsCentre) });
export const OpsCentreParams = z.object({ centreId: Id });
export const CreateOpsCentreBody = z.object({
  name: z.string().trim().min(2).max(40),
  territories: z
    .array(z.string().regex(/^\d{6}$/))
    .min(1)
    .max(40),
});
export const AddOpsCentreMemberBody = z.object({ userId: Id, role: OpsCentreRole });

/** 线索状态 新线索 → 已拜访 → 意向 → 已注册 → 已成交; 已流失 leaves the funnel. */
export const OPS_LEAD_STATES = ['new', 'visited', 'intent', 'registered', 'won', 'lost'] as const;
export const OpsLeadState = z.enum(OPS_LEAD_STATES);
export type OpsLeadState = z.infer<typeof OpsLeadState>;
export const OPS_LEAD_SOURCES = ['visit', 'event', 'referral', 'phone', 'online', 'other'] as const;
export const OpsLeadSource = z.enum(OPS_LEAD_SOURCES);

export const OpsVisit = z.object({
  id: Id,
  leadId: Id,
  byName: z.string(),
  visitedAt: z.iso.datetime(),
  place: z.string(),
  notes: z.string(),
  nextStep: z.string(),
  /** from the browser's geolocation, when the person allowed it */
  location: z.object({ lat: z.number(), lng: z.number(), accuracyM: z.number().nullable() }).nullable(),
});
export type OpsVisit = z.infer<typeof OpsVisit>;

export const OpsLead = z.object({
  id: Id,
  centreId: Id,
  owner: z.object({ userId: Id, displayName: z.string() }),
  companyName: z.string(),
  creditCode: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  source: OpsLeadSource,
  state: OpsLeadState,
  /** the organisation it became, linked by the 统一社会信用代码 */
  org: z.object({ id: Id, name: z.string() }).nullable(),
  registeredAt: z.iso.datetime().nullable(),
  firstDealAt: z.iso.datetime().nullable(),
  lastVisitAt: z.iso.datetime().nullable(),
  visitCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type OpsLead = z.infer<typeof OpsLead>;
export const OpsLeadList = z.object({ items: z.array(OpsLead) });
export const OpsLeadDetail = OpsLead.extend({ visits: z.array(OpsVisit) });
export const OpsLeadParams = z.object({ leadId: Id });
export const OpsLeadQuery = z.object({ state: OpsLeadState.optional() });

export const CreateOpsLeadBody = z.object({
  companyName: z.string().trim().min(2).max(100),
  creditCode: CreditCode.nullable().optional(),
  contactName: z.string().trim().min(1).max(40),
  contactPhone: z.string().trim().min(5).max(30),
  regionCode: z.string().regex(/^\d{6}$/),
  source: OpsLeadSource,
});
export const CheckInBody = z.object({
  place: z.string().trim().min(2).max(200),
  notes: z.string().trim().min(2).max(2000),
  nextStep: z.string().trim().max(500).default(''),
  /** the lead's state after the visit; by default 已拜访 (a lead already further on keeps its state) */
  intent: z.boolean().default(false),
  location: z
    .object({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      accuracyM: z.number().min(0).max(100_000).nullable().default(null),
    })
    .nullable()
    .default(null),
});
export const OpsLeadStateBody = z.object({ to: z.enum(['intent', 'lost']) });

/** 月度目标 one person's target for a month and the progress computed from registrations and first deals. */
export const OpsTargetRow = z.object({
  userId: Id,
  displayName: z.string(),
  centreId: Id,
  centreName: z.string(),
  month: z.string(),
  /** 新客户目标, null when none is set */
  target: z.number().int().nullable(),
  /** leads whose organisation registered in the month */
  registered: z.number().int(),
  /** leads whose organisation made its first transaction in the month */
  firstDeals: z.number().int(),
  visits: z.number().int(),
  /** registered / target, 0–n; null without a target */
  progress: z.number().nullable(),
});
export type OpsTargetRow = z.infer<typeof OpsTargetRow>;
export const OpsTargetBoard = z.object({ month: z.string(), items: z.array(OpsTargetRow) });
export type OpsTargetBoard = z.infer<typeof OpsTargetBoard>;
export const SetOpsTargetBody = z.object({
  userId: Id,
  month: Month,
  newCustomers: z.number().int().min(0).max(1000),
});

export const OPS_ASSIST_KINDS = ['call', 'visit', 'note', 'training'] as const;
export const OpsAssistKind = z.enum(OPS_ASSIST_KINDS);
export const OpsAssist = z.object({
  id: Id,
  kind: OpsAssistKind,
  notes: z.string(),
  byName: z.string(),
  at: z.iso.datetime(),
});
export const OpsAssignment = z.object({
  id: Id,
  centreId: Id,
  org: z.object({ id: Id, name: z.string() }),
  manager: z.object({ userId: Id, displayName: z.string() }),
  status: z.enum(['open', 'closed']),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  /** what closed it: the organisation's first transaction */
  closedBy: z.object({ event: z.string(), reference: z.string() }).nullable(),
  assists: z.array(OpsAssist),
});
export type OpsAssignment = z.infer<typeof OpsAssignment>;
export const OpsAssignmentList = z.object({ items: z.array(OpsAssignment) });
export const OpsAssignmentParams = z.object({ assignmentId: Id });
export const OpsAssignmentQuery = z.object({ status: z.enum(['open', 'closed']).optional() });
export const CreateOpsAssignmentBody = z.object({ orgId: Id, managerUserId: Id });
export const CreateOpsAssistBody = z.object({
  kind: OpsAssistKind,
  notes: z.string().trim().min(2).max(2000),
});

const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });
/** 《用户体验改进报告》 a month's tickets, feedback and behaviour, with the findings drawn from them. */
export const OpsExperienceReport = z.object({
  month: z.string(),
  generatedAt: z.iso.datetime(),
  generatedBy: z.string(),
  tickets: z.object({
    opened: z.number().int(),
    resolvedInMonth: z.number().int(),
    firstMonthResolutionRate: z.number().nullable(),
    target: z.number(),
    medianFirstAnswerMinutes: z.number().nullable(),
    medianResolutionMinutes: z.number().nullable(),
    byCategory: z.array(
      z.object({ category: z.string(), opened: z.number().int(), firstMonthResolutionRate: z.number().nullable() }),
    ),
  }),
  feedback: z.object({
    ratings: z.number().int(),
    averageStars: z.number().nullable(),
    /** count of 1…5 stars */
    distribution: z.array(z.number().int()),
    lowRated: z.array(z.object({ category: z.string(), stars: z.number().int(), comment: z.string() })),
  }),
  behaviour: z.object({
    activeUsers: z.number().int(),
    activeOrgs: z.number().int(),
    topEvents: z.array(z.object({ name: z.string(), count: z.number().int(), users: z.number().int() })),
  }),
  findings: z.array(Bilingual),
});
export type OpsExperienceReport = z.infer<typeof OpsExperienceReport>;
export const OpsReportList = z.object({
  items: z.array(z.object({ month: z.string(), generatedAt: z.iso.datetime(), generatedBy: z.string() })),
});
export const GenerateOpsReportBody = z.object({ month: Month });
