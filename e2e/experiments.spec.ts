import { type Browser, expect, type Page, test } from './journey-test';
import { demoLogin, json } from './support';

const ADMIN_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const TIP = '先写清楚工程量和工期，再上传资料，一次通过审核。';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await demoLogin(page, email);
  return page;
}

interface ExperimentRow {
  id: string;
  key: string;
  name: string;
  status: string;
  units: number;
}

/**
 * 实验 (GROW-4): an operator designs an experiment on the publish-demand form — weights that do not add up to 100%
 * are refused with nothing saved — stops the experiment running there and starts the new one; three organisations'
 * users open the form and are assigned (the guidance they see is their variant's); the new experiment's results
 * show the split check passing and its units; the three-week demo experiment's results show the split check, the
 * lift with its fixed and always-valid intervals, the CUPED note and the recommendation.
 */
test('staff create an experiment on the demand form, users are assigned, the results explain the statistics', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const key = `demand-form-e2e-${Date.now() % 100000}`;
  const name = 'E2E 表单提示';

  // 1. design it; 60% + 30% is refused and nothing is saved
  await demoLogin(page, 'admin@example.com', ADMIN_SECRET);
  await page.goto('/staff/experiments');
  await expect(page.getByRole('heading', { name: '实验', level: 1 })).toBeVisible();
  const demo = page.getByRole('row').filter({ hasText: '需求表单·具体引导语' });
  await expect(demo).toContainText('运行中');
  await page.getByTestId('new-experiment').click();
  await expect(page.getByRole('heading', { name: '新建实验', level: 1 })).toBeVisible();
  await page.getByLabel('实验标识').fill(key);
  await page.getByLabel('实验名称').fill(name);
  await page.getByLabel('假设').fill('把关键要求放在最前面，更多企业会完成发布');
  const treatment = page.getByTestId('variant-1');
  await treatment.getByLabel('变体标识').fill('tip');
  await treatment.getByLabel('变体名称').fill('要点提示');
  await treatment.getByLabel('展示内容（引导语）').fill(TIP);
  await page.getByTestId('variant-0').getByLabel('权重（%）').fill('60');
  await treatment.getByLabel('权重（%）').fill('30');
  await expect(page.getByTestId('weight-sum')).toHaveText('当前权重合计：90%');
  await page.getByTestId('experiment-submit').click();
  await expect(page.getByTestId('variants-error')).toContainText('各变体的流量权重合计须为 100%（当前为 90%）');
  const before = await json<{ items: ExperimentRow[] }>(page.request.get('/api/staff/experiments'));
  expect(before.items.some((e) => e.key === key)).toBe(false);
  await page.getByTestId('variant-0').getByLabel('权重（%）').fill('50');
  await treatment.getByLabel('权重（%）').fill('50');
  await page.getByTestId('experiment-submit').click();
  await expect(page.getByRole('heading', { name: '实验', level: 1 })).toBeVisible();
  const mine = page.getByRole('row').filter({ hasText: key });
  await expect(mine).toContainText('草稿');

  // 2. one experiment per surface: stop the demo's, then start ours
  await demo.getByRole('button', { name: /^停止/ }).click();
  await expect(demo).toContainText('已停止');
  await mine.getByRole('button', { name: /^开始/ }).click();
  await expect(mine).toContainText('运行中');

  // 3. three organisations' users open the publish-demand form: each sees its variant's guidance, counted once
  const seen: string[] = [];
  for (const email of ['gc@example.com', 'sub@example.com', 'sup@example.com']) {
    const user = await signedIn(browser, email);
    await user.goto('/workspace/demands/new');
    const guidance = user.getByTestId('experiment-guidance');
    await expect(guidance).toHaveAttribute('data-variant', /^(control|tip)$/);
    const variant = (await guidance.getAttribute('data-variant')) as string;
    await expect(guidance).toContainText(variant === 'tip' ? TIP : '请如实填写需求信息');
    seen.push(variant);
    // a second visit is the same variant and not a second exposure
    await user.reload();
    await expect(user.getByTestId('experiment-guidance')).toHaveAttribute('data-variant', variant);
    await user.context().close();
  }
  const after = await json<{ items: ExperimentRow[] }>(page.request.get('/api/staff/experiments'));
  const created = after.items.find((e) => e.key === key) as ExperimentRow;
  expect(created.units).toBe(3);

  // 4. its results: the split is checked from the first units; too few for a lift, so it keeps running
  await page.goto(`/staff/experiments/${created.id}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId('srm')).toHaveAttribute('data-mismatch', 'false');
  await expect(page.getByTestId('srm')).toContainText('分流正常');
  await expect(page.getByTestId('recommendation')).toContainText('继续运行');

  // 5. the three-week demo experiment: SRM ok, the lift with its intervals, CUPED and the recommendation
  const demoRow = after.items.find((e) => e.key === 'demand-form-guidance') as ExperimentRow;
  await page.goto(`/staff/experiments/${demoRow.id}`);
  await expect(page.getByRole('heading', { name: '需求表单·具体引导语', level: 1 })).toBeVisible();
  await expect(page.getByTestId('srm')).toHaveAttribute('data-mismatch', 'false');
  await expect(page.getByTestId('srm')).toContainText('分流正常');
  const goal = page.getByTestId('metric-goal');
  await expect(goal.getByTestId('lift')).toContainText(/具体引导语 比对照组 \+\d+\.\d%/);
  await expect(goal.getByTestId('lift-interval')).toHaveText(/^\[[+−]\d+\.\d%, \+\d+\.\d%\]$/);
  await expect(goal.getByTestId('sequential-interval')).toHaveText(/^\[[+−]\d+\.\d%, \+\d+\.\d%\]$/);
  await expect(goal).toContainText('CUPED 调整');
  await expect(page.getByTestId('recommendation')).toContainText(/建议：(全量发布|继续运行)/);
  await expect(page.getByText('统计方法与决策规则')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/experiment-results-1280.png', fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(goal.getByTestId('lift-interval')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/experiment-results-375.png', fullPage: true });
});
