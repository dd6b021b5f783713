import { z } from 'zod';
import { Id } from './common';

/**
 * 自动化营销 marketing automation (GROW-5): a 旅程 journey is a segment (who), a trigger (when someone enters) and
 * a graph of steps (wait, condition, action). Steps name their successor by id, so a condition can branch; the
 * graph must be acyclic.
 */
export const JOURNEY_AUDIENCES = ['user', 'organisation'] as const;
export const JourneyAudience = z.enum(JOURNEY_AUDIENCES);
export type JourneyAudience = z.infer<typeof JourneyAudience>;

export const JOURNEY_STATUSES = ['draft', 'active', 'paused'] as const;
export const JourneyStatus = z.enum(JOURNEY_STATUSES);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** 人群 who may enter; every field set must hold */
export const JourneySegment = z.object({
  /** 业务角色 the organisation acts as one of these (GC, SUB, SUP …) */
  businessRoles: z.array(z.string().min(1).max(16)).max(10).optional(),
  /** 地区 the organisation's region code starts with this (e.g. 33 Zhejiang, 3301 Hangzhou) */
  regionPrefix: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  /** 沉默 no product event for at least this many days (lifecycle proxy) */
  silentDays: z.number().int().min(1).max(365).optional(),
  /** 新商家 the merchant was activated within this many days */
  newMerchantDays: z.number().int().min(1).max(365).optional(),
  /** 线索 a user who belongs to no organisation yet */
  withoutOrganisation: z.boolean().optional(),
});
export type JourneySegment = z.infer<typeof JourneySegment>;

/** 触发 a product event by name (`user.registered`, `merchant.activated` …), or the daily scan of the segment */
export const JourneyTrigger = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: z.string().regex(/^[a-z_]+\.[a-z_.]+$/) }),
  z.object({ kind: z.literal('schedule'), reentryDays: z.number().int().min(1).max(365) }),
]);
export type JourneyTrigger = z.infer<typeof JourneyTrigger>;

/** `voucher`: a platform-fee voucher for the organisation (the rewards module grants it) */
export const AUTOMATION_CHANNELS = ['inApp', 'email', 'sms', 'task', 'voucher'] as const;
export const AutomationChannel = z.enum(AUTOMATION_CHANNELS);
export type AutomationChannel = z.infer<typeof AutomationChannel>;

/** what a condition step checks about the enrolled user or organisation */
export const CONDITION_CHECKS = ['activeSinceEntry', 'hasOrganisation'] as const;
export const ConditionCheck = z.enum(CONDITION_CHECKS);
export type ConditionCheck = z.infer<typeof ConditionCheck>;

const StepId = z.string().regex(/^[a-z0-9_-]{1,32}$/);
const Next = StepId.nullable();

export const JourneyStep = z.discriminatedUnion('type', [
  z.object({
    id: StepId,
    type: z.literal('wait'),
    hours: z
      .number()
      .min(0)
      .max(24 * 90),
    next: Next,
  }),
  z.object({ id: StepId, type: z.literal('condition'), check: ConditionCheck, onTrue: Next, onFalse: Next }),
  z.object({
    id: StepId,
    type: z.literal('action'),
    channel: AutomationChannel,
    title: z.string().trim().min(1).max(120),
    body: z.string().trim().max(1000).default(''),
    /** 跟进时限 for a sales task: hours until it is due */
    slaHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .optional(),
    /** 优惠券 for a voucher action: its value in fen (¥1–¥10,000), valid for `voucherDays` */
    voucherFen: z.number().int().min(100).max(1_000_000).optional(),
    voucherDays: z.number().int().min(1).max(365).optional(),
    next: Next,
  }),
]);
export type JourneyStep = z.infer<typeof JourneyStep>;

export const JourneyBody = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).default(''),
  audience: JourneyAudience,
  segment: JourneySegment,
  trigger: JourneyTrigger,
  /** the first entry is where an enrolment starts */
  steps: z.array(JourneyStep).min(1).max(30),
});
export type JourneyBody = z.input<typeof JourneyBody>;

export const JourneyStatusBody = z.object({ status: JourneyStatus });

