import type { AppContext } from '../infra/context';
import type { DbOrTx } from '../infra/db/client';
import { mulberry32 } from '../infra/random';
import { recordProductEvent } from '../modules/analytics';
import { changeStatus, createExperiment, recordExposures } from '../modules/experiments';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** A version-4-shaped UUID from a seeded generator (simulated units only: not random enough for anything real). */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A demand submitted, then published a day later; one in eight also has a draft that reviewers sent back. */
async function publish(ctx: AppContext, tx: DbOrTx, orgId: string, at: Date, random: () => number) {
  const properties = { simulated: true };
  const event = (name: string, occurredAt: Date) =>
    recordProductEvent(ctx, { name, orgId, occurredAt, properties }, tx);
  await event('demand.submitted', new Date(at.getTime() - DAY));
  if (random() < 0.125) await event('demand.submitted', new Date(at.getTime() - 2 * DAY));
  await event('demand.published', at);
}

/**
 * Simulated organisations for one experiment: each has a habit (how many demands it publishes a month), which
 * drives both its pre-period and its in-experiment `demand.published` events — the correlation CUPED uses — and
 * the treatment multiplies its in-experiment rate by `effect`.
 */
async function simulate(
  ctx: AppContext,
  experimentId: string,
  options: { units: number; seed: number; from: Date; to: Date; effect: number; treatment: string },
) {
  const random = mulberry32(options.seed);
  // ids from the seeded generator, so the split, and every figure on the results page, repeat on every seeding
  const orgIds = Array.from({ length: options.units }, () => seededUuid(random));
  const span = options.to.getTime() - options.from.getTime();
  const exposures = orgIds.map((unitId) => ({ unitId, at: new Date(options.from.getTime() + random() * span * 0.3) }));
  const variants = await recordExposures(ctx, experimentId, exposures);
  const preFrom = options.from.getTime() - 28 * DAY;
  // one transaction: some three thousand events commit at once rather than one by one
  await ctx.db.transaction(async (tx) => {
    for (const { unitId, at } of exposures) {
      const habit = random() < 0.25 ? 1.2 : random() < 0.5 ? 0.5 : 0.15;
      const before = Math.floor(habit) + (random() < habit % 1 ? 1 : 0);
      for (let k = 0; k < before; k += 1)
        await publish(ctx, tx, unitId, new Date(preFrom + random() * 28 * DAY), random);
      const rate = habit * (variants.get(unitId) === options.treatment ? options.effect : 1);
      const during = Math.floor(rate) + (random() < rate % 1 ? 1 : 0);
      const start = at.getTime();
      for (let k = 0; k < during; k += 1) {
        await publish(ctx, tx, unitId, new Date(start + random() * (options.to.getTime() - start)), random);
      }
    }
  });
}

/**
 * 实验 demo: on the publish-demand form, one experiment running for three weeks over 1,200 simulated
 * organisations (the specific guidance lifts publishing by about 30%: SRM ok, a lift with its interval), one
 * stopped in the autumn that showed no difference, and a draft with a 12% ship threshold. Designed by admin@ (an
 * admin, allowed like an operator).
 */
export async function seedExperimentsDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const admin = await demoActor(ctx, 'admin@example.com', ['admin']);
  const control = { key: 'control', name: '原引导语', weight: 50, content: '' };

  const stopped = await createExperiment(ctx, admin, {
    key: 'demand-form-checklist',
    name: '需求表单·资料清单提示',
    hypothesis: '在表单顶部列出需要准备的资料，能减少退回、提高发布数',
    unit: 'organisation',
    surface: 'demand_form',
    variants: [
      control,
      {
        key: 'checklist',
        name: '资料清单',
        weight: 50,
        content: '提交前请准备：可行性研究报告、资金证明、工程量清单（可一键导入招标文件）。',
      },
    ],
    goalMetric: 'demand.published',
    guardrailMetrics: ['demand.submitted'],
    shipThresholdPercent: 0,
  });
  await changeStatus(ctx, stopped.id, { status: 'running' }, daysAgo(70));
  await simulate(ctx, stopped.id, {
    units: 400,
    seed: 2026_09,
    from: daysAgo(70),
    to: daysAgo(42),
    effect: 1,
    treatment: 'checklist',
  });
  await changeStatus(ctx, stopped.id, { status: 'stopped' }, daysAgo(42));

  const running = await createExperiment(ctx, admin, {
    key: 'demand-form-guidance',
    name: '需求表单·具体引导语',
    hypothesis: '提示写明工程量、工期和所在地，更多企业会完成并发布需求',
    unit: 'organisation',
    surface: 'demand_form',
    variants: [
      control,
      {
        key: 'specific',
        name: '具体引导语',
        weight: 50,
        content: '写明工程量、工期和项目所在地，审核更快，匹配更准；平均 1 个工作日内完成审核。',
      },
    ],
    goalMetric: 'demand.published',
    guardrailMetrics: ['demand.submitted'],
    shipThresholdPercent: 0,
  });
  await changeStatus(ctx, running.id, { status: 'running' }, daysAgo(21));
  await simulate(ctx, running.id, {
    units: 1200,
    seed: 2026_12,
    from: daysAgo(21),
    to: new Date(),
    effect: 1.3,
    treatment: 'specific',
  });

  await createExperiment(ctx, admin, {
    key: 'demand-form-template-first',
    name: '需求表单·默认从模板开始',
    hypothesis: '默认打开“从模板开始”，发布率提升 12% 以上才全量',
    unit: 'organisation',
    surface: 'demand_form',
    variants: [
      control,
      { key: 'template', name: '模板优先', weight: 50, content: '从模板开始最快：选择需求类型，常用清单自动带出。' },
    ],
    goalMetric: 'demand.published',
    guardrailMetrics: [],
    shipThresholdPercent: 12,
  });
  return [];
}
