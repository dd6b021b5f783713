import { z } from 'zod';
import { Id } from './common';

/** 施工执行 execution and 验收结算 settlement of a signed contract. Money in fen, percentages in basis points. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE_INVALID' });
const Bp = z.number().int().min(0).max(10_000);
const Fen = z.number().int().min(0, { message: 'AMOUNT_INVALID' });
/** quantities in thousandths of the unit (0.001 m³), so sums and products stay exact integers */
const QuantityMilli = z.number().int().min(0).max(1_000_000_000_000);
const Text = (max: number) => z.string().trim().max(max);

export const ExecutionParams = z.object({ orgId: Id, contractId: Id });
export const ExecutionLogParams = z.object({ orgId: Id, contractId: Id, logId: Id });
export const ExecutionPhotoParams = z.object({ orgId: Id, contractId: Id, photoId: Id });
export const SettlementParams = z.object({ orgId: Id, contractId: Id, settlementId: Id });

export const MilestoneInput = z.object({
  title: Text(100).min(1, { message: 'TEXT_REQUIRED' }),
  deliverables: Text(1000).default(''),
  dueDate: IsoDate,
  /** 付款比例 share of the contract amount paid at this milestone */
  shareBp: z.number().int().min(1).max(10_000),
});

export const BoqLineInput = z.object({
  code: Text(40).min(1, { message: 'TEXT_REQUIRED' }),
  name: Text(200).min(1, { message: 'TEXT_REQUIRED' }),
  unit: Text(20).min(1, { message: 'TEXT_REQUIRED' }),
  quantityMilli: QuantityMilli,
  unitPriceFen: Fen,
});

export const CurvePoint = z.object({ date: IsoDate, percentBp: Bp });

export const SetPlanBody = z.object({
  startDate: IsoDate,
  retentionBp: Bp,
  advanceBp: Bp,
  labourShareBp: Bp,
  /** 履约保证金 bond, required (5–10%) when the advance is over 30% */
  bondBp: Bp.nullable().default(null),
  milestones: z.array(MilestoneInput).min(1).max(50),
  boqLines: z.array(BoqLineInput).min(1).max(500),
  /** 计划进度曲线; when empty, the cumulative milestone shares at their due dates */
  plannedCurve: z.array(CurvePoint).max(200).default([]),
});

export const Milestone = z.object({
  id: Id,
  seq: z.number().int(),
  title: z.string(),
  deliverables: z.string(),
  dueDate: z.string(),
  shareBp: z.number().int(),
  amountFen: z.number().int(),
  /** 进度完成日 the first log date at which actual progress reached this milestone's cumulative share */
  completedOn: z.string().nullable(),
  /** 延误天数 days past the due date (to completion, or to today while open) */
  delayDays: z.number().int(),
  settlementStatus: z.string().nullable(),
});

export const BoqLine = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  quantityMilli: z.number().int(),
  unitPriceFen: z.number().int(),
  amountFen: z.number().int(),
  /** cumulative quantity reported in construction logs */
  loggedMilli: z.number().int(),
});

export const ExecutionPlan = z.object({
  contractId: Id,
  contractTitle: z.string(),
  myRole: z.enum(['gc', 'payee', 'supervisor']),
  gcOrg: z.object({ id: Id, name: z.string() }),
  payeeOrg: z.object({ id: Id, name: z.string() }),
  supervisorOrg: z.object({ id: Id, name: z.string() }).nullable(),
  startDate: z.string(),
  contractAmountFen: z.number().int(),
  retentionBp: z.number().int(),
  advanceBp: z.number().int(),
  labourShareBp: z.number().int(),
  bondBp: z.number().int().nullable(),
  milestones: z.array(Milestone),
  boqLines: z.array(BoqLine),
  plannedCurve: z.array(CurvePoint),
  actualCurve: z.array(CurvePoint),
  lastLogDate: z.string().nullable(),
  createdAt: z.string(),
});

