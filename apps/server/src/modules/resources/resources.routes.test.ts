import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgClient } from '../../test/library-fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app';

let t: TestApp;
let supA: TestClient;
let orgA: string;
let supB: TestClient;
let orgB: string;
let buyer: TestClient;
let buyerOrg: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ client: supA, orgId: orgA } = await orgClient(t.app, ['SUP'], '河北冀钢物资贸易有限公司'));
  ({ client: supB, orgId: orgB } = await orgClient(t.app, ['SUP', 'SUB'], '湖北楚材建材有限公司'));
  ({ client: buyer, orgId: buyerOrg } = await orgClient(t.app, ['GC'], '中原恒泰建工有限公司'));
});
afterAll(async () => {
  await t.close();
});

const REBAR = {
  kind: 'rebar',
  title: 'HRB400E 螺纹钢 Φ25',
  params: { grade: 'HRB400E', diameterMm: 25 },
  priceFen: 385_000,
  unit: '吨',
  stock: 1200,
  serviceRegionCodes: ['130000', '410000'],
  leadTimeDays: 3,
  regionCode: '130100',
};

describe('resource library and comparison table', () => {
  it('compares listings quoted per 吨 and per 千克 on one price, with distance, and marks the best value', async () => {
    const a = (await supA.post(`/api/orgs/${orgA}/resources`, REBAR)).json();
    const b = (
      await supB.post(`/api/orgs/${orgB}/resources`, {
        ...REBAR,
        title: 'HRB400E 螺纹钢 Φ25 武汉现货',
        priceFen: 372, // ¥3.72 per 千克 = ¥3,720 per 吨
        unit: '千克',
        serviceRegionCodes: ['420000', '410000'],
        regionCode: '420100',
      })
    ).json();
    const c = (
      await supB.post(`/api/orgs/${orgB}/resources`, {
        ...REBAR,
        title: 'HRB400E 螺纹钢 Φ25 郑州库',
        priceFen: 379_000,
        regionCode: '410100',
      })
    ).json();
    expect(b.kindName).toBe('钢筋');
    const zhengzhouSite = 'lat=34.75&lng=113.63&region=410100';
    const response = await buyer.get(`/api/resources/compare?ids=${a.id},${b.id},${c.id}&${zhengzhouSite}`);
    expect(response.statusCode, response.body).toBe(200);
    const table = response.json();
    const row = (id: string) => table.rows.find((r: { listing: { id: string } }) => r.listing.id === id);
    expect(row(b.id)).toMatchObject({ normalisedPriceFen: 372_000, baseUnit: '吨', lowestPrice: true });
    expect(row(c.id).nearest).toBe(true);
    expect(row(c.id).distanceKm).toBeLessThan(5);
    expect(table.rows.filter((r: { bestValue: boolean }) => r.bestValue)).toHaveLength(1);
    // Zhengzhou stock, 2 % dearer than Wuhan's 500 km away: nearer wins on value for a Zhengzhou site.
    expect(row(c.id).bestValue).toBe(true);
    expect(table.paramKeys.map((p: { key: string }) => p.key)).toEqual(['grade', 'diameterMm']);
  });

  it('checks category parameters and units', async () => {
    const cases = [
      [{ params: { grade: 'HRB999', diameterMm: 25 } }, 'RESOURCE_PARAM_INVALID'],
      [{ params: { grade: 'HRB400' } }, 'RESOURCE_PARAM_MISSING'],
      [{ params: { ...REBAR.params, colour: '红' } }, 'RESOURCE_PARAM_UNKNOWN'],
      [{ unit: '台班' }, 'RESOURCE_UNIT_INVALID'],
      [{ kind: 'spaceship' }, 'RESOURCE_KIND_UNKNOWN'],
      [{ location: { lat: 0, lng: 0 } }, 'COORDINATE_OUT_OF_RANGE'],
    ] as const;
    for (const [patch, code] of cases) {
      const body = (await supA.post(`/api/orgs/${orgA}/resources`, { ...REBAR, ...patch })).json();
      expect(body.code === code || body.issues?.some((i: { code: string }) => i.code === code), body).toBe(true);
    }
    const crane = await supA.post(`/api/orgs/${orgA}/resources`, {
      kind: 'tower_crane',
      title: 'QTZ80 塔吊租赁',
      params: { model: 'QTZ80(5613)', maxLoadT: 6, jibLengthM: 56 },
      priceFen: 3_200_000,
      unit: '台·月',
      serviceRegionCodes: ['130000'],
      leadTimeDays: 7,
      regionCode: '130100',
    });
    expect(crane.statusCode, crane.body).toBe(201);
  });

  it('lets only suppliers and subcontractors list, and refuses a comparison of one or seven', async () => {
    const refused = await buyer.post(`/api/orgs/${buyerOrg}/resources`, REBAR);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('RESOURCE_MERCHANTS_ONLY');
    const one = await buyer.get('/api/resources/compare?ids=01930000-0000-7000-8000-000000000000');
    expect(one.json().issues[0].code).toBe('COMPARE_COUNT');
  });

  it('refuses banned claims (零风险, 国家级) in a listing with the reason, and lists nothing', async () => {
    const refused = await supA.post(`/api/orgs/${orgA}/resources`, {
      ...REBAR,
      title: '国家级品质 HRB400E 螺纹钢',
      description: '零风险采购，假一赔十',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('COMPLIANCE_BANNED_CLAIMS');
    expect(refused.json().message['zh-CN']).toContain('「国家级」');
    expect(refused.json().message.en).toContain('banned claims');
    expect(
      refused
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['description', 'title']);
    expect((await buyer.get('/api/search?q=国家级品质')).json().items).toHaveLength(0);
    const listed = (await supA.post(`/api/orgs/${orgA}/resources`, { ...REBAR, title: '螺纹钢 合规标题' })).json();
    const edited = await supA.patch(`/api/orgs/${orgA}/resources/${listed.id}`, { tags: ['国家级'] });
    expect(edited.json().issues[0]).toMatchObject({ path: 'tags.0', code: 'COMPLIANCE_BANNED_CLAIM' });
    expect((await buyer.get(`/api/resources/${listed.id}`)).json().tags).not.toContain('国家级');
  });

  it('takes a withdrawn listing out of search and comparison', async () => {
    const a = (await supA.post(`/api/orgs/${orgA}/resources`, { ...REBAR, title: '盘螺 HRB400E Φ8 清仓' })).json();
    const b = (await supA.post(`/api/orgs/${orgA}/resources`, REBAR)).json();
    expect((await buyer.get('/api/search?q=清仓')).json().items).toHaveLength(1);
    await supA.patch(`/api/orgs/${orgA}/resources/${a.id}`, { status: 'withdrawn' });
    expect((await buyer.get('/api/search?q=清仓')).json().items).toHaveLength(0);
    expect((await buyer.get(`/api/resources/${a.id}`)).statusCode).toBe(404);
    expect((await buyer.get(`/api/resources/compare?ids=${a.id},${b.id}`)).json().code).toBe(
      'RESOURCE_COMPARE_MISSING',
    );
  });
});
