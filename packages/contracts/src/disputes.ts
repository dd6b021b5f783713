import { z } from 'zod';

/** 纠纷 dispute schemas (SERV-1). Amounts are integer fen. */
const Fen = z.number().int();

export const DISPUTE_TYPES = ['payment', 'quality', 'schedule', 'other'] as const;
/** 纠纷类型: 款项 payment, 质量 quality, 工期 schedule, 其他 other */
export const DisputeType = z.enum(DISPUTE_TYPES);
export const DISPUTE_STATUSES = ['filed', 'mediation', 'arbitration', 'external', 'resolved', 'withdrawn'] as const;
export const DisputeStatus = z.enum(DISPUTE_STATUSES);
export const DisputeOutcome = z.enum(['claimant', 'respondent', 'split', 'withdrawn']);

export const DisputeParams = z.object({ orgId: z.uuid(), disputeId: z.uuid() });
export const StaffDisputeParams = z.object({ disputeId: z.uuid() });

export const FileDisputeBody = z.object({
  subject: z.object({ kind: z.literal('contract'), id: z.uuid() }),
  type: DisputeType,
  /** null when the dispute is not about money */
  amountInDisputeFen: Fen.positive().nullable(),
  claim: z.string().trim().min(10).max(4000),
  /** files already uploaded by the claimant's organisation (/api/orgs/:orgId/files) */
  evidenceFileIds: z.array(z.uuid()).max(20).default([]),
  /** ask for the disputed amount to be held in the contract's escrow until the decision */
  holdInEscrow: z.boolean().default(false),
});
export type FileDisputeBody = z.infer<typeof FileDisputeBody>;

export const DisputeMessageBody = z.object({ body: z.string().trim().min(1).max(4000) });

export const MediationResultBody = z.discriminatedUnion('result', [
  z.object({ result: z.literal('failed'), note: z.string().trim().min(2).max(2000) }),
  z.object({
    result: z.literal('settled'),
    note: z.string().trim().min(2).max(2000),
    /** what the parties agreed the claimant receives (money disputes) */
    awardedToClaimantFen: Fen.nonnegative().nullable(),
    outcome: z.enum(['claimant', 'respondent', 'split']),
  }),
]);
export type MediationResultBody = z.infer<typeof MediationResultBody>;

export const ArbitrationVoteBody = z.object({
  outcome: z.enum(['claimant', 'respondent', 'split']),
  awardedToClaimantFen: Fen.nonnegative().nullable(),
  reasons: z.string().trim().min(10).max(4000),
});
export type ArbitrationVoteBody = z.infer<typeof ArbitrationVoteBody>;

export const DisputeEvidence = z.object({
  id: z.string(),
  side: z.enum(['claimant', 'respondent']),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  evidenceIndex: z.number().int(),
  fileUrl: z.string(),
  createdAt: z.iso.datetime(),
});

export const DisputeMessage = z.object({
  id: z.string(),
  side: z.enum(['claimant', 'respondent', 'platform']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});

export const DisputeClock = z.object({
  /** ISO instant the step is due */
  dueAt: z.iso.datetime(),
  /** ISO instant the step was done, null while open */
  doneAt: z.iso.datetime().nullable(),
  breached: z.boolean(),
});

export const DisputeVote = z.object({
  arbitratorName: z.string(),
  outcome: z.enum(['claimant', 'respondent', 'split']),
  awardedToClaimantFen: Fen.nullable(),
  reasons: z.string(),
  createdAt: z.iso.datetime(),
});

export const Dispute = z.object({
  id: z.string(),
  caseNo: z.string(),
  subject: z.object({ kind: z.literal('contract'), id: z.string(), title: z.string() }),
  type: DisputeType,
  status: DisputeStatus,
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  claimant: z.object({ orgId: z.string(), orgName: z.string() }),
  respondent: z.object({ orgId: z.string(), orgName: z.string() }),
  /** which side the viewer's organisation is on; null for platform staff */
  viewerSide: z.enum(['claimant', 'respondent']).nullable(),
  amountInDisputeFen: Fen.nullable(),
  contractAmountFen: Fen,
  claim: z.string(),
  heldFen: Fen,
  filedAt: z.iso.datetime(),
  team: z.object({
    ownerName: z.string().nullable(),
    specialistName: z.string().nullable(),
    clock: DisputeClock,
  }),
  mediation: z.object({ clock: DisputeClock, note: z.string().nullable() }),
  arbitrators: z.array(z.string()),
  votes: z.array(DisputeVote),
  outcome: DisputeOutcome.nullable(),
  awardedToClaimantFen: Fen.nullable(),
  decisionReasons: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionPdfUrl: z.string().nullable(),
  external: z.object({ institution: z.string(), reference: z.string(), manifestSha256: z.string() }).nullable(),
  /** working days from filing to decision (or until now) */
  cycleWorkingDays: z.number(),
  evidence: z.array(DisputeEvidence),
  messages: z.array(DisputeMessage),
});
export type Dispute = z.infer<typeof Dispute>;

export const DisputeSummary = Dispute.pick({
  id: true,
  caseNo: true,
  subject: true,
  type: true,
  status: true,
  level: true,
  claimant: true,
  respondent: true,
  viewerSide: true,
  amountInDisputeFen: true,
  heldFen: true,
  filedAt: true,
  team: true,
  mediation: true,
  outcome: true,
  cycleWorkingDays: true,
});
export const DisputeList = z.object({ items: z.array(DisputeSummary) });

export const DisputeBoard = z.object({
  items: z.array(DisputeSummary),
  /** average working days from filing to decision over decided cases (target ≤ 7) */
  averageCycleWorkingDays: z.number().nullable(),
  breaches: z.number().int(),
});

/** 案例公示 an anonymised published result: no organisation or person names. */
export const DisputeDigest = z.object({
  caseNo: z.string(),
  type: DisputeType,
  level: z.number().int(),
  outcome: DisputeOutcome,
  amountInDisputeFen: Fen.nullable(),
  awardedToClaimantFen: Fen.nullable(),
  summary: z.string(),
  decidedAt: z.iso.datetime(),
});
export const DisputeDigestList = z.object({ items: z.array(DisputeDigest) });
