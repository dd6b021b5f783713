import { z } from 'zod';
import { Id } from './common';
import { ContractKind, ContractVariables } from './contract';

/** 招标方式: 公开招标 open (any organisation may bid) or 邀请招标 invited (only the invited organisations). */
export const TENDER_MODES = ['open', 'invited'] as const;
export const TenderMode = z.enum(TENDER_MODES);
export type TenderMode = z.infer<typeof TenderMode>;

/**
 * 招标状态: draft 草稿 → open 投标中 → (deadline passed: closed 已截标，待开标) → evaluating 评标中 → awarding 定标中
 * → awarded 已中标 → contracted 已签合同; failed 流标 when no valid bid is left.
 */
export const TENDER_STATUSES = [
  'draft',
  'open',
  'closed',
  'evaluating',
  'awarding',
  'awarded',
  'contracted',
  'failed',
] as const;
export const TenderStatus = z.enum(TENDER_STATUSES);
export type TenderStatus = z.infer<typeof TenderStatus>;

/** 评分权重 weights of the scoring table in points; they sum to 100. */
export const TenderWeights = z
  .object({
    price: z.number().int().min(0).max(100),
    technical: z.number().int().min(0).max(100),
    credit: z.number().int().min(0).max(100),
    performance: z.number().int().min(0).max(100),
  })
  .refine((w) => w.price + w.technical + w.credit + w.performance === 100, { message: 'WEIGHTS_NOT_100' });
export type TenderWeights = z.infer<typeof TenderWeights>;

/** 工程量清单 one line of the tender's bill of quantities (what is priced). */
export const BoqItem = z.object({ name: z.string(), spec: z.string(), unit: z.string(), quantity: z.number() });

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CreateTenderBody = z.object({
  demandId: Id,
  title: z.string().trim().min(4).max(100),
  mode: TenderMode,
  invitedOrgIds: z.array(Id).max(50).default([]),
  /** 投标截止时间 (ISO instant); at least the minimum bidding window after publication */
  deadline: z.iso.datetime({ offset: true }),
  description: z.string().trim().max(5000).default(''),
  weights: TenderWeights.default({ price: 50, technical: 30, credit: 10, performance: 10 }),
  /** working days the winner has to accept the award before it passes to the next bidder */
  awardResponseDays: z.number().int().min(1).max(20).default(3),
  /** 截止自动开标: open the bids at the deadline; false → the buyer opens them by hand */
  autoOpen: z.boolean().default(true),
  plannedStart: DateOnly.optional(),
  plannedEnd: DateOnly.optional(),
});
export type CreateTenderBody = z.input<typeof CreateTenderBody>;

/** 补遗 an addendum: changes the tender (new version); bidders must re-confirm. It may move the deadline later. */
export const AddendumBody = z.object({
  summary: z.string().trim().min(2).max(200),
  body: z.string().trim().min(2).max(5000),
  deadline: z.iso.datetime({ offset: true }).optional(),
});

/** 投标文件 a bid: the construction plan and a unit price for every line of the bill of quantities. */
export const BidBody = z.object({
  /** 施工组织设计 / 技术方案 */
  constructionPlan: z.string().trim().min(10).max(20_000),
  /** 资质文件: the platform-verified certificate numbers the bidder relies on */
  qualificationNumbers: z.array(z.string().trim().min(1).max(50)).max(10).default([]),
  /** unit prices in fen, one per bill line, in the tender's order */
  unitPricesFen: z.array(z.number().int().min(0).max(1e12)).min(1).max(200),
  /** the tender version the bidder has read (补遗 included) */
  tenderVersion: z.number().int().min(1),
});
export type BidBody = z.input<typeof BidBody>;

export const ConfirmBody = z.object({ tenderVersion: z.number().int().min(1) });
export const EvaluatorBody = z.object({ userId: Id });
export const ScoreBody = z.object({
  bidId: Id,
  /** 技术分 0–100 before weighting */
  score: z.number().int().min(0).max(100),
  note: z.string().trim().max(500).default(''),
});
export const DeclineBody = z.object({ reason: z.string().trim().min(2).max(500) });
export const TenderContractBody = z.object({
  kind: ContractKind.optional(),
  /** the template fields the award cannot fill (dispute venue, payment terms …) */
  variables: ContractVariables.default({}),
});

export const TenderParams = z.object({ orgId: Id, tenderId: Id });
export const TenderListQuery = z.object({ scope: z.enum(['mine', 'market']).default('mine') });

export const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

export const TenderAddendum = z.object({
  versionNo: z.number().int(),
  summary: z.string(),
  body: z.string(),
  deadline: z.iso.datetime(),
  sha256: z.string(),
  evidenceIndex: z.number().int(),
  createdAt: z.iso.datetime(),
});

/** 回执 what the bidder gets back: the hash of the sealed envelope, logged as evidence. */
export const BidReceipt = z.object({
  bidId: Id,
  status: z.enum(['submitted', 'withdrawn']),
  revision: z.number().int(),
  envelopeSha256: z.string(),
  evidenceIndex: z.number().int().nullable(),
  confirmedVersion: z.number().int(),
  needsReconfirmation: z.boolean(),
  submittedAt: z.iso.datetime(),
});

