import { z } from 'zod';
import { Id } from './common';

/** 承诺 the promises of the seeds measured on the promises board (SPEC §13). */
export const PROMISE_KEYS = [
  'demand_review',
  'merchant_feedback',
  'merchant_onboarding',
  'push',
  'signing',
  'dispute_team',
  'dispute_mediation',
  'dispute_cycle',
  'tickets_month',
  'finance_decision',
  'availability',
  'slow_alert',
  'procurement_saving',
  'matching_accuracy',
] as const;
export const PromiseKey = z.enum(PROMISE_KEYS);
export type PromiseKey = z.infer<typeof PromiseKey>;

/** kept 达成 · missed 未达成 · no_data 无数据 (nothing measured yet, or the data is not kept) · not_live 未上线 */
export const PromiseStatus = z.enum(['kept', 'missed', 'no_data', 'not_live']);
export type PromiseStatus = z.infer<typeof PromiseStatus>;

export const DurationUnit = z.enum(['working_days', 'hours', 'seconds']);

export const PromiseMonth = z.object({
  /** YYYY-MM on the Shanghai calendar */
  month: z.string(),
  /** cases measured (ended, or past their deadline) */
  cases: z.number().int(),
  /** share on time (clock rows) or the month's mean (value rows); null when nothing was measured */
  figure: z.number().nullable(),
});

export const PromiseRow = z.object({
  key: PromiseKey,
  /** clock: each case against its deadline; value: one figure against the promised value */
  kind: z.enum(['clock', 'value']),
  status: PromiseStatus,
  /** clock rows: the promised share on time (1 = every case); value rows: the promised value */
  target: z.number(),
  /** the measured share on time, or the measured value; null unless status is kept or missed */
  figure: z.number().nullable(),
  /** clock rows: the median duration of the cases that ended, in `unit` */
  median: z.number().nullable(),
  unit: DurationUnit.nullable(),
  cases: z.number().int(),
  breaches: z.number().int(),
  /** the last six months, oldest first */
  months: z.array(PromiseMonth),
  /** why there is no figure (not_live / no_data) */
  reason: z.string().nullable(),
});
export type PromiseRow = z.infer<typeof PromiseRow>;

export const PromiseCaseKind = z.enum([
  'demand_review',
  'merchant_application',
  'demand',
  'contract',
  'dispute',
  'ticket',
  'finance_application',
]);

/** 违约 one case that missed its promise (staff only): the case, its deadline and how late it is. */
export const PromiseBreach = z.object({
  key: PromiseKey,
  caseKind: PromiseCaseKind,
  caseId: Id,
  label: z.string(),
  startedAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  /** null: still open past its deadline */
  endedAt: z.iso.datetime().nullable(),
  /** the staff page of the case, when there is one */
  link: z.string().nullable(),
});
export type PromiseBreach = z.infer<typeof PromiseBreach>;

/** 承诺看板 (public): figures only, no cases and no organisation names. */
export const PublicPromiseBoard = z.object({
  computedAt: z.iso.datetime(),
  since: z.iso.datetime(),
  rows: z.array(PromiseRow),
});
export type PublicPromiseBoard = z.infer<typeof PublicPromiseBoard>;

export const StaffPromiseBoard = PublicPromiseBoard.extend({ breaches: z.array(PromiseBreach) });
export type StaffPromiseBoard = z.infer<typeof StaffPromiseBoard>;

export const StaffPromiseBoardQuery = z.object({ key: PromiseKey.optional() });
