import type { AppContext } from '../infra/context';
import { createKey, recordCall, revokeKey } from '../modules/developer';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

/**
 * 开放平台: gc@'s organisation has one active key (its ERP reads projects and demands; two calls recorded) and one
 * revoked key. The secrets are discarded: a demo visitor creates a fresh key to try the API.
 */
export async function seedDeveloperDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const gc = await demoActor(ctx, 'gc@example.com');
  const orgId = gc.activeOrgId as string;
  const active = await createKey(ctx, gc, orgId, {
    name: '项目管理 ERP 同步',
    scopes: ['projects:read', 'demands:read'],
    expiresInDays: 90,
    ipAllowList: ['203.0.113.0/24'],
  });
  for (const route of ['/api/v1/projects', '/api/v1/demands'])
    await recordCall(ctx, { keyId: active.key.id, orgId, method: 'GET', route, status: 200, ip: '203.0.113.20' });
  const old = await createKey(ctx, gc, orgId, {
    name: '旧版招标看板（已停用）',
    scopes: ['tenders:read'],
    expiresInDays: 30,
    ipAllowList: [],
  });
  await revokeKey(ctx, gc, orgId, old.key.id);
  return [];
}
