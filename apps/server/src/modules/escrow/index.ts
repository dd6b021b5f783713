export { type BankAdapter, fenToYuan, SimulatedBank, setBankAdapter, yuanToFen } from './escrow.bank';
export { holdForDispute, settleDisputeHold } from './escrow.disputes';
export { escrowErrors } from './escrow.errors';
export { createEscrowModule } from './escrow.module';
export {
  assertWorkMayStart,
  type EscrowStatus,
  escrowStatus,
  freezeOverdueEscrows,
  fundEscrowByDeposit,
  importStatement,
  isEscrowParty,
  OVERDUE_FREEZE_DAYS,
  openContractEscrow,
  PLATFORM_FEE_BPS,
  postBondByDeposit,
  RISK_RESERVE_BPS,
  releasedFenByContract,
  releaseMilestone,
  releaseRetention,
  requestPayout,
  requestUnfreeze,
  setPaymentSchedule,
  verifyMoney,
  walletOf,
  walletStatementCsv,
} from './escrow.service';
