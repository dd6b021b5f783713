export { type BankAdapter, fenToYuan, SimulatedBank, setBankAdapter, yuanToFen } from './escrow.bank';
export { escrowErrors } from './escrow.errors';
export { requestPayout } from './escrow.payouts';
export { importStatement } from './escrow.reconciliation';
export { escrowRoutes } from './escrow.routes';
export {
  assertWorkMayStart,
  type EscrowStatus,
  escrowStatus,
  freezeOverdueEscrows,
  fundEscrowByDeposit,
  isEscrowParty,
  OVERDUE_FREEZE_DAYS,
  openContractEscrow,
  PLATFORM_FEE_BPS,
  postBondByDeposit,
  RISK_RESERVE_BPS,
  registerEscrowJobs,
  releasedFenByContract,
  releaseMilestone,
  releaseRetention,
  requestUnfreeze,
  setPaymentSchedule,
  verifyMoney,
} from './escrow.service';
export { walletOf, walletStatementCsv } from './escrow.wallet';
