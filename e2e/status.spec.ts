import { expect, test } from './journey-test';
import { demoLogin, expectAccessible } from './support';

/** The demo platform admin (fixed authenticator secret, demo only). */
const ADMIN = { email: 'admin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

/**
 * 运行状态 (PLAT-3): the admin sees this instance's response times, every dependency healthy and the demo's past
 * alerts; an organisation member is refused the page's data.
 */
test('an admin reads the platform status: response times, dependencies and past alerts; a member is refused', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await demoLogin(admin, ADMIN.email, ADMIN.secret);
  await admin.goto('/staff');
  await admin.getByRole('link', { name: '运行状态' }).click();
  await expect(admin.getByRole('heading', { name: '运行状态', level: 1 })).toBeVisible();
  // the journey's own requests went through this server
  await expect(admin.getByTestId('status-requests')).not.toContainText('—');
  await expect(admin.getByTestId('status-p95')).toContainText('毫秒');
  await expect(admin.getByTestId('dependency-database')).toContainText('正常');
  await expect(admin.getByTestId('dependency-disk')).toContainText('%');
  // PLAT-7: the circuit breakers of the outgoing dependencies, all closed on a healthy instance
  await expect(admin.getByTestId('breaker-smtp')).toContainText('闭合');
  await expect(admin.getByTestId('breaker-bank')).toContainText('银行接口');
  await expect(admin.getByTestId('breaker-bank')).toContainText('超时 5,000 毫秒');
  const alerts = admin.getByTestId('status-alert');
  await expect(alerts.filter({ hasText: '响应变慢' })).toContainText('已恢复');
  await expect(alerts.filter({ hasText: '错误激增' })).toContainText('12.5%');
  await expectAccessible(admin, 'platform status');
  await admin.screenshot({ path: 'e2e/artifacts/staff-status-1280.png', fullPage: true });
  await admin.setViewportSize({ width: 375, height: 800 });
  // the alerts table scrolls sideways at 375 px: a named, focusable region
  await expect(admin.getByRole('region', { name: /运行告警/ })).toBeVisible();
  await expectAccessible(admin, 'platform status at 375 px');
  await admin.screenshot({ path: 'e2e/artifacts/staff-status-375.png', fullPage: true });

  // English second
  await admin.evaluate("localStorage.setItem('zhuhe.language', 'en')");
  await admin.reload();
  await expect(admin.getByRole('heading', { name: 'Platform status', level: 1 })).toBeVisible();
  await expect(admin.getByTestId('dependency-database')).toContainText('OK');
  await expectAccessible(admin, 'platform status in English at 375 px');

  // an organisation member gets no status: the API refuses them
  const gc = await (await browser.newContext()).newPage();
  await demoLogin(gc, 'gc@example.com');
  expect((await gc.request.get('/api/staff/status')).status()).toBe(403);
  // …and, with every dependency healthy, no notice of delayed services
  expect((await (await gc.request.get('/api/system/notices')).json()).notices).toEqual([]);
  await expect(gc.getByTestId(/^system-notice-/)).toHaveCount(0);
});
