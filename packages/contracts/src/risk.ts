import { z } from 'zod';
import { Id } from './common';

/** 风险预警类型 what fired a warning (RISK-1) or the early-warning model (RISK-2). */
export const RISK_WARNING_TYPES = [
  'frequent_amendments',
  'log_suspension',
  'milestone_delay',
  'early_delay',
  'large_payout_new_account',
  'round_tripping',
  /** 融资逾期 a supply-chain finance loan past its due date (finance module) */
  'finance_overdue',
  /** 欠薪 a month with workers on site and no payout from the wage account (wages module, FUND-5) */
  'wage_unpaid',
] as const;
export const RiskWarningType = z.enum(RISK_WARNING_TYPES);
export type RiskWarningType = z.infer<typeof RiskWarningType>;

export const RISK_SEVERITIES = ['low', 'medium', 'high'] as const;
export const RiskSeverity = z.enum(RISK_SEVERITIES);
export type RiskSeverity = z.infer<typeof RiskSeverity>;

/** open → acknowledged → resolved, or false_alarm from open or acknowledged. */
export const RISK_STATES = ['open', 'acknowledged', 'resolved', 'false_alarm'] as const;
export const RiskState = z.enum(RISK_STATES);
export type RiskState = z.infer<typeof RiskState>;

/** 招标红旗 DOZORRO-style red flags of a tender (RISK-3). */
export const TENDER_RED_FLAGS = [
  'single_bidder',
  'price_near_estimate',
  'captive_supplier',
  'identical_bids',
  'short_period',
  'repeated_retender',
] as const;
export const TenderRedFlag = z.enum(TENDER_RED_FLAGS);
export type TenderRedFlag = z.infer<typeof TenderRedFlag>;

const Text = z.object({ 'zh-CN': z.string(), en: z.string() });

/** The facts that fired a warning, and links to where they can be seen. */
export const RiskEvidence = z.object({
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  links: z.array(z.object({ label: Text, href: z.string() })),
});
export type RiskEvidence = z.infer<typeof RiskEvidence>;

export const RiskTransitionView = z.object({
  from: RiskState.nullable(),
  to: RiskState,
  actorKind: z.enum(['party', 'staff', 'system']),
  note: z.string(),
  at: z.iso.datetime(),
});

export const RiskWarningView = z.object({
  id: Id,
  type: RiskWarningType,
  severity: RiskSeverity,
  state: RiskState,
  subject: z.object({ kind: z.enum(['contract', 'milestone', 'org', 'payout', 'wage_month']), id: z.string() }),
  contractId: Id.nullable(),
  title: Text,
  summary: Text,
  evidence: RiskEvidence,
  /** the party expected to act on it */
  ownerOrgId: Id.nullable(),
  ownerOrgName: z.string().nullable(),
  partyOrgIds: z.array(Id),
  detectedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  transitions: z.array(RiskTransitionView),
});
export type RiskWarningView = z.infer<typeof RiskWarningView>;

export const RiskWarningList = z.object({ items: z.array(RiskWarningView) });

export const RiskWarningQuery = z.object({
  state: RiskState.optional(),
  type: RiskWarningType.optional(),
  contractId: Id.optional(),
});

export const RiskTransitionBody = z.object({
  to: z.enum(['acknowledged', 'resolved', 'false_alarm']),
  /** required when resolving or dismissing: what was done, or why it is not a risk */
  note: z.string().trim().max(1000).default(''),
});
export type RiskTransitionBody = z.infer<typeof RiskTransitionBody>;

export const OrgRiskWarningParams = z.object({ orgId: Id, warningId: Id });
export const StaffRiskWarningParams = z.object({ warningId: Id });
export const OrgTenderRiskParams = z.object({ orgId: Id, tenderId: Id });
export const StaffTenderRiskParams = z.object({ flaggedTenderId: Id });

export const TenderRedFlagView = z.object({
  flag: TenderRedFlag,
  label: Text,
  detail: Text,
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export const TenderRiskView = z.object({
  tenderId: Id,
  title: z.string(),
  buyerOrgId: Id,
  buyerName: z.string(),
  flags: z.array(TenderRedFlagView),
  computedAt: z.iso.datetime(),
});
export type TenderRiskView = z.infer<typeof TenderRiskView>;

export const RiskBoardView = z.object({
  counts: z.array(z.object({ type: RiskWarningType, state: RiskState, count: z.number() })),
  flagCounts: z.array(z.object({ flag: TenderRedFlag, count: z.number() })),
  warnings: z.array(RiskWarningView),
  tenders: z.array(TenderRiskView),
});
export type RiskBoardView = z.infer<typeof RiskBoardView>;

export const RiskScanResult = z.object({
  opened: z.number(),
  scannedContracts: z.number(),
  scannedTenders: z.number(),
});
