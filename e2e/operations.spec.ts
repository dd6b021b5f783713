import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from './journey-test';
import { demoLogin } from './support';

/** The demo 地推专员 of 华东 and the centre's manager (demo secrets only). */
const BD = { email: 'bd@example.com', secret: 'YC3FFY5RPQ3XLT7F6HL4JDJR3ZM4URDA' };
const MANAGER = { email: 'ops.east@example.com', secret: 'UGTQWRL45VZBXSHTX2HJHVZDZ4X4WNAR' };

async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 900 } });
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 31.27, longitude: 120.63, accuracy: 30 });
  return context.newPage();
}

/**
 * 运营中心 (seed 000 §3 §5): bd@ on a phone checks in a visit at 苏州吴中市政 with the browser's position, and sees
 * the month's progress against the target of 30; the 华东 manager opens the monthly 用户体验改进报告 and downloads its
 * PDF.
 */
test('a BD checks in a visit on a phone and sees the progress; the manager downloads the monthly report', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const bd = await newPage(browser, 375);
  await demoLogin(bd, BD.email, BD.secret);
  await bd.goto('/staff/operations/leads');
  await expect(bd.getByRole('heading', { level: 1, name: '我的线索' })).toBeVisible();
  const progress = bd.getByTestId('ops-my-progress');
  await expect(progress).toContainText('已注册新客户 2 / 目标 30');
  await expect(progress).toContainText('本月拜访 ');
  const visitsBefore = Number((await progress.textContent())?.match(/本月拜访 (\d+) 次/)?.[1]);

  const lead = bd.getByTestId('ops-lead').filter({ hasText: '苏州吴中市政工程有限公司' });
  await expect(lead).toContainText('已拜访');
  await lead.getByRole('button', { name: '签到：苏州吴中市政工程有限公司' }).click();
  const drawer = bd.getByRole('dialog', { name: '拜访签到：苏州吴中市政工程有限公司' });
  await drawer.getByRole('textbox', { name: '拜访地点' }).fill('苏州市吴中区东吴北路 98 号');
  await drawer.getByRole('textbox', { name: '拜访纪要' }).fill('带来履约保证险材料，对方同意试用在线招标');
  await drawer.getByRole('textbox', { name: '下一步' }).fill('下周陪同注册并完成企业认证');
  await drawer.getByRole('checkbox', { name: '客户有合作意向' }).check();
  await drawer.getByRole('button', { name: '附上我的位置' }).click();
  await expect(drawer.getByText(/已获取位置/)).toBeVisible();
  await drawer.getByRole('button', { name: '提交签到' }).click();
  await expect(bd.getByText('签到成功')).toBeVisible();
  await expect(lead).toContainText('意向');
  await expect(progress).toContainText(`本月拜访 ${visitsBefore + 1} 次`);
  await lead.getByRole('button', { name: '拜访记录' }).click();
  await expect(lead).toContainText('带来履约保证险材料');

  const manager = await newPage(browser);
  await demoLogin(manager, MANAGER.email, MANAGER.secret);
  await manager.goto('/staff/operations');
  await expect(manager.getByTestId('ops-targets')).toContainText('地推专员 周凯');
  await manager.goto('/staff/operations/reports');
  await expect(manager.getByRole('heading', { level: 1, name: '用户体验改进报告' })).toBeVisible();
  await expect(manager.getByTestId('ops-report-findings')).toContainText('工单当月解决率');
  const downloading = manager.waitForEvent('download');
  await manager.getByTestId('ops-report-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^筑合用户体验改进报告-\d{4}-\d{2}\.pdf$/);
  expect(
    readFileSync((await download.path()) as string)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
});
