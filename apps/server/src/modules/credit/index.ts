export { creditErrors } from './credit.errors';
export { creditRoutes } from './credit.routes';
export { type CreditGradeInfo, creditGradeOf, setCreditGrade } from './credit.service';
