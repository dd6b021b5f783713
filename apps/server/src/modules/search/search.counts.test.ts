import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { regionCentroid } from '../regions';
import { indexDocuments, type SearchDocumentInput } from './search.service';

/**
 * Counts a user can trust: 1,050 projects indexed before 30 demands and 12 resources, so the first 1,001 rows of
 * the table are all projects (what made 需求库 say "超过 0 条结果" with an empty province facet). Every count is
 * exact up to 1,000, then "1,000+", for every kind, with and without a keyword.
 */
let t: TestApp;
let client: TestClient;
const owner = newId();
const PROVINCES = ['330106', '320102', '440103'];

function doc(kind: SearchDocumentInput['kind'], i: number, title: string): SearchDocumentInput {
  const regionCode = PROVINCES[i % PROVINCES.length] as string;
  return {
    kind,
    id: newId(),
    orgId: owner,
    orgName: '浙江宏筑建设集团有限公司',
    title,
    body: '',
    regionCode,
    amountFen: 1_000_000_00,
    tags: i % 2 === 0 ? ['钢结构'] : [],
    location: regionCentroid(regionCode),
    visibility: 'public',
    publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  client = (await registeredClient(t.app)).client;
  const projects = Array.from({ length: 1_050 }, (_, i) => doc('project', i, `厂房钢结构工程 ${i} 号`));
  for (let i = 0; i < projects.length; i += 200) await indexDocuments(t.ctx, projects.slice(i, i + 200));
  await indexDocuments(t.ctx, [
    ...Array.from({ length: 30 }, (_, i) => doc('demand', i, `商品混凝土采购 ${i} 批`)),
    ...Array.from({ length: 12 }, (_, i) => doc('resource', i, `塔式起重机租赁 ${i}`)),
  ]);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

interface Bucket {
  key: string;
  count: number;
  more: boolean;
}
async function facets(params: Record<string, string>) {
  const response = await client.get(`/api/search?${new URLSearchParams({ ...params, facets: 'true' })}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().facets as {
    total: number;
    totalMore: boolean;
    exact: boolean;
    kind: Bucket[];
    province: Bucket[];
    tag: Bucket[];
  };
}
const counts = (buckets: Bucket[]) => Object.fromEntries(buckets.map((b) => [b.key, b.more ? '1000+' : b.count]));

describe('search counts and facets', () => {
  it('counts demands exactly without a keyword, with their provinces and tags', async () => {
    const f = await facets({ kind: 'demand' });
    expect([f.total, f.totalMore, f.exact]).toEqual([30, false, true]);
    expect(counts(f.province)).toEqual({ '330000': 10, '320000': 10, '440000': 10 });
    expect(counts(f.tag)).toEqual({ 钢结构: 15 });
    // the kind facet counts every kind on its own, not in a sample dominated by projects
    expect(counts(f.kind)).toEqual({ project: '1000+', demand: 30, resource: 12 });
  });

  it('counts resources exactly, with and without a keyword and a province', async () => {
    expect((await facets({ kind: 'resource' })).total).toBe(12);
    const f = await facets({ kind: 'resource', q: '塔式起重机', region: '330000' });
    expect([f.total, f.totalMore]).toEqual([4, false]);
    // the province facet ignores its own filter
    expect(counts(f.province)).toEqual({ '330000': 4, '320000': 4, '440000': 4 });
  });

  it('says 1,000+ for projects instead of a sample count, and names provinces without guessing their numbers', async () => {
    const cases: Record<string, string>[] = [{ kind: 'project' }, { kind: 'project', q: '钢结构' }, {}];
    for (const params of cases) {
      const f = await facets(params);
      expect([f.total, f.totalMore, f.exact]).toEqual([1_000, true, false]);
      expect(f.province.map((p) => p.key).sort()).toEqual(['320000', '330000', '440000']);
    }
  });

  it('is exact again once a filter brings projects under the threshold', async () => {
    const f = await facets({ kind: 'project', region: '330000' });
    expect([f.total, f.totalMore]).toEqual([350, false]);
    const tagged = await facets({ kind: 'project', region: '330000', tags: '钢结构' });
    expect(tagged.total).toBe(175);
  });
});
