import {
  type Assignment,
  type CreateExperimentBody,
  CreateExperimentBody as CreateExperimentSchema,
  type Experiment,
  type ExperimentResults,
  type ExperimentStatusBody,
  type ExperimentSurface,
  type ExperimentVariant,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { eventCountsByActor } from '../analytics';
import { assignVariant } from './experiments.assignment';
import { experimentErrors } from './experiments.errors';
import * as repo from './experiments.repository';
import {
  addUnit,
  type Comparison,
  compareVariants,
  emptySample,
  recommend,
  sampleRatioMismatch,
  type VariantSample,
} from './experiments.statistics';

/** the pre-period CUPED reads: the same metric in the 28 days before the start */
export const PRE_PERIOD_DAYS = 28;
/** the rule keeps running below this many units in any variant */
export const MIN_UNITS_PER_VARIANT = 100;
/** 5% in total, split evenly over the treatments (Bonferroni) */
const FAMILY_ALPHA = 0.05;

export function presentExperiment(row: repo.ExperimentRow, units: number): Experiment {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    hypothesis: row.hypothesis,
    unit: row.unit as Experiment['unit'],
    surface: row.surface as ExperimentSurface,
    variants: row.variants,
    goalMetric: row.goalMetric,
    guardrailMetrics: row.guardrailMetrics,
    shipThresholdPercent: row.shipThresholdBp / 100,
    status: row.status as Experiment['status'],
    shippedVariant: row.shippedVariant,
    startedAt: row.startedAt?.toISOString() ?? null,
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    units,
  };
}

/**
 * Creates a draft. Refused, with nothing saved, when the weights do not add up to 100%, variant keys repeat, a
 * guardrail is the goal, or the key is taken.
 */
export async function createExperiment(ctx: AppContext, actor: Actor, input: CreateExperimentBody) {
  const body = CreateExperimentSchema.parse(input);
  const sum = body.variants.reduce((a, v) => a + v.weight, 0);
  if (sum !== 100) throw experimentErrors.raise('EXPERIMENT_WEIGHTS_INVALID', { sum });
  if (new Set(body.variants.map((v) => v.key)).size !== body.variants.length) {
    throw experimentErrors.raise('EXPERIMENT_VARIANT_KEYS_DUPLICATE');
  }
  if (body.guardrailMetrics.includes(body.goalMetric)) throw experimentErrors.raise('EXPERIMENT_GUARDRAIL_IS_GOAL');
  const row = await repo.insertExperiment(ctx.db, {
    id: newId(),
    key: body.key,
    name: body.name,
    hypothesis: body.hypothesis,
    unit: body.unit,
    surface: body.surface,
    variants: body.variants,
    goalMetric: body.goalMetric,
    guardrailMetrics: [...new Set(body.guardrailMetrics)],
    shipThresholdBp: Math.round(body.shipThresholdPercent * 100),
    status: 'draft',
    shippedVariant: null,
    startedAt: null,
    stoppedAt: null,
    createdBy: actor.userId,
    createdAt: ctx.clock.now(),
  });
  if (!row) throw experimentErrors.raise('EXPERIMENT_KEY_TAKEN', { key: body.key });
  return presentExperiment(row, 0);
}

export async function listExperiments(ctx: AppContext): Promise<Experiment[]> {
  const [rows, counts] = await Promise.all([repo.listExperiments(ctx.db), repo.exposureCounts(ctx.db)]);
  return rows.map((r) => presentExperiment(r, counts.get(r.id) ?? 0));
}

async function loadExperiment(ctx: AppContext, id: string) {
  const row = await repo.findExperiment(ctx.db, id);
  if (!row) throw experimentErrors.raise('EXPERIMENT_NOT_FOUND');
  return row;
}

export async function getExperiment(ctx: AppContext, id: string): Promise<Experiment> {
  const row = await loadExperiment(ctx, id);
  const counts = await repo.exposureCounts(ctx.db);
  return presentExperiment(row, counts.get(id) ?? 0);
}

const ALLOWED: Record<string, readonly string[]> = {
  draft: ['running'],
  running: ['stopped', 'shipped'],
  stopped: ['shipped'],
  shipped: [],
};

/**
 * Starts, stops or ships (to everyone: the experiment becomes the surface's feature flag). `at` is when it
 * happened: now, except for history recorded afterwards (the demo's past experiments).
 */
