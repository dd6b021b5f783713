import { SearchQuery } from '@zhuhe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { regionCentroid } from '../regions';
import { staticRankingBoost } from './search.ranking-boost';
import { indexDocuments, type SearchDocumentInput, search } from './search.service';

/**
 * Search quality: hand-written Chinese queries and the results a person would expect at the top. The same file
 * runs on PGlite and on PostgreSQL (TEST_DATABASE_URL), so both give these answers.
 */
let t: TestApp;
let client: TestClient;
const owner = newId();
const supplierA = newId();
const supplierB = newId();
const ids: Record<string, string> = {};
let day = 0;

function doc(key: string, partial: Partial<SearchDocumentInput> & { title: string; regionCode: string }) {
  ids[key] = newId();
  day += 1;
  return {
    kind: 'project' as const,
    id: ids[key] as string,
    orgId: owner,
    orgName: '浙江宏筑建设集团有限公司',
    body: '',
    amountFen: 10_000_000_000,
    tags: [],
    location: regionCentroid(partial.regionCode),
    visibility: 'public' as const,
    publishedAt: new Date(Date.UTC(2026, 0, day)),
    ...partial,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  client = (await registeredClient(t.app)).client;
  await indexDocuments(t.ctx, [
    doc('hzSteel', {
      title: '杭州萧山智造产业园钢结构厂房工程',
      regionCode: '330109',
      category: '房建',
      tags: ['钢结构', '厂房'],
      body: '单层门式刚架厂房 3 栋，钢结构用量约 3600 吨。',
      amountFen: 28_600_000_00,
    }),
    doc('hzSteel2', {
      title: '杭州滨江人才公寓钢结构装配式住宅',
      regionCode: '330108',
      category: '房建',
      body: '装配式钢结构住宅，钢框架支撑体系。',
      amountFen: 52_000_000_00,
    }),
    doc('hzSteelMention', {
      title: '杭州西湖区学校改扩建工程',
      regionCode: '330106',
      category: '房建',
      body: '风雨操场采用钢结构屋盖。',
      amountFen: 8_000_000_00,
    }),
    doc('nbSteel', {
      title: '宁波北仑港区钢结构仓库工程',
      regionCode: '330200',
      category: '房建',
      amountFen: 9_000_000_00,
    }),
    doc('njSteel', { title: '南京江北新区钢结构人行桥工程', regionCode: '320100', category: '市政' }),
    doc('hzWall', { title: '杭州滨江科创园玻璃幕墙工程', regionCode: '330108', category: '装饰' }),
    doc('szWall', { title: '苏州工业园区写字楼幕墙改造', regionCode: '320500', category: '装饰' }),
    doc('hzPit', { title: '杭州地铁三号线车站基坑支护工程', regionCode: '330106', category: '市政' }),
    doc('cdPit', { title: '成都天府新区综合体基坑支护及土方开挖', regionCode: '510100', category: '房建' }),
    doc('hzDeco', { title: '杭州西湖区住宅小区精装修工程', regionCode: '330106', category: '装饰' }),
    {
      ...doc('gzCrane', {
        title: 'QTZ80 塔吊租赁 臂长60米',
        regionCode: '440100',
        category: '塔吊',
        amountFen: 3_500_000,
      }),
      kind: 'resource' as const,
      orgId: supplierA,
      orgName: '广东粤力工程机械租赁有限公司',
      unit: '台·月',
    },
    {
      ...doc('hzCrane', {
        title: 'QTZ63 塔吊出租 杭州本地',
        regionCode: '330100',
        category: '塔吊',
        amountFen: 2_800_000,
      }),
      kind: 'resource' as const,
      orgId: supplierB,
      orgName: '杭州建工机械有限公司',
      unit: '台·月',
    },
    {
      ...doc('invited', { title: '杭州钢结构邀请招标项目', regionCode: '330100', category: '房建' }),
      visibility: 'invited' as const,
      audience: [newId()],
    },
  ]);
});
afterAll(async () => {
  await t.close();
});

