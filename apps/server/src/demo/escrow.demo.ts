import type { AppContext } from '../infra/context';
import { createUserDirect } from '../modules/identity';
import { seedStaffRoles } from '../modules/staff';
import { DEMO_PASSWORD, type DemoLogin } from './foundation.demo';

/** Fixed authenticator secrets of the demo finance staff (demo only), so two people can do a dual-controlled unfreeze. */
export const DEMO_FINANCE_TOTP = {
  finance: 'MZUW4YLOMNSSAMJTGE2TQOJQGEZDGNBV',
  finance2: 'MZUW4YLOMNSTEMJTGE2TQOJQGEZDGNBW',
} as const;

const FINANCE_STAFF = [
  { email: 'finance@example.com', name: '平台财务 周衡', totp: DEMO_FINANCE_TOTP.finance },
  { email: 'finance2@example.com', name: '平台财务 吴审（复核人）', totp: DEMO_FINANCE_TOTP.finance2 },
];

/** 财务 two finance staff members: statement import, risk cases, and unfreezing with a second approver. */
export async function seedEscrowDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const s of FINANCE_STAFF) {
    const user = await createUserDirect(ctx, {
      identifier: s.email,
      password: DEMO_PASSWORD,
      displayName: s.name,
      totpSecret: s.totp,
    });
    await seedStaffRoles(ctx, user.id, ['finance']);
    logins.push({ who: s.name, identifier: s.email, password: DEMO_PASSWORD, totpSecret: s.totp });
  }
  return logins;
}