export const Journey = z.object({
  id: Id,
  templateKey: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  audience: JourneyAudience,
  status: JourneyStatus,
  segment: JourneySegment,
  trigger: JourneyTrigger,
  steps: z.array(JourneyStep),
  enrolments: z.object({ active: z.number().int(), completed: z.number().int(), exited: z.number().int() }),
  sends: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Journey = z.infer<typeof Journey>;
export const JourneyList = z.object({ items: z.array(Journey) });
export type JourneyList = z.infer<typeof JourneyList>;

export const ENROLMENT_STATUSES = ['active', 'completed', 'exited'] as const;
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

export const Enrolment = z.object({
  id: Id,
  subjectId: Id,
  subjectName: z.string(),
  status: EnrolmentStatus,
  stepId: z.string().nullable(),
  nextRunAt: z.iso.datetime().nullable(),
  enteredAt: z.iso.datetime(),
  exitReason: z.string().nullable(),
});
export type Enrolment = z.infer<typeof Enrolment>;

/** 发送记录 outcome: sent, or why not */
export const SEND_OUTCOMES = ['sent', 'capped', 'unsubscribed', 'no_contact'] as const;
export const SendOutcome = z.enum(SEND_OUTCOMES);
export type SendOutcome = z.infer<typeof SendOutcome>;

export const SendLogEntry = z.object({
  id: Id,
  enrolmentId: Id,
  subjectName: z.string(),
  stepId: z.string(),
  channel: AutomationChannel,
  title: z.string(),
  outcome: SendOutcome,
  at: z.iso.datetime(),
});
export type SendLogEntry = z.infer<typeof SendLogEntry>;

export const JourneyDetail = z.object({
  journey: Journey,
  enrolments: z.array(Enrolment),
  sends: z.array(SendLogEntry),
});
export type JourneyDetail = z.infer<typeof JourneyDetail>;

/** 试运行 one message that would go out; nothing is sent or saved */
export const DryRunItem = z.object({
  subjectId: Id,
  subjectName: z.string(),
  stepId: z.string(),
  channel: AutomationChannel,
  title: z.string(),
  at: z.iso.datetime(),
  /** sent, or why it would not be (capped, unsubscribed, no_contact) */
  outcome: SendOutcome,
  /** held to the end of quiet hours */
  heldForQuietHours: z.boolean(),
});
export type DryRunItem = z.infer<typeof DryRunItem>;
export const DryRun = z.object({
  recipients: z.number().int(),
  items: z.array(DryRunItem),
  /** the instant the preview was computed at (the business clock) */
  at: z.iso.datetime(),
});
export type DryRun = z.infer<typeof DryRun>;

export const JourneyParams = z.object({ journeyId: Id });
export const TaskParams = z.object({ taskId: Id });

/** 跟进任务 a sales follow-up task an action step created, with its SLA */
export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export const FollowUpTask = z.object({
  id: Id,
  journeyId: Id,
  journeyName: z.string(),
  subjectId: Id,
  subjectName: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  dueAt: z.iso.datetime(),
  overdue: z.boolean(),
  createdAt: z.iso.datetime(),
  doneAt: z.iso.datetime().nullable(),
});
export type FollowUpTask = z.infer<typeof FollowUpTask>;
export const FollowUpTaskList = z.object({ items: z.array(FollowUpTask) });
export type FollowUpTaskList = z.infer<typeof FollowUpTaskList>;

export const JOURNEY_TEMPLATE_KEYS = ['recall_silent_30d', 'lead_follow_up_24h', 'merchant_welcome'] as const;
export const JourneyTemplateKey = z.enum(JOURNEY_TEMPLATE_KEYS);
export type JourneyTemplateKey = z.infer<typeof JourneyTemplateKey>;
export const JourneyTemplate = z.object({ key: JourneyTemplateKey, name: z.string(), description: z.string() });
export const JourneyTemplateList = z.object({ items: z.array(JourneyTemplate) });
export type JourneyTemplateList = z.infer<typeof JourneyTemplateList>;
/** a key that names no template answers 404 */
export const TemplateParams = z.object({ templateKey: z.string().max(40) });
export const FollowUpTaskQuery = z.object({ status: z.enum(FOLLOW_UP_STATUSES).optional() });
