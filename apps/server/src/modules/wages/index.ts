export type { WageMonthRecorded } from './wages.events';
export { createWagesModule } from './wages.module';
export { closeWageMonth, firstWorkingDayOfMonth, runWageRule, wageMonthsOf } from './wages.service';
