import { z } from 'zod';
import { Id } from './common';

const PositiveFen = z
  .number({ message: 'AMOUNT_POSITIVE' })
  .int({ message: 'AMOUNT_POSITIVE' })
  .min(1, { message: 'AMOUNT_POSITIVE' })
  .max(1e13, { message: 'AMOUNT_POSITIVE' });
const Text = (max: number) =>
  z.string().trim().min(2, { message: 'TEXT_REQUIRED' }).max(max, { message: 'TEXT_TOO_LONG' });

/**
 * 先行赔付理赔 a claim on the risk reserve: `pending` until a second finance staff member approves the payout
 * (dual control), then `paid`; recoveries move it to `partially_recovered` and `recovered`. `rejected` when the
 * checker refuses.
 */
export const RESERVE_CLAIM_STATUSES = ['pending', 'paid', 'partially_recovered', 'recovered', 'rejected'] as const;
export const ReserveClaimStatus = z.enum(RESERVE_CLAIM_STATUSES);
export type ReserveClaimStatus = z.infer<typeof ReserveClaimStatus>;

export const OpenReserveClaimBody = z
  .object({
    /** the organisation that suffered the loss and receives the compensation in its wallet */
    orgId: Id,
    contractId: Id.optional(),
    /** what the platform did wrong, as established */
    cause: Text(500),
    lossFen: PositiveFen,
    /** 赔付金额 at most the loss */
    amountFen: PositiveFen,
  })
  .refine((b) => b.amountFen <= b.lossFen, { message: 'RESERVE_AMOUNT_ABOVE_LOSS', path: ['amountFen'] });
export type OpenReserveClaimBody = z.infer<typeof OpenReserveClaimBody>;

export const ReserveClaimParams = z.object({ claimId: Id });
export const DecideReserveClaimBody = z.object({ reason: z.string().trim().max(300).optional() });
export const RejectReserveClaimBody = z.object({ reason: Text(300) });

/** 追偿 money recovered from whoever caused the loss (or their insurer), back into the reserve. */
export const RecordRecoveryBody = z.object({
  amountFen: PositiveFen,
  /** from whom */
  source: Text(100),
  note: z.string().trim().max(300).optional(),
});

export const ReserveRecovery = z.object({
  id: Id,
  amountFen: z.number().int(),
  source: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
});

export const ReserveClaim = z.object({
  id: Id,
  claimNo: z.string(),
  orgId: Id,
  orgName: z.string(),
  contractId: Id.nullable(),
  cause: z.string(),
  lossFen: z.number().int(),
  amountFen: z.number().int(),
  recoveredFen: z.number().int(),
  status: ReserveClaimStatus,
  openedBy: z.string(),
  openedAt: z.iso.datetime(),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  /** the dual-control request the payout waits on */
  requestId: Id,
  /** the ledger transfer reserve → wallet, once paid */
  payoutTransferId: Id.nullable(),
  recoveries: z.array(ReserveRecovery),
});
export type ReserveClaim = z.infer<typeof ReserveClaim>;

/** 风险准备金 the reserve's figures, all from the ledger and the claims. */
export const ReserveOverview = z.object({
  balanceFen: z.number().int(),
  provisionedFen: z.number().int(),
  paidOutFen: z.number().int(),
  recoveredFen: z.number().int(),
  pendingFen: z.number().int(),
  claims: z.array(ReserveClaim),
});
export type ReserveOverview = z.infer<typeof ReserveOverview>;
