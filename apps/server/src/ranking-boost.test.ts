import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from './infra/ids';
import { activeRankingBoosts } from './modules/commission';
import { regionCentroid } from './modules/regions';
import { indexDocuments } from './modules/search';
import { createTestApp, registeredClient, type TestApp } from './test/test-app';

/**
 * The wiring between modules built apart: the commission policy's new-merchant boost (流量扶持, 3 months) must
 * reach search ranking through the composition root.
 */
let t: TestApp;
const newMerchant = newId();
const oldMerchant = newId();
const listing = { newer: newId(), older: newId() };

async function activeMerchant(orgId: string, activatedAt: Date) {
  await t.database.db.execute(sql`
    insert into merchant_applications (org_id, id, stage, category_code, service_regions, shop_name, profile,
      verification_id, first_submitted_at, submitted_at, stage_entered_at, activated_at, created_by)
    values (${orgId}, ${newId()}, 'active', 'machinery_rental', ${sql.raw("array['330000']")}, '塔吊租赁', '塔吊租赁服务',
      ${newId()}, ${activatedAt}, ${activatedAt}, ${activatedAt}, ${activatedAt}, ${newId()})`);
}

beforeAll(async () => {
  t = await createTestApp();
  await activeMerchant(newMerchant, new Date(Date.now() - 10 * 86_400_000));
  await activeMerchant(oldMerchant, new Date(Date.now() - 400 * 86_400_000));
  const base = {
    kind: 'resource' as const,
    body: '',
    amountFen: 3_500_000,
    tags: [],
    location: regionCentroid('330100'),
    visibility: 'public' as const,
    regionCode: '330100',
    category: '机械租赁',
  };
  await indexDocuments(t.ctx, [
    // The new merchant's listing is the older one: without the boost it would come second.
    {
      ...base,
      id: listing.older,
      orgId: newMerchant,
      orgName: '新入驻机械租赁有限公司',
      title: 'QTZ80 塔吊租赁',
      publishedAt: new Date('2026-09-01T00:00:00Z'),
    },
    {
      ...base,
      id: listing.newer,
      orgId: oldMerchant,
      orgName: '老牌机械租赁有限公司',
      title: 'QTZ80 塔吊租赁',
      publishedAt: new Date('2026-11-01T00:00:00Z'),
    },
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('new-merchant boost in search', () => {
  it('boosts only merchants inside the policy’s three months', async () => {
    const boosts = await activeRankingBoosts(t.ctx);
    expect(boosts.get(newMerchant)).toBeGreaterThan(1);
    expect(boosts.has(oldMerchant)).toBe(false);
  });

  it('ranks the boosted merchant’s listing first in a live search', async () => {
    const { client } = await registeredClient(t.app, undefined, '采购');
    const result = (await client.get(`/api/search?q=${encodeURIComponent('塔吊')}&kind=resource`)).json();
    expect(result.items.map((i: { id: string }) => i.id)).toEqual([listing.older, listing.newer]);
    expect(result.items[0]).toMatchObject({ boosted: true });
  });
});