export async function changeStatus(
  ctx: AppContext,
  id: string,
  body: ExperimentStatusBody,
  at: Date = ctx.clock.now(),
): Promise<Experiment> {
  const row = await loadExperiment(ctx, id);
  if (!ALLOWED[row.status]?.includes(body.status)) {
    throw experimentErrors.raise('EXPERIMENT_TRANSITION_INVALID', { from: row.status, to: body.status });
  }
  const now = at;
  if (body.status === 'running') {
    const busy = (await repo.liveOnSurface(ctx.db, row.surface)).find((e) => e.status === 'running');
    if (busy) throw experimentErrors.raise('EXPERIMENT_SURFACE_BUSY', { key: busy.key });
  }
  if (body.status === 'shipped' && !row.variants.some((v) => v.key === body.variant)) {
    throw experimentErrors.raise('EXPERIMENT_VARIANT_UNKNOWN', { variant: body.variant });
  }
  const patch =
    body.status === 'running'
      ? { status: 'running', startedAt: now }
      : body.status === 'stopped'
        ? { status: 'stopped', stoppedAt: now }
        : { status: 'shipped', shippedVariant: body.variant, stoppedAt: row.stoppedAt ?? now };
  const updated = await repo.updateExperiment(ctx.db, id, row.status, patch);
  // another request changed the status in between
  if (!updated) throw experimentErrors.raise('EXPERIMENT_TRANSITION_INVALID', { from: row.status, to: body.status });
  return getExperiment(ctx, id);
}

/** The unit an experiment randomises for this actor: the user, or the organisation it acts for. */
function unitOf(actor: Actor, unit: string): string | null {
  if (unit === 'user') return actor.userId;
  return actor.activeOrgId ?? actor.memberships[0]?.orgId ?? null;
}

/**
 * What a surface shows this actor. A running experiment assigns by hash and logs the unit's first exposure (once);
 * a shipped one serves its variant to everyone without counting anyone; otherwise the default.
 */
export async function assign(ctx: AppContext, actor: Actor, surface: ExperimentSurface): Promise<Assignment> {
  const live = await repo.liveOnSurface(ctx.db, surface);
  const running = live.find((e) => e.status === 'running');
  if (running) {
    const unitId = unitOf(actor, running.unit);
    const control = running.variants[0] as ExperimentVariant;
    if (!unitId) {
      // an organisation experiment and a user with no organisation: the control, not counted
      return {
        surface,
        experimentKey: running.key,
        variant: control.key,
        content: control.content,
        inExperiment: false,
      };
    }
    const variant = assignVariant(running.key, unitId, running.variants);
    await repo.insertExposures(ctx.db, [
      { experimentId: running.id, unitId, variant: variant.key, firstExposedAt: ctx.clock.now() },
    ]);
    return { surface, experimentKey: running.key, variant: variant.key, content: variant.content, inExperiment: true };
  }
  const shipped = live.find((e) => e.status === 'shipped');
  const variant = shipped?.variants.find((v) => v.key === shipped.shippedVariant);
  if (shipped && variant) {
    return { surface, experimentKey: shipped.key, variant: variant.key, content: variant.content, inExperiment: false };
  }
  return { surface, experimentKey: null, variant: null, content: '', inExperiment: false };
}

/**
 * Records many units' exposures to a running experiment at once, assigned by the same hash (exposures a surface
 * outside the web app logged in a batch, or the demo's simulated organisations). Returns each unit's variant.
 */
export async function recordExposures(
  ctx: AppContext,
  experimentId: string,
  units: ReadonlyArray<{ unitId: string; at: Date }>,
): Promise<Map<string, string>> {
  const row = await loadExperiment(ctx, experimentId);
  if (row.status !== 'running') throw experimentErrors.raise('EXPERIMENT_NOT_RUNNING');
  const assigned = units.map((u) => ({
    experimentId,
    unitId: u.unitId,
    variant: assignVariant(row.key, u.unitId, row.variants).key,
    firstExposedAt: u.at,
  }));
  for (let i = 0; i < assigned.length; i += 1000) await repo.insertExposures(ctx.db, assigned.slice(i, i + 1000));
  return new Map(assigned.map((a) => [a.unitId, a.variant]));
}

/**
 * Results computed on request: units per variant from the exposures (SRM against the weights), each metric as the
 * count of its product event per unit in the window with the same count over the pre-period as CUPED's
 * covariate, every treatment compared with the control, and the decision rule's recommendation.
 */
