import { expect, test } from './journey-test';
import { activeOrgId, demoLogin, json } from './support';

/** Demo log-ins (fixed authenticator secret of the demo admin, who is also the demo's risk specialist). */
const ADMIN = { email: 'admin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

/**
 * FLOW-6 and FUND-5 on the demo: the GC opens the released settlement of its subcontract with sub@ → the three
 * parties' signatures and then the platform's seal (筑合平台, automatic, with its time) → the sealed PDF downloads
 * with four signatures. Then last month's wage close: the GC finds the 当月未发放工资 warnings on its risk page with
 * the month's facts, and risk staff find them on the board.
 */
test('the sealed statement shows the platform seal → the GC and risk staff see last month’s unpaid-wage alerts', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const gc = await browser.newPage();
  await demoLogin(gc, 'gc@example.com');
  const orgId = await activeOrgId(gc);
  const contracts = await json<{ items: { contractId: string; contractTitle: string; hasPlan: boolean }[] }>(
    gc.request.get(`/api/orgs/${orgId}/execution`),
  );
  // sub@'s labour subcontract, whose statement the demo released; found by title, since an earlier journey may have
  // moved the business clock until other contracts are late too
  const subcontract = contracts.items.find((c) => c.hasPlan && c.contractTitle.includes('1# 楼主体结构劳务分包'));
  expect(subcontract).toBeDefined();

  await gc.goto(`/workspace/settlement/${subcontract?.contractId}`);
  const seal = gc.getByTestId('platform-seal');
  await expect(seal).toContainText('平台签章');
  await expect(seal).toContainText(/筑合平台 自动签章 \d{4}-\d{2}-\d{2}/);
  await expect(gc.getByTestId('signature-supervisor')).not.toContainText('未签署');
  await expect(gc.getByText('不代表平台确认工程量或金额')).toBeVisible();
  const href = await gc.getByTestId('statement-pdf').getAttribute('href');
  expect(href).toBeTruthy();
  const pdf = await gc.request.get(href as string);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const bytes = (await pdf.body()).toString('latin1');
  expect(bytes.match(/\/ByteRange/g)).toHaveLength(4);

  // Last month closed at seeding: two subcontracts with workers on site and no payout from their wage accounts.
  await gc.goto('/workspace/risk');
  const alerts = gc.locator('[data-testid=risk-warning][data-type=wage_unpaid]');
  await expect(alerts).toHaveCount(2);
  await expect(alerts.first()).toContainText('工资专户未发放工资');
  // gc@ acknowledged the one on sub@'s subcontract at seeding; the one on sub2@'s 幕墙 subcontract is open
  const open = alerts.filter({ hasText: '2# 楼幕墙专业分包' });
  await expect(open.getByTestId('risk-state')).toHaveText('待处理');
  await open.getByText('依据').click();
  await expect(open).toContainText('有工人在场的日志天数');
  await open.getByRole('button', { name: '确认知悉' }).click();
  await expect(open.getByTestId('risk-state')).toHaveText('已确认');

  const staff = await browser.newPage();
  await demoLogin(staff, ADMIN.email, ADMIN.secret);
  await staff.goto('/staff/risk');
  // gc@'s two, and gc2@'s 围墙 subcontract's when one of its logs fell in last month
  const onBoard = staff.locator('[data-testid=risk-warning][data-type=wage_unpaid]');
  await expect(onBoard.filter({ hasText: '2# 楼幕墙专业分包' })).toHaveCount(1);
  expect(await onBoard.count()).toBeGreaterThanOrEqual(2);
});
