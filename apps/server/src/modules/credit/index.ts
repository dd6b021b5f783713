export { creditErrors } from './credit.errors';
export type { CreditRated, DisputeResolved } from './credit.events';
export { createCreditModule } from './credit.module';
export {
  type CreditGradeInfo,
  creditGradeOf,
  creditProfile,
  creditScoresOf,
  declaredTaxRecords,
  declareTaxYear,
  rateCounterparty,
  rateDiscountBp,
  recalculateMonth,
  requestCreditPolicyChange,
  requestCreditReview,
  setCreditGrade,
  type TaxRecordSource,
} from './credit.service';
