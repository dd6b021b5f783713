export { feeErrors } from './fees.errors';
export { createFeesModule } from './fees.module';
export {
  type ChargeInput,
  creditCharge,
  issueReceipts,
  openChargesOf,
  orgFees,
  recordCharge,
  seedUserCounter,
} from './fees.service';
