import type { CreateExperimentBody, ExperimentResults } from '@zhuhe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { mulberry32 } from '../../infra/random';
import { orgClient } from '../../test/library-fixtures';
import { staffClient } from '../../test/staff';
import {
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { recordProductEvent } from '../analytics';
import { assignVariant } from './experiments.assignment';
import { assign } from './experiments.service';

/**
 * Experiments through HTTP on a real database: operators design, start and read results; a plain member, an
 * organisation owner and staff of another role are refused; the demand form's assignment is stable and counted
 * once per organisation; results from product events give SRM, lift, intervals and the recommendation.
 */
let t: TestApp;
let operator: TestClient;
let financeStaff: TestClient;
let owner: TestClient;
let ownerOrg: string;
let member: TestClient;
let otherOwner: TestClient;

const base = '/api/staff/experiments';
const design = (overrides: Partial<CreateExperimentBody> = {}): CreateExperimentBody => ({
  key: 'demand-form-guidance',
  name: '需求表单引导语',
  hypothesis: '更具体的引导语让更多企业完成并发布需求',
  unit: 'organisation',
  surface: 'demand_form',
  variants: [
    { key: 'control', name: '原引导语', weight: 50, content: '' },
    { key: 'specific', name: '具体引导语', weight: 50, content: '写明工程量、工期和所在地，审核更快' },
  ],
  goalMetric: 'demand.published',
  guardrailMetrics: ['demand.submitted'],
  shipThresholdPercent: 0,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  operator = (await staffClient(t, ['operator'], '增长运营')).client;
  financeStaff = (await staffClient(t, ['finance'], '财务人员')).client;
  ({ client: owner, orgId: ownerOrg } = await orgClient(t.app, ['GC'], '浙江实验总包建设有限公司'));
  ({ client: otherOwner } = await orgClient(t.app, ['SUP'], '杭州实验材料有限公司'));
  const memberEmail = uniqueEmail('member');
  const invitation = (
    await owner.post(`/api/orgs/${ownerOrg}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  member = (await registeredClient(t.app, memberEmail)).client;
  await member.post(`/api/invitations/${invitation.id}/accept`);
  await member.post('/api/auth/logout');
  await member.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });
});
afterAll(async () => {
  await t.close();
});

describe('designing experiments', () => {
  it('refuses weights that do not add up to 100% in both languages, and saves nothing', async () => {
    const bad = await operator.post(
      base,
      design({
        variants: [
          { key: 'control', name: 'A', weight: 60, content: '' },
          { key: 'b', name: 'B', weight: 30, content: '' },
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'EXPERIMENT_WEIGHTS_INVALID',
      message: { 'zh-CN': '各变体的流量权重合计须为 100%（当前为 90%）' },
    });
    expect((await operator.get(base)).json().items).toHaveLength(0);
  });

  it('turns away a plain member, an organisation and staff of another role', async () => {
    for (const client of [member, owner, otherOwner, financeStaff]) {
      expect((await client.post(base, design())).statusCode).toBe(403);
      expect((await client.get(base)).statusCode).toBe(403);
    }
    expect((await operator.get(base)).json().items).toHaveLength(0);
  });

  it('creates a draft, refuses a taken key, and starts it', async () => {
    const created = await operator.post(base, design());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', units: 0, unit: 'organisation' });
    expect((await operator.post(base, design())).json().code).toBe('EXPERIMENT_KEY_TAKEN');
    const id = created.json().id;
    for (const client of [member, owner, financeStaff]) {
      expect((await client.post(`${base}/${id}/status`, { status: 'running' })).statusCode).toBe(403);
      expect((await client.get(`${base}/${id}/results`)).statusCode).toBe(403);
    }
    const started = await operator.post(`${base}/${id}/status`, { status: 'running' });
    expect(started.json()).toMatchObject({ status: 'running' });
    // one running experiment per surface
    const second = (await operator.post(base, design({ key: 'demand-form-second' }))).json();
    const busy = await operator.post(`${base}/${second.id}/status`, { status: 'running' });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('EXPERIMENT_SURFACE_BUSY');
  });
});

describe('assignment and results', () => {
  it('assigns an organisation the same variant every time and counts it once', async () => {
    const first = await member.post('/api/experiments/assignment', { surface: 'demand_form' });
    expect(first.statusCode, first.body).toBe(200);
    const again = await owner.post('/api/experiments/assignment', { surface: 'demand_form' });
    // the member and the owner act for the same organisation: one unit, one variant
    expect(again.json()).toMatchObject({ ...first.json(), inExperiment: true });
    expect(first.json().experimentKey).toBe('demand-form-guidance');
    const list = (await operator.get(base)).json().items;
    expect(list.find((e: { key: string }) => e.key === 'demand-form-guidance').units).toBe(1);
    expect((await t.app.inject({ method: 'POST', url: '/api/experiments/assignment' })).statusCode).toBe(401);
  });

  it('splits units by weight through the hash', () => {
    const variants = design().variants.map((v) => ({ ...v, content: v.content ?? '' }));
    const counts = { control: 0, specific: 0 };
    for (let i = 0; i < 10_000; i += 1) {
      counts[assignVariant('demand-form-guidance', newId(), variants).key as 'control' | 'specific'] += 1;
    }
    expect(Math.abs(counts.control - 5000)).toBeLessThan(200);
  });

  it('computes SRM, lift with its intervals and a recommendation from product events', async () => {
    const list = (await operator.get(base)).json().items;
    const id = list.find((e: { key: string }) => e.key === 'demand-form-guidance').id;
    const random = mulberry32(18);
    const startedAt = new Date(list.find((e: { key: string }) => e.key === 'demand-form-guidance').startedAt);
    for (let i = 0; i < 600; i += 1) {
      const orgId = newId();
      const actor = { userId: newId(), activeOrgId: orgId, memberships: [] } as unknown as Actor;
      const { variant } = await assign(t.ctx, actor, 'demand_form');
      // pre-period habit drives both periods (what CUPED exploits); the specific text adds ~40%
      const habit = random() < 0.3 ? 2 : random() < 0.5 ? 1 : 0;
      for (let k = 0; k < habit; k += 1) {
        await recordProductEvent(t.ctx, {
          name: 'demand.published',
          orgId,
          occurredAt: new Date(startedAt.getTime() - (k + 1) * 86_400_000),
        });
      }
      const rate = (0.3 + 0.4 * habit) * (variant === 'specific' ? 1.4 : 1);
      const published = Math.floor(rate) + (random() < rate % 1 ? 1 : 0);
      for (let k = 0; k < published; k += 1) {
        await recordProductEvent(t.ctx, {
          name: 'demand.published',
          orgId,
          occurredAt: new Date(startedAt.getTime() + 1000 + k),
        });
      }
    }
    const response = await operator.get(`${base}/${id}/results`);
    expect(response.statusCode, response.body).toBe(200);
    const results: ExperimentResults = response.json();
    expect(results.srm.mismatch).toBe(false);
    expect(results.variants.reduce((a, v) => a + v.units, 0)).toBe(601);
    const goal = results.metrics.find((m) => m.role === 'goal');
    const comparison = goal?.comparisons[0];
    expect(comparison?.lift).toBeGreaterThan(0.1);
    expect(comparison?.interval?.[0]).toBeLessThan(comparison?.lift ?? 0);
    expect(comparison?.sequentialInterval?.[0]).toBeLessThan(comparison?.interval?.[0] ?? 0);
    expect(comparison?.varianceReduction).toBeGreaterThan(0.1);
    expect(results.metrics.map((m) => m.name)).toEqual(['demand.published', 'demand.submitted']);
    expect(['ship', 'keep_running']).toContain(results.recommendation.decision);
  });

  it('ships a variant to everyone as a feature flag, without counting anyone', async () => {
    const list = (await operator.get(base)).json().items;
    const id = list.find((e: { key: string }) => e.key === 'demand-form-guidance').id;
    expect((await operator.post(`${base}/${id}/status`, { status: 'shipped', variant: 'nope' })).statusCode).toBe(400);
    const shipped = await operator.post(`${base}/${id}/status`, { status: 'shipped', variant: 'specific' });
    expect(shipped.json()).toMatchObject({ status: 'shipped', shippedVariant: 'specific' });
    const seen = (await otherOwner.post('/api/experiments/assignment', { surface: 'demand_form' })).json();
    expect(seen).toMatchObject({
      variant: 'specific',
      inExperiment: false,
      content: '写明工程量、工期和所在地，审核更快',
    });
    expect((await operator.post(`${base}/${id}/status`, { status: 'running' })).json().code).toBe(
      'EXPERIMENT_TRANSITION_INVALID',
    );
  });
});