async function find(params: Record<string, string | number>) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
  const response = await client.get(`/api/search?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    items: { id: string; title: { text: string; hit: boolean }[]; distanceKm: number | null; kind: string }[];
    nextCursor: string | null;
    facets: { total: number; kind: { key: string; count: number }[]; province: { key: string; count: number }[] };
  };
}
const keys = (items: { id: string }[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

describe('search quality (hand-written queries)', () => {
  it('钢结构 杭州 → Hangzhou steel-structure projects first, those with both words in the title on top', async () => {
    const result = await find({ q: '钢结构 杭州' });
    const found = keys(result.items);
    expect(found.slice(0, 2).sort()).toEqual(['hzSteel', 'hzSteel2']);
    expect(found).toContain('hzSteelMention');
    expect(found).not.toContain('nbSteel');
    expect(found).not.toContain('njSteel');
    expect(found).not.toContain('invited');
    const title = result.items[0]?.title ?? [];
    expect(title.filter((s) => s.hit).map((s) => s.text)).toEqual(expect.arrayContaining(['杭州', '钢结构']));
  });

  it('a two-character query, 幕墙, finds the curtain-wall projects and nothing else', async () => {
    expect(keys((await find({ q: '幕墙' })).items).sort()).toEqual(['hzWall', 'szWall']);
  });

  it('tolerates a typo: 钢结够 finds the steel-structure projects', async () => {
    const found = keys((await find({ q: '钢结够' })).items);
    expect(found).toEqual(expect.arrayContaining(['hzSteel', 'hzSteel2', 'nbSteel', 'njSteel']));
    expect(found).not.toContain('hzWall');
  });

  it('tolerates a typo in a longer term: 基坑支户 finds 基坑支护', async () => {
    expect(keys((await find({ q: '基坑支户' })).items).sort()).toEqual(['cdPit', 'hzPit']);
  });

  it('finds a name the dictionary does not know: 智造产业园 钢结构', async () => {
    expect(keys((await find({ q: '智造产业园 钢结构' })).items)).toEqual(['hzSteel']);
  });

  it('finds a partial word: 钢结 matches 钢结构', async () => {
    expect(keys((await find({ q: '钢结' })).items)).toEqual(expect.arrayContaining(['hzSteel', 'nbSteel']));
  });

  it('finds a model number and filters by kind: QTZ80 → the crane listing', async () => {
    expect(keys((await find({ q: 'qtz80' })).items)).toEqual(['gzCrane']);
    expect(keys((await find({ q: '塔吊', kind: 'resource' })).items).sort()).toEqual(['gzCrane', 'hzCrane']);
    expect(keys((await find({ q: '塔吊', kind: 'project' })).items)).toEqual([]);
  });

  it('filters by province and by amount, and counts facets over all matches', async () => {
    const zj = await find({ q: '钢结构', region: '330000' });
    expect(keys(zj.items).sort()).toEqual(['hzSteel', 'hzSteel2', 'hzSteelMention', 'nbSteel']);
    // The province facet ignores the province filter, so the user sees what other provinces hold.
    expect(zj.facets.province.find((p) => p.key === '320000')?.count).toBe(1);
    expect(zj.facets.total).toBe(4);
    const big = await find({ q: '钢结构', minAmount: 2_000_000_000, maxAmount: 6_000_000_000 });
    expect(keys(big.items).sort()).toEqual(['hzSteel', 'hzSteel2']);
  });

  it('finds within a radius, nearest first', async () => {
    const westLake = { lat: 30.26, lng: 120.13 };
    const result = await find({ q: '杭州', ...westLake, radiusKm: 30, sort: 'distance', kind: 'project' });
    const distances = result.items.map((i) => i.distanceKm as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(keys(result.items)[0]).toMatch(/^(hzPit|hzDeco|hzSteelMention)$/);
    expect(keys(result.items)).not.toContain('nbSteel');
    expect(Math.max(...distances)).toBeLessThanOrEqual(30);
  });

  it('keeps pages stable while documents are added between them (keyset pagination)', async () => {
    const first = await find({ q: '杭州', limit: 3, sort: 'date' });
    expect(first.items).toHaveLength(3);
    // A newer matching project arrives between page 1 and page 2.
    await indexDocuments(t.ctx, [doc('late', { title: '杭州新发布的钢结构项目', regionCode: '330100' })]);
    const seen = [...first.items.map((i) => i.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await find({ q: '杭州', limit: 3, sort: 'date', cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(ids.late);
    const all = await find({ q: '杭州', limit: 50, sort: 'date' });
    expect(all.items.map((i) => i.id).filter((id) => id !== ids.late)).toEqual(seen);
  });

  it('applies the ranking boost of new merchants to resource listings', async () => {
    const viewer = { userId: newId(), orgIds: [], activeOrgId: null };
    const plain = await search(
      t.ctx,
      viewer,
      SearchQuery.parse({ q: '塔吊', kind: 'resource' }),
      staticRankingBoost({}),
    );
    const boosted = await search(
      t.ctx,
      viewer,
      SearchQuery.parse({ kind: 'resource' }),
      staticRankingBoost({ [supplierA]: 0.3 }),
    );
    expect(plain.items.some((i) => i.boosted)).toBe(false);
    expect(boosted.items[0]?.id).toBe(ids.gzCrane);
    expect(boosted.items[0]?.boosted).toBe(true);
  });

  it('records searched keywords for the keyword-ranking report', async () => {
    await find({ q: '不存在的材料 xyz' });
    const { client: merchant } = await registeredClient(t.app);
    const org = (
      await merchant.post('/api/orgs', {
        name: '测试供应商有限公司',
        creditCode: (await import('../../test/credit-codes')).validCreditCode(),
        businessRoles: ['SUP'],
      })
    ).json();
    const ranking = (await merchant.get(`/api/orgs/${org.id}/search-keywords?days=7`)).json();
    const steel = ranking.items.find((i: { keyword: string }) => i.keyword === '钢结构');
    expect(steel.searches).toBeGreaterThanOrEqual(2);
    expect(ranking.items.find((i: { keyword: string }) => i.keyword === '不存在的材料 xyz')).toMatchObject({
      searches: 1,
      zeroResultSearches: 1,
    });
  });
});

describe('bad search input', () => {
  it('refuses a 2,000-character query with a clear message', async () => {
    const response = await client.get(`/api/search?q=${encodeURIComponent('钢'.repeat(2000))}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0]).toMatchObject({ code: 'QUERY_TOO_LONG' });
  });

  it('refuses coordinates outside China and a radius without a point', async () => {
    const far = await client.get('/api/search?lat=91&lng=500&radiusKm=10');
    expect(far.statusCode).toBe(400);
    expect(far.json().issues.map((i: { code: string }) => i.code)).toContain('COORDINATE_OUT_OF_RANGE');
    const noPoint = await client.get('/api/search?radiusKm=10');
    expect(noPoint.json().issues[0].code).toBe('RADIUS_NEEDS_POINT');
  });

  it('treats SQL and markup in the query as words', async () => {
    for (const q of ["'; drop table search_documents; --", '<script>alert(1)</script>', '\\\\ %_ \'"']) {
      expect((await client.get(`/api/search?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
    }
    expect((await find({ q: '幕墙' })).items).toHaveLength(2);
  });

  it('refuses a forged cursor', async () => {
    const response = await client.get('/api/search?q=杭州&cursor=bm90LWEtY3Vyc29y');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('SEARCH_CURSOR_INVALID');
  });
});
