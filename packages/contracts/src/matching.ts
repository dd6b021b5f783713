import { z } from 'zod';
import { Id } from './common';

/** 导入合作历史: what an import did, row by row counted. */
export const CooperationImportReport = z.object({
  rows: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  broken: z.array(z.object({ line: z.number(), reason: z.string() })),
  unknownCodeRows: z.number(),
  unknownCodes: z.array(z.string()),
  firmsCreated: z.number(),
  spellingsMerged: z.number(),
  firmsLinked: z.number(),
});
export type CooperationImportReport = z.infer<typeof CooperationImportReport>;

/** 为什么推荐 one signal's part in a match: what it saw and how much it added to the score. */
export const MatchReason = z.object({
  signal: z.string(),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  contribution: z.number(),
});
export type MatchReason = z.infer<typeof MatchReason>;

export const PUSH_ANSWERS = ['interested', 'not_interested'] as const;
export const PushAnswer = z.enum(PUSH_ANSWERS);
export type PushAnswer = z.infer<typeof PushAnswer>;

/** A supplier pushed for a demand, as its buyer sees it. */
export const MatchedSupplier = z.object({
  pushId: Id,
  orgId: Id,
  orgName: z.string(),
  rank: z.number(),
  score: z.number(),
  reasons: z.array(MatchReason),
  answer: PushAnswer.nullable(),
  answeredAt: z.iso.datetime().nullable(),
  pushedAt: z.iso.datetime(),
});
export type MatchedSupplier = z.infer<typeof MatchedSupplier>;

export const DemandMatches = z.object({
  demandId: Id,
  /** pending: the demand is published and its matching job has not run yet */
  state: z.enum(['pending', 'ready', 'not_published']),
  computedAt: z.iso.datetime().nullable(),
  candidates: z.number(),
  items: z.array(MatchedSupplier),
});
export type DemandMatches = z.infer<typeof DemandMatches>;

/** A push as the supplier sees it: the demand, why it was chosen, its answer. */
export const SupplierPush = z.object({
  id: Id,
  demandId: Id,
  demandTitle: z.string(),
  buyerName: z.string(),
  category: z.string(),
  regionCode: z.string(),
  budgetFen: z.number(),
  deadline: z.string(),
  rank: z.number(),
  reasons: z.array(MatchReason),
  answer: PushAnswer.nullable(),
  answeredAt: z.iso.datetime().nullable(),
  pushedAt: z.iso.datetime(),
});
export type SupplierPush = z.infer<typeof SupplierPush>;
export const SupplierPushList = z.object({ items: z.array(SupplierPush) });
export const PushParams = z.object({ orgId: Id, pushId: Id });
export const AnswerPushBody = z.object({ answer: PushAnswer });
export type AnswerPushBody = z.infer<typeof AnswerPushBody>;

/** 匹配数据 figures per week (Asia/Shanghai), for staff. */
export const MatchingFigures = z.object({
  weeks: z.array(
    z.object({
      week: z.string(),
      demands: z.number(),
      pushes: z.number(),
      answers: z.number(),
      interested: z.number(),
      awardsToPushed: z.number(),
    }),
  ),
  totals: z.object({
    demands: z.number(),
    pushes: z.number(),
    answers: z.number(),
    interested: z.number(),
    answerRate: z.number(),
    awardsToPushed: z.number(),
  }),
  model: z.object({ trainedOn: z.string(), examples: z.number(), features: z.array(z.string()) }),
});
export type MatchingFigures = z.infer<typeof MatchingFigures>;

/** 站内通知 one in-app notification. */
export const Notification = z.object({
  id: Id,
  kind: z.string(),
  /** 通知类别 (NotificationCategory in notifications.ts) */
  category: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({
  items: z.array(Notification),
  unread: z.number(),
  /** how many match the filters (the centre's pagination) */
  total: z.number(),
});
export type NotificationList = z.infer<typeof NotificationList>;
export const NotificationParams = z.object({ notificationId: Id });
export const UnreadCount = z.object({ unread: z.number() });

/** 产能 a limit in fen: a positive whole number, or null for no limit. */
const CapacityLimitFen = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable();

/** 申报产能 what a supplier declares it can take on: per project and in total (open backlog included). */
export const MatchingCapacityBody = z.object({
  singleProjectLimitFen: CapacityLimitFen.default(null),
  aggregateLimitFen: CapacityLimitFen.default(null),
});
export type MatchingCapacityBody = z.infer<typeof MatchingCapacityBody>;

/** A supplier's declared capacity and its open backlog (在手合同 not yet released by escrow). */
export const MatchingCapacity = z.object({
  orgId: Id,
  singleProjectLimitFen: z.number().nullable(),
  aggregateLimitFen: z.number().nullable(),
  openBacklogFen: z.number(),
  openContracts: z.number(),
  updatedAt: z.iso.datetime().nullable(),
});
export type MatchingCapacity = z.infer<typeof MatchingCapacity>;
