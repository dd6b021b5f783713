import { z } from 'zod';

/** 资金监管 escrow and wallet schemas (FUND-1 … FUND-5). Amounts are integer fen. */
const Fen = z.number().int();

export const EscrowParams = z.object({ orgId: z.uuid(), contractId: z.uuid() });
export const StaffEscrowParams = z.object({ contractId: z.uuid() });
export const StatementImportParams = z.object({ importId: z.uuid() });

export const EscrowTimelineEntry = z.object({
  at: z.iso.datetime(),
  kind: z.string(),
  amountFen: Fen.nullable(),
  detail: z.record(z.string(), z.string()),
});

export const EscrowScheduleItem = z.object({
  milestoneId: z.string(),
  title: z.string(),
  dueDate: z.string(),
  amountFen: Fen,
  status: z.enum(['scheduled', 'paid']),
  settlementId: z.string().nullable(),
  paidAt: z.iso.datetime().nullable(),
  overdueDays: z.number().int(),
});

export const EscrowRelease = z.object({
  releaseId: z.string(),
  contractId: z.string(),
  milestoneId: z.string(),
  settlementId: z.string(),
  grossFen: Fen,
  retentionFen: Fen,
  labourFen: Fen,
  feeFen: Fen,
  reserveFen: Fen,
  netFen: Fen,
});

export const EscrowStatus = z.object({
  contractId: z.string(),
  payerOrgId: z.string(),
  payeeOrgId: z.string(),
  contractAmountFen: Fen,
  advanceRatioPct: z.number().int(),
  retentionPct: z.number().int(),
  labourSharePct: z.number().int(),
  bondPct: z.number().int().nullable(),
  depositReference: z.string(),
  bondReference: z.string(),
  fundedFen: Fen,
  heldFen: Fen,
  releasedFen: Fen,
  retainedFen: Fen,
  labourWageFen: Fen,
  bondRequiredFen: Fen,
  bondPostedFen: Fen,
  /** 以保单替代现金保证金 the 履约保证险 policy accepted in place of the cash bond */
  bondPolicy: z
    .object({ policyId: z.string(), insurerOrgId: z.string(), insuredFen: Fen, acceptedAt: z.iso.datetime() })
    .nullable(),
  /** FUND-2: no bond required, the cash bond posted in full, or a policy in its place — work may start */
  bondSatisfied: z.boolean(),
  frozen: z.boolean(),
  frozenAt: z.iso.datetime().nullable(),
  frozenReason: z.string().nullable(),
  schedule: z.array(EscrowScheduleItem),
  expectedDeposits: z.array(
    z.object({
      purpose: z.enum(['escrow', 'bond']),
      milestoneId: z.string().nullable(),
      amountFen: Fen,
      status: z.enum(['open', 'matched']),
    }),
  ),
  releases: z.array(EscrowRelease),
  timeline: z.array(EscrowTimelineEntry),
});
export type EscrowStatus = z.infer<typeof EscrowStatus>;

export const WalletEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  code: z.string(),
  counterparty: z.string(),
  contractId: z.string().nullable(),
  inFen: Fen,
  outFen: Fen,
  /** balance after this entry */
  balanceFen: Fen,
});

export const WalletAccount = z.object({
  code: z.string(),
  kind: z.string(),
  contractId: z.string().nullable(),
  balanceFen: Fen,
  heldFen: Fen,
  availableFen: Fen,
});

export const Wallet = z.object({
  accounts: z.array(WalletAccount),
  entries: z.array(WalletEntry),
  payouts: z.array(
    z.object({
      id: z.string(),
      amountFen: Fen,
      beneficiaryName: z.string(),
      beneficiaryAccount: z.string(),
      status: z.enum(['pending', 'paid', 'failed']),
      bankReference: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type Wallet = z.infer<typeof Wallet>;

export const PayoutBody = z.object({
  amountFen: z.number().int().positive().max(1e13),
  beneficiaryName: z.string().trim().min(1).max(100),
  beneficiaryAccount: z
    .string()
    .trim()
    .regex(/^\d{8,30}$/),
  /** the client's id for this instruction; a repeat returns the first result */
  clientId: z.string().trim().min(8).max(80),
  /** 农民工工资 pay wages out of this contract's wage account instead of the wallet */
  wageAccountOfContractId: z.uuid().optional(),
});

export const StatementImportBody = z.object({
  filename: z.string().trim().min(1).max(200),
  csv: z.string().min(1).max(2_000_000),
});

export const ReconciliationLine = z.object({
  lineNo: z.number().int(),
  bankTxnId: z.string(),
  valueDate: z.string(),
  amountFen: Fen,
  payerName: z.string(),
  memo: z.string(),
  outcome: z.enum(['matched', 'unmatched', 'duplicate', 'invalid']),
  reason: z.string().nullable(),
  contractId: z.string().nullable(),
  purpose: z.enum(['escrow', 'bond']).nullable(),
});

export const StatementImportSummary = z.object({
  id: z.string(),
  filename: z.string(),
  createdAt: z.iso.datetime(),
  lineCount: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  duplicate: z.number().int(),
  invalid: z.number().int(),
});
export const StatementImportReport = StatementImportSummary.extend({ lines: z.array(ReconciliationLine) });
export type StatementImportReport = z.infer<typeof StatementImportReport>;

export const RiskCase = z.object({
  id: z.string(),
  contractId: z.string(),
  kind: z.string(),
  milestoneId: z.string().nullable(),
  detail: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});

/** 最近出款 a payout as finance staff see it: the account masked until one of them reveals it (audited). */
export const StaffPayout = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  amountFen: Fen,
  beneficiaryName: z.string(),
  beneficiaryAccount: z.string(),
  status: z.enum(['pending', 'paid', 'failed']),
  bankReference: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const RevealedPayoutAccount = z.object({ account: z.string() });

export const FinanceOverview = z.object({
  imports: z.array(StatementImportSummary),
  payouts: z.array(StaffPayout),
  riskCases: z.array(RiskCase),
  frozen: z.array(
    z.object({
      contractId: z.string(),
      payerOrgId: z.string(),
      payeeOrgId: z.string(),
      frozenAt: z.iso.datetime().nullable(),
      frozenReason: z.string().nullable(),
    }),
  ),
});
export type FinanceOverview = z.infer<typeof FinanceOverview>;

export const UnfreezeBody = z.object({ reason: z.string().trim().min(2).max(500) });
export const UnfreezeRequested = z.object({
  requestId: z.string(),
  status: z.literal('pending'),
  summary: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export const OverdueRunResult = z.object({ frozen: z.array(z.string()) });