export const PlanDefaults = z.object({
  contractId: Id,
  contractTitle: z.string(),
  signed: z.boolean(),
  hasPlan: z.boolean(),
  amountFen: z.number().int().nullable(),
  advanceBp: z.number().int().nullable(),
  retentionBp: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const LogWorkItem = z.object({ lineId: Id, quantityMilli: QuantityMilli, note: Text(200).default('') });

export const CreateLogBody = z.object({
  logDate: IsoDate,
  workersOnSite: z.number().int().min(0).max(100_000),
  weather: Text(40).min(1, { message: 'TEXT_REQUIRED' }),
  issues: Text(2000).default(''),
  work: z.array(LogWorkItem).max(500).default([]),
  /** files uploaded to the author's organisation first (POST /api/orgs/:orgId/files) */
  photoFileIds: z.array(Id).max(20).default([]),
  /** the log this one revises after the GC asked for changes */
  revisesLogId: Id.optional(),
});

export const ReviewLogBody = z.object({
  decision: z.enum(['comment', 'request_changes', 'accept']),
  comment: Text(2000).min(1, { message: 'TEXT_REQUIRED' }),
});

export const LogPhoto = z.object({
  id: Id,
  name: z.string(),
  sha256: z.string(),
  /** 拍摄时间 from EXIF DateTimeOriginal, when present */
  takenAt: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  url: z.string(),
});

export const LogReview = z.object({
  id: Id,
  decision: z.enum(['comment', 'request_changes', 'accept']),
  comment: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const ConstructionLog = z.object({
  id: Id,
  logDate: z.string(),
  workersOnSite: z.number().int(),
  weather: z.string(),
  issues: z.string(),
  work: z.array(
    z.object({
      lineId: Id,
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      quantityMilli: z.number().int(),
      note: z.string(),
    }),
  ),
  status: z.enum(['submitted', 'changes_requested', 'accepted', 'revised']),
  revisesLogId: Id.nullable(),
  sha256: z.string(),
  evidenceIndex: z.number().int().nullable(),
  photos: z.array(LogPhoto),
  reviews: z.array(LogReview),
  createdAt: z.string(),
});
export const ConstructionLogList = z.object({ items: z.array(ConstructionLog) });

export const ExecutionContractList = z.object({
  items: z.array(
    z.object({
      contractId: Id,
      contractTitle: z.string(),
      myRole: z.enum(['gc', 'payee', 'supervisor']),
      counterpartyName: z.string(),
      hasPlan: z.boolean(),
      lastLogDate: z.string().nullable(),
      maxDelayDays: z.number().int(),
    }),
  ),
});

// ── 验收结算 settlement ──

export const InviteSupervisorBody = z.object({ supervisorOrgId: Id });

export const OpenSettlementBody = z.object({ milestoneId: Id });

export const ProposeQuantityBody = z.object({
  lineId: Id,
  quantityMilli: QuantityMilli,
  note: Text(500).default(''),
});

export const VoteQuantityBody = z.object({
  proposalId: Id,
  decision: z.enum(['confirm', 'dispute']),
  note: Text(500).default(''),
});

export const StatementBody = z.object({
  /** 变更 variations agreed during the milestone */
  variationsFen: Fen.default(0),
  /** 扣款 deductions (defects, penalties) */
  deductionsFen: Fen.default(0),
  note: Text(500).default(''),
});

export const PartyRoleSchema = z.enum(['gc', 'payee', 'supervisor']);

export const QuantityVote = z.object({
  orgId: Id,
  role: PartyRoleSchema,
  decision: z.enum(['confirm', 'dispute']),
  note: z.string(),
  createdAt: z.string(),
});

export const QuantityProposal = z.object({
  id: Id,
  lineId: Id,
  quantityMilli: z.number().int(),
  note: z.string(),
  proposedByRole: PartyRoleSchema,
  createdAt: z.string(),
  votes: z.array(QuantityVote),
  /** confirmed by all three parties */
  agreed: z.boolean(),
  /** a later proposal for the same line replaced it */
  superseded: z.boolean(),
});

export const StatementLine = z.object({
  lineId: Id,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  quantityMilli: z.number().int(),
  unitPriceFen: z.number().int(),
  amountFen: z.number().int(),
});

export const Statement = z.object({
  lines: z.array(StatementLine),
  quantitiesFen: z.number().int(),
  variationsFen: z.number().int(),
  deductionsFen: z.number().int(),
  /** 累计结算额 value settled to date */
  valueToDateFen: z.number().int(),
  /** 质保金 retention withheld to date */
  retentionToDateFen: z.number().int(),
  /** 已付款 released by earlier settlements */
  paidBeforeFen: z.number().int(),
  /** 本期应付 payable now */
  payableNowFen: z.number().int(),
  /** this period's gross value, its retention, and the labour share routed to the wage account */
  grossFen: z.number().int(),
  retentionFen: z.number().int(),
  labourFen: z.number().int(),
  note: z.string(),
});

export const SettlementSignature = z.object({
  orgId: Id,
  role: PartyRoleSchema,
  signerName: z.string(),
  signedAt: z.string(),
});

/**
 * 平台签章 the platform's automatic seal, added after the three parties' signatures (ADR 0126): it attests that the
 * statement was signed by the three parties on the platform and not changed since, not the quantities or amounts.
 */
export const PlatformSeal = z.object({
  orgName: z.string(),
  sealedAt: z.string(),
  /** SHA-256 of the platform seal certificate (issued by the platform CA) */
  certSha256: z.string(),
});

export const Settlement = z.object({
  id: Id,
  contractId: Id,
  milestoneId: Id,
  milestoneTitle: z.string(),
  status: z.enum(['measuring', 'statement', 'signed', 'released']),
  myRole: PartyRoleSchema,
  proposals: z.array(QuantityProposal),
  disputes: z.number().int(),
  allAgreed: z.boolean(),
  statement: Statement.nullable(),
  statementSha256: z.string().nullable(),
  signatures: z.array(SettlementSignature),
  signedSha256: z.string().nullable(),
  evidenceIndex: z.number().int().nullable(),
  platformSeal: PlatformSeal.nullable(),
  releaseError: z.string().nullable(),
  releasedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const SettlementList = z.object({ items: z.array(Settlement) });