export const OpenedBid = z.object({
  bidId: Id,
  bidderOrgId: Id,
  bidderName: z.string(),
  envelopeSha256: z.string(),
  valid: z.boolean(),
  /** why a bid is not evaluated (未确认补遗, 资格预审未通过 …) */
  invalidReason: Bilingual.nullable(),
  totalFen: z.number().int().nullable(),
  unitPricesFen: z.array(z.number().int()).nullable(),
  constructionPlan: z.string().nullable(),
  qualificationNumbers: z.array(z.string()),
});

export const ScoreRow = z.object({
  bidId: Id,
  bidderName: z.string(),
  totalFen: z.number().int(),
  /** points with two decimals, as integers ×100 */
  price: z.number().int(),
  technical: z.number().int(),
  credit: z.number().int(),
  performance: z.number().int(),
  total: z.number().int(),
  rank: z.number().int(),
  technicalByEvaluator: z.array(z.object({ evaluatorName: z.string(), score: z.number().int().nullable() })),
});

export const ScoreEntry = z.object({
  bidId: Id,
  evaluatorName: z.string(),
  score: z.number().int(),
  note: z.string(),
  createdAt: z.iso.datetime(),
});

export const Award = z.object({
  id: Id,
  rank: z.number().int(),
  bidId: Id,
  bidderOrgId: Id,
  bidderName: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['offered', 'accepted', 'declined', 'lapsed']),
  offeredAt: z.iso.datetime(),
  respondBy: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
  reason: z.string().nullable(),
});

export const Tender = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  demandId: Id,
  title: z.string(),
  projectName: z.string(),
  mode: TenderMode,
  status: TenderStatus,
  version: z.number().int(),
  deadline: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  description: z.string(),
  items: z.array(BoqItem),
  budgetFen: z.number().int(),
  qualification: z.object({ kind: z.string(), grade: z.string() }),
  weights: z.object({ price: z.number(), technical: z.number(), credit: z.number(), performance: z.number() }),
  awardResponseDays: z.number().int(),
  autoOpen: z.boolean(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  publishedSha256: z.string().nullable(),
  addenda: z.array(TenderAddendum),
  /** what the viewer is to this tender */
  viewerRole: z.enum(['buyer', 'bidder']),
  /** the buyer only: invited organisations */
  invited: z.array(z.object({ orgId: Id, orgName: z.string() })),
  /** bidders only: their own receipt */
  myBid: BidReceipt.nullable(),
  /** 开标记录, after opening */
  opening: z
    .object({
      openedAt: z.iso.datetime(),
      sha256: z.string(),
      evidenceIndex: z.number().int(),
      bids: z.array(OpenedBid),
    })
    .nullable(),
  /** the buyer: bids are counted only after opening (before, even the count is sealed) */
  evaluators: z.array(z.object({ userId: Id, name: z.string() })),
  evaluation: z
    .object({
      finalisedAt: z.iso.datetime().nullable(),
      sha256: z.string().nullable(),
      evidenceIndex: z.number().int().nullable(),
      rows: z.array(ScoreRow),
      history: z.array(ScoreEntry),
    })
    .nullable(),
  awards: z.array(Award),
  contractId: Id.nullable(),
  /** the contract template an award becomes by default: 采购合同 for procurement, else 分包合同 */
  defaultContractKind: ContractKind,
  /** the viewer may enter technical scores */
  viewerIsEvaluator: z.boolean(),
  dbNow: z.iso.datetime(),
});
export type Tender = z.infer<typeof Tender>;

export const TenderSummary = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  title: z.string(),
  projectName: z.string(),
  mode: TenderMode,
  status: TenderStatus,
  version: z.number().int(),
  deadline: z.iso.datetime(),
  viewerRole: z.enum(['buyer', 'bidder']),
  myBidStatus: z.enum(['submitted', 'withdrawn', 'needs_reconfirmation']).nullable(),
});
export const TenderList = z.object({ items: z.array(TenderSummary), minBiddingSeconds: z.number().int() });

/** 预审报告 prequalification of one bidder against the tender's requirement. */
export const PrequalCheck = z.object({
  key: z.enum(['qualification', 'credit', 'performance', 'verification']),
  passed: z.boolean(),
  detail: Bilingual,
});
export const PrequalReport = z.object({
  tenderId: Id,
  bidderOrgId: Id,
  bidderName: z.string(),
  requirement: z.object({ kind: z.string(), grade: z.string() }),
  checkedAt: z.iso.datetime(),
  checks: z.array(PrequalCheck),
  creditGrade: z.string().nullable(),
  signedContracts: z.number().int(),
  result: z.enum(['passed', 'failed']),
  reasons: z.array(Bilingual),
});
export type PrequalReport = z.infer<typeof PrequalReport>;
export const PrequalReportList = z.object({ items: z.array(PrequalReport) });
export const PrequalQuery = z.object({ bidderOrgId: Id.optional() });

/** 信用等级 organisation credit grades (the full five-dimension rating comes later). */
export const CREDIT_GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;
export const CreditGrade = z.enum(CREDIT_GRADES);
export type CreditGrade = z.infer<typeof CreditGrade>;
export const SetCreditGradeBody = z.object({ grade: CreditGrade, source: z.string().trim().min(2).max(200) });
export const CreditGradeParams = z.object({ gradedOrgId: Id });
export const CreditGradeView = z.object({
  orgId: Id,
  grade: CreditGrade,
  assessedAt: z.iso.datetime(),
  source: z.string(),
});
