export { feeErrors } from './fees.errors';
export { createFeesModule } from './fees.module';
export { type ChargeInput, issueReceipts, orgFees, recordCharge, seedUserCounter } from './fees.service';
