export { type BankAdapter, fenToYuan, SimulatedBank, setBankAdapter, yuanToFen } from './escrow.bank';
export { escrowErrors } from './escrow.errors';
export { freezeOverdueEscrows, OVERDUE_FREEZE_DAYS, registerEscrowJobs, requestUnfreeze } from './escrow.overdue';
export { requestPayout } from './escrow.payouts';
export { importStatement } from './escrow.reconciliation';
export { escrowRoutes } from './escrow.routes';
export {
  assertWorkMayStart,
  type EscrowStatus,
  escrowStatus,
  fundEscrowByDeposit,
  isEscrowParty,
  openContractEscrow,
  PLATFORM_FEE_BPS,
  postBondByDeposit,
  RISK_RESERVE_BPS,
  releasedFenByContract,
  releaseMilestone,
  releaseRetention,
  setPaymentSchedule,
} from './escrow.service';
export { verifyMoney } from './escrow.verify';
export { walletOf, walletStatementCsv } from './escrow.wallet';
