export { creditErrors } from './credit.errors';
export { createCreditModule } from './credit.module';
export { type CreditGradeInfo, creditGradeOf, setCreditGrade } from './credit.service';
