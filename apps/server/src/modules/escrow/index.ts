export { type BankAdapter, fenToYuan, SimulatedBank, setBankAdapter, yuanToFen } from './escrow.bank';
export { escrowErrors } from './escrow.errors';
export {
  assertWorkMayStart,
  fundEscrowByDeposit,
  openContractEscrow,
  PLATFORM_FEE_BPS,
  postBondByDeposit,
  RISK_RESERVE_BPS,
  releaseMilestone,
  releaseRetention,
  setPaymentSchedule,
} from './escrow.lifecycle';
export { freezeOverdueEscrows, OVERDUE_FREEZE_DAYS, registerEscrowJobs, requestUnfreeze } from './escrow.overdue';
export { requestPayout } from './escrow.payouts';
export { type EscrowStatus, escrowStatus, isEscrowParty, releasedFenByContract } from './escrow.queries';
export { importStatement } from './escrow.reconciliation';
export { escrowRoutes } from './escrow.routes';
export { verifyMoney } from './escrow.verify';
export { walletOf, walletStatementCsv } from './escrow.wallet';
