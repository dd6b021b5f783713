import { type Browser, expect, type Page, test } from './journey-test';
import { demoLogin, notificationsAbout } from './support';

/** The demo platform admin, who also holds the policy editor role (demo only). */
const ADMIN = { email: 'admin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/**
 * 政策库 (DATA-1): the editor publishes a policy with its interpretation → gc@, subscribed to 浙江省 in the demo,
 * is notified → finds it by a Chinese keyword → reads the interpretation; the editor revises it and the version
 * history shows both versions.
 */
test('an editor publishes a policy, a subscriber is notified, finds it by keyword and sees both versions', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString().slice(-6);
  const title = `杭州市智慧工地建设与农民工实名制管理通知（示例${stamp}）`;

  // 1. the editor writes the policy with its interpretation and publishes it
  const editor = await newPage(browser);
  await demoLogin(editor, ADMIN.email, ADMIN.secret);
  await editor.goto('/staff/policies');
  await editor.getByRole('button', { name: '新建政策' }).click();
  const drawer = editor.getByRole('dialog', { name: '新建政策草稿' });
  await drawer.getByRole('textbox', { name: '标题', exact: true }).fill(title);
  await drawer.getByRole('combobox', { name: '发文机关' }).fill('杭州市城乡建设委员会');
  await drawer.getByRole('textbox', { name: '文号', exact: true }).fill(`杭建〔2026〕示例${stamp}号`);
  for (const [label, value] of [
    ['发布日期', '2026-11-20'],
    ['施行日期', '2026-12-01'],
  ] as const) {
    await drawer.getByRole('textbox', { name: label, exact: true }).click();
    await drawer.getByRole('textbox', { name: label, exact: true }).fill(value);
    await drawer.getByRole('textbox', { name: label, exact: true }).press('Enter');
  }
  // 适用地区 浙江省 / 杭州市, column by column
  await drawer.getByRole('combobox', { name: '适用地区' }).click();
  await editor
    .locator('.ant-cascader-menu-item')
    .filter({ hasText: /^浙江省$/ })
    .click();
  await editor
    .locator('.ant-cascader-menu-item')
    .filter({ hasText: /^杭州市$/ })
    .click();
  await drawer.getByText('新建政策草稿').click();
  await expect(drawer.getByText('浙江省 / 杭州市')).toBeVisible();
  await drawer.getByRole('combobox', { name: '类别' }).click();
  await editor.getByTitle('农民工工资', { exact: true }).click();
  await drawer
    .getByRole('textbox', { name: '政策全文', exact: true })
    .fill('在建房屋建筑和市政工程项目全面推行智慧工地建设，实名制考勤数据接入农民工工资支付监管平台。');
  await drawer
    .getByRole('textbox', { name: '要点', exact: true })
    .fill('1. 在建项目接入智慧工地平台\n2. 实名制考勤与工资代发联动');
  await drawer
    .getByRole('textbox', { name: '影响', exact: true })
    .fill('总承包单位需在开工前完成考勤设备安装并接入平台。');
  await drawer
    .getByRole('textbox', { name: '谁受影响', exact: true })
    .fill('在杭州市承接房屋建筑和市政工程的施工总承包企业');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(editor.getByText('草稿已创建')).toBeVisible();
  const row = editor.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('草稿');
  await row.getByRole('button', { name: '发布' }).click();
  await editor.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
  await expect(row).toContainText('现行有效');

  // 2. gc@ subscribed to 浙江省: the Hangzhou policy reaches them as a notification
  const gc = await newPage(browser);
  await demoLogin(gc, 'gc@example.com');
  await expect.poll(() => notificationsAbout(gc, title), { timeout: 90_000, intervals: [1_000, 2_000, 3_000] }).toBe(1);
  await gc.reload();
  await gc.getByTestId('notification-bell').click();
  await expect(gc.getByTestId('notification-item').filter({ hasText: title })).toHaveCount(1);
  await gc.keyboard.press('Escape');

  // 3. gc@ finds it by a Chinese keyword in the policy library and reads the interpretation
  await gc.goto('/policies');
  await gc.getByPlaceholder('输入关键词').fill('智慧工地 实名制');
  await gc.getByRole('button', { name: '搜索' }).click();
  await expect(gc.getByTestId('policy-total')).toHaveText('共 1 条政策');
  await gc.setViewportSize({ width: 375, height: 800 });
  await gc.screenshot({ path: 'e2e/artifacts/policies-list-375.png', fullPage: true });
  await gc.setViewportSize({ width: 1280, height: 800 });
  await gc.getByRole('link', { name: title }).click();
  await expect(gc.getByText('浙江省 / 杭州市')).toBeVisible();
  const interpretation = gc.getByTestId('policy-interpretation');
  await expect(interpretation).toContainText('在建项目接入智慧工地平台');
  await expect(interpretation).toContainText('在杭州市承接房屋建筑和市政工程的施工总承包企业');
  await gc.setViewportSize({ width: 375, height: 800 });
  await gc.screenshot({ path: 'e2e/artifacts/policy-detail-375.png', fullPage: true });
  await gc.setViewportSize({ width: 1280, height: 800 });

  // 4. the editor revises it: a new version; the earlier one is kept
  await editor.reload();
  await editor.getByRole('row').filter({ hasText: title }).getByRole('button', { name: '修改' }).click();
  const edit = editor.getByRole('dialog', { name: /修改政策/ });
  await expect(edit.getByRole('textbox', { name: '影响', exact: true })).toHaveValue(
    '总承包单位需在开工前完成考勤设备安装并接入平台。',
  );
  await edit
    .getByRole('textbox', { name: '影响', exact: true })
    .fill('总承包单位需在开工前完成考勤设备安装并接入平台；已开工项目于三个月内补装。');
  await edit.getByRole('textbox', { name: '修订说明', exact: true }).fill('补充已开工项目的过渡安排');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(editor.getByText('已保存为第 2 版')).toBeVisible();

  await gc.reload();
  const versions = gc.getByTestId('policy-versions');
  await expect(versions).toContainText('补充已开工项目的过渡安排');
  await expect(versions).toContainText('首次发布');
  await expect(gc.getByTestId('policy-interpretation')).toContainText('三个月内补装');
  await versions.getByRole('button', { name: '第 1 版' }).click();
  await expect(gc.getByText('正在查看第 1 版（历史版本）')).toBeVisible();
  await expect(gc.getByTestId('policy-interpretation')).not.toContainText('三个月内补装');

  // gc@'s own subscriptions, and the pages at 375 px
  await gc.goto('/policy-subscriptions');
  await expect(gc.getByText('浙江省', { exact: true })).toBeVisible();
  await gc.setViewportSize({ width: 375, height: 800 });
  await gc.screenshot({ path: 'e2e/artifacts/policy-subscriptions-375.png', fullPage: true });
  await editor.setViewportSize({ width: 375, height: 800 });
  await editor.screenshot({ path: 'e2e/artifacts/staff-policies-375.png', fullPage: true });
});
