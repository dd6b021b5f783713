import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgClient, staffClient } from '../../test/library-fixtures';
import { createTestApp, type TestApp, type TestClient, tinyPdf, upload } from '../../test/test-app';
import { recordCooperation } from '../cooperation';
import { AMOUNT_FIT_FACTOR, featureRows, supportsMatch } from './matching.features';

/**
 * Push reasons that agree with the data. The steel trader of the report: its contracts were 48.96 万元 each, and it
 * was pushed concrete demands of 6,900 万 "because past contract sizes fit the budget".
 */
let t: TestApp;
let gc: TestClient;
let gcOrg: string;
let staff: TestClient;
const BUYER = '河北雄安城建集团有限公司';
const orgs: Record<'trader' | 'plant', string> = { trader: '', plant: '' };

beforeAll(async () => {
  t = await createTestApp();
  ({ client: gc, orgId: gcOrg } = await orgClient(t.app, ['GC'], BUYER));
  orgs.trader = (await orgClient(t.app, ['SUP'], '河北冀钢物资贸易有限公司')).orgId;
  orgs.plant = (await orgClient(t.app, ['SUP'], '保定恒基商砼有限公司')).orgId;
  const award = async (n: number, supplier: 'trader' | 'plant', code: string, amountFen: number, title: string) =>
    recordCooperation(t.ctx, {
      source: 'contract',
      sourceRef: `${supplier}-${n}`,
      buyer: { orgId: gcOrg, name: BUYER },
      supplier: {
        orgId: orgs[supplier],
        name: supplier === 'trader' ? '河北冀钢物资贸易有限公司' : '保定恒基商砼有限公司',
      },
      categoryCode: code,
      regionCode: '130632',
      amountFen,
      occurredOn: `2026-0${n}-10`,
      title,
    });
  // the trader: rebar for this buyer, 48.96 万元 a contract; the plant: ready-mixed concrete, 5,000 万 a contract
  for (const n of [1, 2, 3]) await award(n, 'trader', 'ZH:rebar', 48_960_000, `螺纹钢采购 第${n}批`);
  for (const n of [1, 2]) await award(n, 'plant', 'ZH:concrete', 5_000_000_000, `商品混凝土采购 第${n}批`);
  staff = await staffClient(t);
});
afterAll(async () => {
  await t?.close();
});

async function pushes(input: { title: string; category: string; item: string; budgetFen: number }) {
  const feasibility = (await upload(gc, `/api/orgs/${gcOrg}/files`, 'f.pdf', tinyPdf())).json();
  const funds = (await upload(gc, `/api/orgs/${gcOrg}/files`, 'm.pdf', tinyPdf())).json();
  const demand = await gc.post(`/api/orgs/${gcOrg}/demands`, {
    type: 'procurement',
    title: input.title,
    projectName: '雄安新区容东片区安置房',
    category: input.category,
    items: [{ name: input.item, spec: 'C30', unit: '吨', quantity: 60_000 }],
    budgetFen: input.budgetFen,
    regionCode: '130632',
    deadline: '2099-06-30',
    feasibilityFileId: feasibility.id,
    fundsProofFileId: funds.id,
  });
  expect(demand.statusCode, demand.body).toBe(201);
  const queue = (await staff.get('/api/staff/demand-reviews')).json().items;
  const review = queue.find((r: { demand: { id: string } }) => r.demand.id === demand.json().id);
  await staff.post(`/api/staff/demand-reviews/${review.id}/decision`, { decision: 'approved' });
  await t.ctx.jobs.runDue();
  const matches = await gc.get(`/api/orgs/${gcOrg}/demands/${demand.json().id}/matches`);
  expect(matches.json().state).toBe('ready');
  return matches.json().items as { orgId: string; reasons: { signal: string; label: { 'zh-CN': string } }[] }[];
}

describe('push reasons', () => {
  it('does not push the steel trader a concrete demand of 6,900 万: category fit comes first', async () => {
    const items = await pushes({
      title: '容东安置房 C30 商品混凝土采购',
      category: '商品混凝土采购',
      item: '商品混凝土',
      budgetFen: 6_900_000_000,
    });
    expect(items.map((i) => i.orgId)).toEqual([orgs.plant]);
    // the plant's 5,000 万 contracts are comparable with 6,900 万
    expect(items[0]?.reasons.map((r) => r.signal)).toContain('amountFit');
  });

  it('pushes the trader a rebar demand of 6,900 万 without saying its 48.96 万 contracts fit the budget', async () => {
    const items = await pushes({
      title: '容东安置房 HRB400E 螺纹钢采购',
      category: '钢筋采购',
      item: '螺纹钢',
      budgetFen: 6_900_000_000,
    });
    const trader = items.find((i) => i.orgId === orgs.trader);
    expect(trader).toBeDefined();
    const signals = trader?.reasons.map((r) => r.signal) ?? [];
    expect(signals).toContain('fromBuyer');
    expect(signals).not.toContain('amountFit');
    expect(trader?.reasons.map((r) => r.label['zh-CN'])).not.toContain('历史合同金额与预算相当');
    expect(items.some((i) => i.orgId === orgs.plant)).toBe(false);
  });

  it('calls amounts comparable within a factor of three, and not beyond', () => {
    const history = (typicalFen: number) => ({
      firmId: 'f',
      orgId: null,
      name: '',
      town: '',
      country: 'CN',
      fromBuyer: 0,
      fromBuyerDivision: 0,
      sameCode: 1,
      sameGroup: 1,
      sameDivision: 1,
      sameRegion: 0,
      fromSimilarBuyers: 0,
      lastOn: null,
      meanLogAmount: Math.log(typicalFen),
      meanRating: null,
      titles: '',
    });
    const fit = (budgetFen: number, typicalFen: number) =>
      featureRows({ title: '', amountMinor: budgetFen, on: '2026-12-01', buyerTown: '' }, [
        history(typicalFen),
      ])[0]?.[9] as number;
    expect(supportsMatch('amountFit', fit(6_900_000_000, 48_960_000))).toBe(false);
    expect(supportsMatch('amountFit', fit(6_900_000_000, 5_000_000_000))).toBe(true);
    expect(supportsMatch('amountFit', fit(3_000_000, 3_000_000 / AMOUNT_FIT_FACTOR + 1))).toBe(true);
    expect(supportsMatch('amountFit', fit(3_000_000, 3_000_000 / AMOUNT_FIT_FACTOR - 1000))).toBe(false);
  });
});
