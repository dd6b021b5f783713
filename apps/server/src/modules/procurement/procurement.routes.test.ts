import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { createDemandsDirect } from '../demands';
import { storeFile } from '../files';
import { createListingsDirect } from '../resources';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Price imports and procurement plans over HTTP: who may call them, what bad input gets back, what is stored. */
describe('prices and procurement routes', () => {
  let t: TestApp;
  let gc: { client: TestClient; orgId: string; userId: string };
  let sup: { client: TestClient; orgId: string; userId: string };
  let outsider: { client: TestClient; orgId: string; userId: string };
  let demandId: string;
  const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  const party = async (roles: string[], name: string) => {
    const u = await registeredClient(t.app, undefined, `${name}负责人`);
    const org = await createOrg(u.client, { creditCode: validCreditCode(), businessRoles: roles, name });
    return { client: u.client, orgId: org.id, userId: u.userId };
  };
  const plan = (who: { client: TestClient; orgId?: string }, body: Record<string, unknown>, orgId = who.orgId) =>
    who.client.post(`/api/orgs/${orgId}/demands/${demandId}/procurement-plan`, body);

  beforeAll(async () => {
    t = await createTestApp();
    gc = await party(['GC'], '浙江优化建设集团有限公司');
    sup = await party(['SUP'], '杭州优化建材有限公司');
    outsider = await party(['GC'], '温州局外建设有限公司');
    const listing = (title: string, priceFen: number, stock: number, leadTimeDays: number) => ({
      orgId: sup.orgId,
      orgName: '杭州优化建材有限公司',
      createdBy: sup.userId,
      createdAt: new Date(),
      kind: 'rebar',
      title,
      params: { grade: 'HRB400E', diameterMm: 25 },
      priceFen,
      unit: '吨' as const,
      stock,
      serviceRegionCodes: ['330000'],
      leadTimeDays,
      regionCode: '330100',
      location: { lat: 30.2, lng: 120.2 },
      tags: [],
      description: '测试报价',
    });
    await createListingsDirect(t.ctx, [listing('钢筋 A', 3_600_00, 80, 3), listing('钢筋 B', 3_800_00, 500, 4)]);
    const files = [];
    for (const name of ['可研.pdf', '资金.pdf'])
      files.push(await storeFile(t.ctx, { orgId: gc.orgId, userId: gc.userId, name, bytes: PDF }));
    await createDemandsDirect(t.ctx, [
      {
        orgId: gc.orgId,
        orgName: '浙江优化建设集团有限公司',
        createdBy: gc.userId,
        createdAt: new Date(),
        approvedAt: null,
        reviewerId: null,
        type: 'procurement',
        title: '钢筋采购',
        projectName: '测试项目',
        category: '建材采购',
        items: [{ name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 100 }],
        budgetFen: 1_000_000_00,
        qualificationKind: '',
        qualificationGrade: '不限',
        regionCode: '330108',
        siteAddress: '杭州市滨江区',
        location: { lat: 30.2, lng: 120.21 },
        deadline: future(20),
        description: '测试需求',
        tags: [],
        feasibilityFileId: (files[0] as { id: string }).id,
        fundsProofFileId: (files[1] as { id: string }).id,
      },
    ]);
    const listed = await gc.client.get(`/api/orgs/${gc.orgId}/demands`);
    demandId = (listed.json() as { items: { id: string }[] }).items[0]?.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('plans the demand: the cheap offer up to its stock, the rest from the next, with the saving and why', async () => {
    const res = await plan(gc, { requiredBy: future(10), minCreditScore: 0, maxSharePercent: 100 });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.status).toBe('optimal');
    expect(view.totalFen).toBe(
      80 * 3_600_00 +
        20 * 3_800_00 +
        view.allocations.reduce((s: number, a: { deliveryFen: number }) => s + a.deliveryFen, 0),
    );
    expect(view.savingFen).toBeGreaterThan(0);
    expect(view.notes.map((n: { kind: string }) => n.kind)).toContain('stock');
    const latest = await gc.client.get(`/api/orgs/${gc.orgId}/demands/${demandId}/procurement-plan`);
    expect(latest.json().plan.id).toBe(view.id);
  });

  it('an infeasible basket gets its reason in both languages, not a 500', async () => {
    const res = await plan(gc, { requiredBy: future(1), minCreditScore: 0, maxSharePercent: 100 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'infeasible', notes: [{ kind: 'lead_time' }] });
    expect(res.json().notes[0].text['zh-CN']).toContain('到场日期');
  });

  it('refuses bad input with a clear message and stores nothing', async () => {
    const before = (await gc.client.get(`/api/orgs/${gc.orgId}/demands/${demandId}/procurement-plan`)).json().plan.id;
    const bad = await plan(gc, { requiredBy: future(10), maxSharePercent: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('10%–100%');
    const past = await plan(gc, { requiredBy: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    const after = (await gc.client.get(`/api/orgs/${gc.orgId}/demands/${demandId}/procurement-plan`)).json().plan.id;
    expect(after).toBe(before);
  });

  it('a foreign organisation, a plain member and a demand of another organisation are refused', async () => {
    expect((await plan(outsider, { requiredBy: future(10) }, gc.orgId)).statusCode).toBe(404);
    expect((await plan(outsider, { requiredBy: future(10) })).statusCode).toBe(404);
    const email = uniqueEmail('plan-member');
    const invitation = (
      await gc.client.post(`/api/orgs/${gc.orgId}/invitations`, { identifier: email, role: 'member' })
    ).json();
    const member = await registeredClient(t.app, email, '资料员 李');
    expect((await member.client.post(`/api/invitations/${invitation.id}/accept`)).statusCode).toBeLessThan(300);
    expect((await member.client.get(`/api/orgs/${gc.orgId}/demands/${demandId}/procurement-plan`)).statusCode).toBe(
      200,
    );
    expect((await plan(member, { requiredBy: future(10) }, gc.orgId)).statusCode).toBe(403);
  });

  it('imports a price file: each bad line with its reason, the rest in; only operators may import', async () => {
    const csv = [
      'material,region_code,unit,month,price',
      'rebar,330100,吨,2026-01,3650',
      'rebar,330100,吨,2026-02,3700',
      'rebar,330100,吨,2026-13,3700',
      'rebar,330100,吨,2026-03,-5',
      'rebar,330100,吨,2026-02,3710',
      'rebar,330100,箱,2026-04,3720',
      'sand,330100,吨,2026-04,90',
    ].join('\n');
    const body = { fileName: '杭州信息价.csv', csv };
    expect((await gc.client.post('/api/staff/prices/imports', body)).statusCode).toBe(403);
    const reviewer = await staffClient(t, ['reviewer'], '审核员');
    expect((await reviewer.client.post('/api/staff/prices/imports', body)).statusCode).toBe(403);
    const operator = await staffClient(t, ['operator'], '数据运营');
    const res = await operator.client.post('/api/staff/prices/imports', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 2, series: 1 });
    expect(res.json().rejected.map((r: { line: number; reason: string }) => [r.line, r.reason])).toEqual([
      [4, 'date'],
      [5, 'price'],
      [6, 'duplicate'],
      [7, 'unit'],
      [8, 'material'],
    ]);
    const series = (await gc.client.get('/api/prices/series?material=rebar')).json().items;
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ code: 'rebar@330100', lastMonth: '2026-02', lastValue: 3_700_00 });
    expect(series[0].forecast.points).toHaveLength(6);
    const wrongHeader = await operator.client.post('/api/staff/prices/imports', { fileName: 'x.csv', csv: 'a,b\n1,2' });
    expect(wrongHeader.statusCode).toBe(400);
    expect(wrongHeader.json().detail ?? wrongHeader.body).toMatch(/表头|Header/);
    expect((await gc.client.get('/api/prices/series?material=rebar')).json().items[0].lastValue).toBe(3_700_00);
  });
});
