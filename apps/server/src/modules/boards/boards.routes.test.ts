import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { createDemandsDirect } from '../demands';
import { storeFile } from '../files';
import { setVerificationStatus } from '../organisation';
import { materialOutlook } from '../prices';
import { raiseCostWarnings } from './boards.service';
import { costWarnings } from './boards.tables';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

type Party = { client: TestClient; orgId: string; userId: string };

/**
 * The regional board and cost warnings over HTTP: the GOV role is granted by reviewers only, the board shows only
 * its own region (and its sub-regions) with cells of fewer than three firms suppressed, no other role or
 * organisation reads it, and a cost warning is raised once per threshold, material and forecast run.
 */
describe('boards routes', () => {
  let t: TestApp;
  let gov: Party;
  let govJiangsu: Party;
  let gc: Party;
  const month = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

  const party = async (roles: string[], name: string, verified = true): Promise<Party> => {
    const u = await registeredClient(t.app, undefined, `${name}负责人`);
    const org = await createOrg(u.client, { creditCode: validCreditCode(), businessRoles: roles, name });
    if (verified) await setVerificationStatus(t.ctx, org.id, 'verified');
    return { client: u.client, orgId: org.id, userId: u.userId };
  };
  const demand = async (
    who: Party,
    regionCode: string,
    items = [{ name: '商品混凝土', spec: 'C30', unit: '立方米', quantity: 50 }],
  ) => {
    const files = [];
    for (const name of ['可研.pdf', '资金.pdf'])
      files.push(await storeFile(t.ctx, { orgId: who.orgId, userId: who.userId, name, bytes: PDF }));
    await createDemandsDirect(t.ctx, [
      {
        orgId: who.orgId,
        orgName: '测试',
        createdBy: who.userId,
        createdAt: new Date(),
        approvedAt: new Date(),
        reviewerId: null,
        type: 'procurement',
        title: `${regionCode} 材料采购`,
        projectName: '测试项目',
        category: '建材采购',
        items,
        budgetFen: 1_000_000_00,
        qualificationKind: '',
        qualificationGrade: '不限',
        regionCode,
        siteAddress: '测试地址',
        location: { lat: 30.2, lng: 120.21 },
        deadline: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
        description: '测试需求',
        tags: [],
        feasibilityFileId: (files[0] as { id: string }).id,
        fundsProofFileId: (files[1] as { id: string }).id,
      },
    ]);
  };

  beforeAll(async () => {
    t = await createTestApp();
    gov = await party(['GC'], '浙江省住房和城乡建设厅');
    govJiangsu = await party(['GC'], '江苏省住房和城乡建设厅');
    gc = await party(['GC'], '浙江预警建设集团有限公司');
    // three firms in 杭州, two in 宁波 (too few: suppressed), one in 南京 (outside 浙江)
    await demand(gc, '330108', [{ name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 100 }]);
    for (const name of ['杭州甲建设有限公司', '杭州乙建设有限公司']) await demand(await party(['GC'], name), '330106');
    for (const name of ['宁波甲建设有限公司', '宁波乙建设有限公司']) await demand(await party(['GC'], name), '330203');
    await demand(await party(['GC'], '南京甲建设有限公司'), '320102');
  });
  afterAll(async () => t?.close());

  it('lets reviewers alone grant the GOV role with a known region, to verified organisations only', async () => {
    const url = `/api/staff/gov-scopes/${gov.orgId}`;
    expect((await gov.client.put(url, { regionCode: '330000' })).statusCode).toBe(403);
    const operator = await staffClient(t, ['operator'], '运营');
    expect((await operator.client.put(url, { regionCode: '330000' })).statusCode).toBe(403);
    const reviewer = await staffClient(t, ['reviewer'], '审核员');
    const bad = await reviewer.client.put(url, { regionCode: '33' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors?.[0]?.code ?? bad.body).toContain('REGION_CODE_INVALID');
    const unknown = await reviewer.client.put(url, { regionCode: '999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('BOARD_REGION_UNKNOWN');
    const unverified = await party(['GC'], '未核验的某局', false);
    const refused = await reviewer.client.put(`/api/staff/gov-scopes/${unverified.orgId}`, { regionCode: '330000' });
    expect(refused.statusCode).toBe(409);
    // a self-declared GOV is refused at registration
    const self = await registeredClient(t.app, undefined, '自称主管部门');
    const selfOrg = await self.client.post('/api/orgs', {
      name: '自称的主管部门',
      creditCode: validCreditCode(),
      businessRoles: ['GOV'],
    });
    expect(selfOrg.statusCode).toBe(400);

    const granted = await reviewer.client.put(url, { regionCode: '330000' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ regionCode: '330000', regionName: '浙江省' });
    expect(
      (await reviewer.client.put(`/api/staff/gov-scopes/${govJiangsu.orgId}`, { regionCode: '320000' })).statusCode,
    ).toBe(200);
    for (const g of [gov, govJiangsu])
      expect((await g.client.post(`/api/orgs/${g.orgId}/activate`, { role: 'GOV' })).statusCode).toBe(200);
  });

  it('shows its region and sub-regions only, with cells of fewer than three firms suppressed', async () => {
    const res = await gov.client.get(`/api/orgs/${gov.orgId}/gov-board?months=3`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.minGroupSize).toBe(3);
    const cell = (code: string) =>
      board.regions
        .find((r: { regionCode: string }) => r.regionCode === code)
        ?.metrics.demands.find((c: { month: string }) => c.month === month());
    // 浙江: 5 demands from 5 firms (the 南京 one is outside); 杭州: 3 from 3; 宁波: 2 firms → suppressed
    expect(cell('330000')).toEqual({ month: month(), value: 5, count: 5, suppressed: false });
    expect(cell('330100')).toEqual({ month: month(), value: 3, count: 3, suppressed: false });
    expect(cell('330200')).toEqual({ month: month(), value: null, count: null, suppressed: true });
    expect(board.regions.some((r: { regionCode: string }) => r.regionCode.startsWith('32'))).toBe(false);

    // 江苏 sees one firm's demand: suppressed, and nothing of 浙江
    const js = (await govJiangsu.client.get(`/api/orgs/${govJiangsu.orgId}/gov-board?months=3`)).json();
    expect(js.regions.map((r: { regionCode: string }) => r.regionCode)).toEqual(['320000', '320100']);
    expect(js.regions[0].metrics.demands.at(-1)).toMatchObject({ suppressed: true, value: null });
  });

  it('refuses the board to other organisations, to non-GOV roles and to a GOV outside its own organisation', async () => {
    expect((await govJiangsu.client.get(`/api/orgs/${gov.orgId}/gov-board`)).statusCode).toBe(404);
    expect((await gc.client.get(`/api/orgs/${gov.orgId}/gov-board`)).statusCode).toBe(404);
    const own = await gc.client.get(`/api/orgs/${gc.orgId}/gov-board`);
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('AUTH_ROLE_REQUIRED');
    // a GOV viewer cannot act as a market party nor read another firm's organisation data
    expect((await gov.client.post(`/api/orgs/${gov.orgId}/demands`, {})).statusCode).toBe(403);
    expect((await gov.client.get(`/api/orgs/${gc.orgId}/cost-warnings`)).statusCode).toBe(404);
    expect((await gov.client.get(`/api/orgs/${gc.orgId}/members`)).statusCode).toBe(404);
    // a month count out of range is refused
    expect((await gov.client.get(`/api/orgs/${gov.orgId}/gov-board?months=99`)).statusCode).toBe(400);
  });

  it('warns once per threshold, material and forecast run when a material of an open demand is forecast to rise', async () => {
    // thresholds: owners and admins only, bad input stores nothing
    const url = `/api/orgs/${gc.orgId}/cost-thresholds`;
    const bad = await gc.client.post(url, { material: null, risePct: -3, withinMonths: 12 });
    expect(bad.statusCode).toBe(400);
    expect((await gc.client.post(url, { material: 'gold', risePct: 3, withinMonths: 6 })).statusCode).toBe(400);
    expect((await gov.client.post(url, { material: null, risePct: 3, withinMonths: 6 })).statusCode).toBe(404);
    expect((await gc.client.get(`/api/orgs/${gc.orgId}/cost-warnings`)).json().thresholds).toEqual([]);
    const added = await gc.client.post(url, { material: null, risePct: 3, withinMonths: 6 });
    expect(added.statusCode, added.body).toBe(200);
    const loose = await gc.client.post(url, { material: 'rebar', risePct: 90, withinMonths: 1 });
    expect(loose.statusCode).toBe(200);

    // 杭州 rebar rising 1 % a month for four years: forecast well above 3 % within six months
    const lines = ['material,region_code,unit,month,price'];
    for (let i = 0; i < 48; i++) {
      const y = 2022 + Math.floor(i / 12);
      lines.push(`rebar,330100,吨,${y}-${String((i % 12) + 1).padStart(2, '0')},${(3000 * 1.01 ** i).toFixed(2)}`);
    }
    const operator = await staffClient(t, ['operator'], '数据运营');
    const imported = await operator.client.post('/api/staff/prices/imports', {
      fileName: 'hz.csv',
      csv: lines.join('\n'),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    await t.ctx.jobs.runDue();
    await t.ctx.jobs.runDue();
    const page = (await gc.client.get(`/api/orgs/${gc.orgId}/cost-warnings`)).json();
    expect(page.warnings).toHaveLength(1);
    expect(page.warnings[0]).toMatchObject({ material: 'rebar', seriesCode: 'rebar@330100', lastMonth: '2025-12' });
    expect(page.warnings[0].rise).toBeGreaterThan(0.03);
    expect(page.warnings[0].demands[0].title).toBe('330108 材料采购');
    // the same forecast run checked again raises nothing; a new run (a later import) warns again
    const outlook = (m: string[], r: string | null) => materialOutlook(t.ctx, m, r);
    expect(await raiseCostWarnings(t.ctx, outlook)).toBe(0);
    const again = await operator.client.post('/api/staff/prices/imports', {
      fileName: 'hz2.csv',
      csv: lines.join('\n'),
    });
    expect(again.statusCode).toBe(200);
    await t.ctx.jobs.runDue();
    expect(await raiseCostWarnings(t.ctx, outlook)).toBe(0);
    expect(await t.ctx.db.select().from(costWarnings)).toHaveLength(2);
    const notes = (await gc.client.get('/api/notifications')).json();
    const warned = (notes.items ?? []).filter((n: { kind?: string; title: string }) => n.title.startsWith('成本预警'));
    expect(warned).toHaveLength(2);
    // the composite index of 杭州 (rebar alone is below the basket's minimum coverage) is not made up
    const indices = (await gc.client.get('/api/prices/indices?regionCode=330108')).json();
    expect(indices.items.filter((i: { regionCode: string | null }) => i.regionCode === '330100')).toEqual([]);
  });
});
