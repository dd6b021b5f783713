export { type BankAdapter, fenToYuan, SimulatedBank, yuanToFen } from './escrow.bank';
export { escrowBoardFacts } from './escrow.board.repository';
export { holdForDispute, settleDisputeHold } from './escrow.disputes';
export { escrowErrors } from './escrow.errors';
export type { MilestoneReleased } from './escrow.events';
export { escrowHome, escrowStaffHome } from './escrow.home.repository';
export {
  acceptBondPolicy,
  assertWorkMayStart,
  fundEscrowByDeposit,
  openContractEscrow,
  postBondByDeposit,
  RISK_RESERVE_BPS,
  releaseMilestone,
  releaseRetention,
  setPaymentSchedule,
} from './escrow.lifecycle';
export { createEscrowModule } from './escrow.module';
export { freezeOverdueEscrows, OVERDUE_FREEZE_DAYS, requestUnfreeze } from './escrow.overdue';
export { requestPayout } from './escrow.payouts';
export {
  type EscrowStatus,
  escrowStatus,
  type FinanceableAsset,
  financeableAssets,
  isEscrowParty,
  paymentFacts,
  payoutsSince,
  releasedFenByContract,
  wagePayouts,
} from './escrow.queries';
export { importStatement } from './escrow.reconciliation';
export { verifyMoney } from './escrow.verify';
export { walletOf, walletStatementCsv } from './escrow.wallet';