export async function experimentResults(ctx: AppContext, id: string): Promise<ExperimentResults> {
  const row = await loadExperiment(ctx, id);
  if (!row.startedAt) throw experimentErrors.raise('EXPERIMENT_NOT_STARTED');
  const exposures = await repo.listExposures(ctx.db, id);
  const from = row.startedAt;
  const to = row.stoppedAt ?? ctx.clock.now();
  const preFrom = new Date(from.getTime() - PRE_PERIOD_DAYS * 86_400_000);
  const metrics = [row.goalMetric, ...row.guardrailMetrics];
  const unit = row.unit === 'user' ? 'user' : 'org';
  const actorIds = exposures.map((e) => e.unitId);
  const [during, before] = await Promise.all([
    eventCountsByActor(ctx, { names: metrics, from, to, unit, actorIds }),
    eventCountsByActor(ctx, { names: metrics, from: preFrom, to: from, unit, actorIds }),
  ]);
  const countKey = (actorId: string, name: string) => `${actorId}|${name}`;
  const y = new Map(during.map((c) => [countKey(c.actorId, c.name), c.count]));
  const x = new Map(before.map((c) => [countKey(c.actorId, c.name), c.count]));

  const variantKeys = row.variants.map((v) => v.key);
  const samples = new Map<string, Map<string, VariantSample>>(
    metrics.map((m) => [m, new Map(variantKeys.map((k) => [k, emptySample()]))]),
  );
  const units = new Map(variantKeys.map((k) => [k, 0]));
  for (const exposure of exposures) {
    if (!units.has(exposure.variant)) continue;
    units.set(exposure.variant, (units.get(exposure.variant) ?? 0) + 1);
    for (const metric of metrics) {
      const sample = samples.get(metric)?.get(exposure.variant);
      if (!sample) continue;
      const k = countKey(exposure.unitId, metric);
      addUnit(sample, y.get(k) ?? 0, x.get(k) ?? 0);
    }
  }

  const srm = sampleRatioMismatch(
    variantKeys.map((k) => units.get(k) ?? 0),
    row.variants.map((v) => v.weight),
  );
  const [controlKey, ...treatmentKeys] = variantKeys as [string, ...string[]];
  const alpha = FAMILY_ALPHA / Math.max(treatmentKeys.length, 1);
  const compared = metrics.map((metric) => {
    const bySample = samples.get(metric) as Map<string, VariantSample>;
    const control = bySample.get(controlKey) as VariantSample;
    return {
      metric,
      comparisons: treatmentKeys.map((variant) => ({
        variant,
        comparison: compareVariants(control, bySample.get(variant) as VariantSample, { alpha, cuped: true }),
      })),
      means: variantKeys.map((variant) => {
        const s = bySample.get(variant) as VariantSample;
        return { variant, mean: s.n > 0 ? s.sumY / s.n : 0, units: s.n };
      }),
    };
  });
  const [goal, ...guardrails] = compared;
  const recommendation = recommend({
    srm,
    unitsPerVariant: variantKeys.map((variant) => ({ variant, units: units.get(variant) ?? 0 })),
    goal: goal?.comparisons ?? [],
    guardrails: guardrails.flatMap((g) => g.comparisons.map((c) => ({ metric: g.metric, ...c }))),
    shipThreshold: row.shipThresholdBp / 10_000,
    minUnitsPerVariant: MIN_UNITS_PER_VARIANT,
  });

  const present = (variant: string, c: Comparison) => ({
    variant,
    controlMean: c.controlMean,
    treatmentMean: c.treatmentMean,
    lift: c.lift,
    interval: c.interval,
    pValue: c.pValue,
    sequentialInterval: c.sequential?.interval ?? null,
    sequentialPValue: c.sequential?.pValue ?? null,
    varianceReduction: c.varianceReduction,
  });
  return {
    experiment: presentExperiment(row, exposures.length),
    window: { from: from.toISOString(), to: to.toISOString(), preFrom: preFrom.toISOString() },
    alpha,
    variants: row.variants.map((v) => ({ key: v.key, name: v.name, weight: v.weight, units: units.get(v.key) ?? 0 })),
    srm: { chiSquare: srm.chiSquare, pValue: srm.pValue, mismatch: srm.mismatch },
    metrics: compared.map((m, i) => ({
      name: m.metric,
      role: i === 0 ? ('goal' as const) : ('guardrail' as const),
      means: m.means,
      comparisons: m.comparisons.map((c) => present(c.variant, c.comparison)),
    })),
    recommendation,
    minUnitsPerVariant: MIN_UNITS_PER_VARIANT,
  };
}
