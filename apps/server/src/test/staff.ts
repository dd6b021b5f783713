import type { StaffRole } from '@zhuhe/contracts';
import { seedStaffRoles } from '../modules/staff';
import { enableTotp, nextTotp, PASSWORD, registeredClient, type TestApp, TestClient } from './test-app';

/** A staff member with the given roles, logged in with 2FA (staff routes require it). */
export async function staffClient(t: TestApp, roles: StaffRole[], displayName = '平台审核员') {
  const user = await registeredClient(t.app, undefined, displayName);
  const { secret } = await enableTotp(user.client);
  await seedStaffRoles(t.ctx, user.userId, roles);
  const client = new TestClient(t.app);
  await client.post('/api/auth/login', { identifier: user.identifier, password: PASSWORD });
  const done = await client.post('/api/auth/login/totp', { code: await nextTotp(secret) });
  if (done.statusCode !== 200) throw new Error(`staff login failed: ${done.body}`);
  return { client, userId: user.userId, secret };
}
