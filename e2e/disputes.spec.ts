import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sitePhotoJpeg } from '../apps/server/src/demo/site-photo.ts';
import { expect, type Page, test } from './journey-test';
import { demoLogin } from './support';

/** Demo log-ins of the disputes seeder (fixed authenticator secrets, demo only). */
const SERVICE = { email: 'service@example.com', secret: 'ONSXE5TJMNSSAMJTGE2TQOJQGEZDGNBX' };
const ARB1 = { email: 'arb1@example.com', secret: 'MFZGEMJAGEZTCNBYHEYDCMRTGQ3TQOJQ' };
const ARB2 = { email: 'arb2@example.com', secret: 'MFZGEMRAGEZTCNBYHEYDCMRTGQ3TQOJR' };

test('a SUB files a dispute about a withheld payment with evidence → team within 2 hours → mediation fails → the committee decides → escrow releases the award → the outcome is visible', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // 1. sub2@ (四川蜀安幕墙) files about the 5# 楼 contract, whose earlier case is closed
  const sub = await browser.newPage();
  await demoLogin(sub, 'sub2@example.com');
  const gc = await browser.newPage();
  await demoLogin(gc, 'gc2@example.com');
  // the decided cases each credit page lists before this one
  const resultsBefore = async (page: Page) => {
    await page.goto('/workspace/credit');
    await expect(page.getByText('纠纷结果')).toBeVisible();
    return page.getByTestId('credit-dispute-result').count();
  };
  const subBefore = await resultsBefore(sub);
  const gcBefore = await resultsBefore(gc);
  await sub.goto('/workspace/disputes/new');
  await sub.getByTestId('dispute-contract').click();
  await sub.getByText('安置房三期 5# 楼幕墙分包 · 中原恒泰建工有限公司').click();
  await sub.getByTestId('dispute-amount').fill('100000');
  await sub
    .getByTestId('dispute-claim')
    .fill('第二节点幕墙安装经监理验收合格，总包扣留进度款 10 万元至今未付，请求支付。');
  const photo = join(tmpdir(), `监理验收-${Date.now()}.jpg`);
  writeFileSync(photo, sitePhotoJpeg({ takenAt: '2026:11:20 10:00:00', latitude: 34.52, longitude: 113.84 }));
  await sub.locator('input[type=file]').setInputFiles(photo);
  await sub.getByTestId('dispute-submit').click();
  await sub.waitForURL(/\/workspace\/disputes\/[0-9a-f-]{36}$/);
  const disputeId = sub.url().split('/').pop() as string;
  await expect(sub.getByTestId('dispute-held')).toHaveText('¥100,000.00');
  await expect(sub.getByTestId('evidence-claimant')).toContainText('监理验收');
  // the case team formed at once: the 2-hour clock is green
  await expect(sub.getByText('客服主管 唐悦')).toBeVisible();
  await expect(sub.getByTestId('clock-breached')).toHaveCount(0);

  // 2. customer service: mediation fails → the committee
  const service = await browser.newPage();
  await demoLogin(service, SERVICE.email, SERVICE.secret);
  await service.goto(`/staff/disputes/${disputeId}`);
  await service.getByTestId('mediation-note').fill('线上调解一次，总包坚持待整改完成后付款，调解未成。');
  await service.getByTestId('mediation-failed').click();
  await expect(service.getByText('二级 平台仲裁委员会')).toBeVisible();

  // 3. two arbitrators vote the same award: the committee decides
  for (const [index, arb] of [ARB1, ARB2].entries()) {
    const page = await browser.newPage();
    await demoLogin(page, arb.email, arb.secret);
    await page.goto(`/staff/disputes/${disputeId}`);
    await page.getByTestId('vote-amount').fill('80000');
    await page.getByRole('combobox').first().click();
    await page.getByTitle('部分支持').click();
    await page.getByTestId('vote-reasons').fill('验收记录完整，应予支付；2 万元对应的整改项待复验合格后支付。');
    // the deciding vote renders and seals the decision PDF and releases escrow in its request: on a loaded
    // machine that takes longer than an assertion's default wait, so wait for the answer itself
    const voted = page.waitForResponse(
      (r) => r.url().endsWith(`/api/staff/disputes/${disputeId}/votes`) && r.request().method() === 'POST',
      { timeout: 90_000 },
    );
    await page.getByTestId('vote-submit').click();
    expect((await voted).status()).toBeLessThan(300);
    // the vote is recorded (the page lists it) before this arbitrator leaves
    await expect(page.getByTestId('dispute-vote')).toHaveCount(index + 1, { timeout: 20_000 });
    await page.close();
  }

  // 4. the claimant sees the outcome, the sealed decision and the money moved through escrow
  await sub.reload();
  await expect(sub.getByTestId('dispute-outcome')).toContainText('部分支持');
  await expect(sub.getByTestId('dispute-awarded')).toHaveText('¥80,000.00');
  await expect(sub.getByRole('link', { name: '裁决书 PDF（已盖章）' })).toBeVisible();
  // the hold is resolved: nothing of this case stays frozen
  await expect(sub.getByTestId('dispute-held')).toHaveText('¥0.00');

  // the anonymised digest is published on the disputes page, without either party's name
  await sub.goto('/workspace/disputes');
  const digests = sub.getByTestId('dispute-digest');
  await expect(digests.filter({ hasText: '部分支持' }).first()).toBeVisible();
  await expect(digests.filter({ hasText: '中原恒泰' })).toHaveCount(0);
  await expect(digests.filter({ hasText: '蜀安' })).toHaveCount(0);

  // 5. both credit pages list the result, for the month's rating: partly upheld for both sides
  for (const [page, before] of [
    [sub, subBefore],
    [gc, gcBefore],
  ] as const) {
    await page.goto('/workspace/credit');
    await expect(page.getByTestId('credit-dispute-result')).toHaveCount(before + 1);
    await expect(page.getByTestId('credit-dispute-result').first()).toContainText('部分支持');
    await expect(page.getByTestId('credit-dispute-result').first()).toContainText('二级 平台仲裁');
  }
});
