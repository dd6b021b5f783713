import { expect, test } from './journey-test';
import { demoLogin } from './support';

/** The demo platform admin, who is also an operator (运营) (demo only). */
const ADMIN = { email: 'admin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

test('staff open the lead follow-up journey, dry-run it and see who would receive what, with nothing sent', async ({
  page,
}) => {
  await demoLogin(page, ADMIN.email, ADMIN.secret);

  // 1. the journeys list: the three built-in templates seeded and running
  await page.getByRole('link', { name: '营销旅程' }).click();
  await expect(page.getByRole('heading', { name: '营销旅程' })).toBeVisible();
  const journeys = page.getByTestId('journeys');
  await expect(journeys).toContainText('沉默 30 天组织召回');
  await expect(journeys).toContainText('新商家欢迎系列');
  await journeys.getByRole('link', { name: '注册线索 24 小时跟进' }).click();

  // 2. its members and send log: one lead followed up, one who unsubscribed from e-mail, one who acted and left
  await expect(page.getByRole('heading', { name: '注册线索 24 小时跟进' })).toBeVisible();
  await expect(page.getByTestId('enrolments')).toContainText('钱工（刚注册）');
  await expect(page.getByTestId('enrolments')).toContainText('已退出');
  const log = page.getByTestId('send-log');
  await expect(log).toContainText('王工（新注册）');
  await expect(
    log.getByRole('row').filter({ hasText: '徐女士（已退订邮件）' }).filter({ hasText: '三步完成企业入驻' }),
  ).toContainText('已退订/未开通');
  const sendsBefore = await log.getByRole('row').count();

  // 3. the dry-run: the lead still inside the 24 hours would get the sales call and the guide e-mail
  await page.getByRole('button', { name: '试运行' }).click();
  const preview = page.getByTestId('dry-run');
  await expect(preview).toContainText(/试运行：\d+ 位接收者/);
  const lead = preview.getByRole('row').filter({ hasText: '钱工（刚注册）' });
  await expect(lead.filter({ hasText: '销售跟进任务' })).toContainText('电话回访新注册用户');
  await expect(lead.filter({ hasText: '邮件' })).toContainText('三步完成企业入驻，开始承接项目');
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: 'docs/screenshots/automation-dry-run-375.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // 4. nothing was sent: the send log is as it was
  await page.reload();
  await expect(page.getByTestId('send-log')).toContainText('王工（新注册）');
  expect(await page.getByTestId('send-log').getByRole('row').count()).toBe(sendsBefore);

  // 5. the sales follow-ups the journey created, at 375 px
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/staff/automation/tasks');
  const tasks = page.getByTestId('follow-up-tasks');
  await expect(tasks).toContainText('王工（新注册）');
  await expect(tasks).toContainText('已完成');
  await page.screenshot({ path: 'docs/screenshots/automation-tasks-375.png', fullPage: true });
});

test('a journey built with a step that loops back is refused with the reason, and nothing is saved', async ({
  page,
}) => {
  await demoLogin(page, ADMIN.email, ADMIN.secret);
  await page.goto('/staff/automation/new');
  await page.getByLabel('名称', { exact: true }).fill('循环测试旅程');
  await page.getByLabel('标题', { exact: true }).fill('欢迎回来');
  await page.getByRole('button', { name: '添加步骤' }).click();
  await page.getByTestId('step-2-type').click();
  await page.getByTitle('条件', { exact: true }).click();
  await page.getByTestId('step-2-on-false').click();
  await page.getByTitle('跳到第 1 步', { exact: true }).click();
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page.getByText('旅程的步骤形成了循环（s1 → s2 → s1）')).toBeVisible();

  await page.goto('/staff/automation');
  await expect(page.getByTestId('journeys')).toContainText('注册线索 24 小时跟进');
  await expect(page.getByTestId('journeys')).not.toContainText('循环测试旅程');
});
