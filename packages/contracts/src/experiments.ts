import { z } from 'zod';
import { Id } from './common';

/** 随机化单位 what an experiment randomises: users, or organisations (B2B changes: one answer per firm) */
export const EXPERIMENT_UNITS = ['user', 'organisation'] as const;
export const ExperimentUnit = z.enum(EXPERIMENT_UNITS);
export type ExperimentUnit = z.infer<typeof ExperimentUnit>;

/** draft → running → stopped | shipped (a shipped experiment serves its variant to everyone: a feature flag) */
export const EXPERIMENT_STATUSES = ['draft', 'running', 'stopped', 'shipped'] as const;
export const ExperimentStatus = z.enum(EXPERIMENT_STATUSES);
export type ExperimentStatus = z.infer<typeof ExperimentStatus>;

/** 投放位置 where in the product a variant shows; one running experiment per surface */
export const EXPERIMENT_SURFACES = ['demand_form'] as const;
export const ExperimentSurface = z.enum(EXPERIMENT_SURFACES);
export type ExperimentSurface = z.infer<typeof ExperimentSurface>;

const Key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,47}$/, 'lower-case letters, digits and hyphens, up to 48 characters');
/** a product event name, `<object>.<past-tense verb>` */
const MetricName = z
  .string()
  .trim()
  .regex(/^[a-z_]+\.[a-z_]+$/, 'a product event name such as demand.published');

export const ExperimentVariant = z.object({
  key: Key,
  name: z.string().trim().min(1).max(40),
  /** share of units in percent; the variants' weights sum to 100 */
  weight: z.number().int().min(0).max(100),
  /** what the surface shows for this variant (the demand form: its guidance text); empty = the default */
  content: z.string().trim().max(500).default(''),
});
export type ExperimentVariant = z.infer<typeof ExperimentVariant>;

export const CreateExperimentBody = z.object({
  key: Key,
  name: z.string().trim().min(1).max(80),
  hypothesis: z.string().trim().min(1).max(1000),
  unit: ExperimentUnit,
  surface: ExperimentSurface,
  /** the first variant is the control */
  variants: z.array(ExperimentVariant).min(2).max(5),
  goalMetric: MetricName,
  guardrailMetrics: z.array(MetricName).max(5).default([]),
  /** 全量阈值 the smallest relative lift worth shipping, in percent (seed: ship when click-through rises 12%) */
  shipThresholdPercent: z.number().min(0).max(1000).default(0),
});
export type CreateExperimentBody = z.input<typeof CreateExperimentBody>;

export const ExperimentStatusBody = z.discriminatedUnion('status', [
  z.object({ status: z.literal('running') }),
  z.object({ status: z.literal('stopped') }),
  z.object({ status: z.literal('shipped'), variant: Key }),
]);
export type ExperimentStatusBody = z.input<typeof ExperimentStatusBody>;

export const Experiment = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  hypothesis: z.string(),
  unit: ExperimentUnit,
  surface: ExperimentSurface,
  variants: z.array(ExperimentVariant),
  goalMetric: z.string(),
  guardrailMetrics: z.array(z.string()),
  shipThresholdPercent: z.number(),
  status: ExperimentStatus,
  shippedVariant: z.string().nullable(),
  startedAt: z.iso.datetime().nullable(),
  stoppedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** units exposed so far */
  units: z.number().int(),
});
export type Experiment = z.infer<typeof Experiment>;
export const ExperimentList = z.object({ items: z.array(Experiment) });
export type ExperimentList = z.infer<typeof ExperimentList>;
export const ExperimentParams = z.object({ experimentId: Id });

export const AssignmentBody = z.object({ surface: ExperimentSurface });
export type AssignmentBody = z.input<typeof AssignmentBody>;
export const Assignment = z.object({
  surface: ExperimentSurface,
  /** null when nothing runs or has shipped on the surface */
  experimentKey: z.string().nullable(),
  variant: z.string().nullable(),
  content: z.string(),
  /** true when this call counted the unit in a running experiment (first exposure, or again) */
  inExperiment: z.boolean(),
});
export type Assignment = z.infer<typeof Assignment>;

const Interval = z.tuple([z.number(), z.number()]);

export const MetricComparison = z.object({
  variant: z.string(),
  controlMean: z.number(),
  treatmentMean: z.number(),
  /** relative lift; null when the control's mean is 0 or a side has under two units */
  lift: z.number().nullable(),
  interval: Interval.nullable(),
  pValue: z.number().nullable(),
  sequentialInterval: Interval.nullable(),
  sequentialPValue: z.number().nullable(),
  varianceReduction: z.number(),
});
export type MetricComparison = z.infer<typeof MetricComparison>;

export const DECISIONS = ['ship', 'keep_running', 'stop'] as const;
export const DECISION_REASONS = [
  'sample_ratio_mismatch',
  'too_few_units',
  'guardrail_harmed',
  'goal_improved',
  'goal_harmed',
  'below_threshold',
  'inconclusive',
] as const;

export const ExperimentResults = z.object({
  experiment: Experiment,
  window: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), preFrom: z.iso.datetime() }),
  /** significance level per comparison (5% split over the treatments) */
  alpha: z.number(),
  variants: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number(), units: z.number().int() })),
  srm: z.object({ chiSquare: z.number(), pValue: z.number(), mismatch: z.boolean() }),
  metrics: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['goal', 'guardrail']),
      means: z.array(z.object({ variant: z.string(), mean: z.number(), units: z.number().int() })),
      comparisons: z.array(MetricComparison),
    }),
  ),
  recommendation: z.object({
    decision: z.enum(DECISIONS),
    reason: z.enum(DECISION_REASONS),
    variant: z.string().nullable(),
    metric: z.string().nullable(),
  }),
  minUnitsPerVariant: z.number().int(),
});
export type ExperimentResults = z.infer<typeof ExperimentResults>;
