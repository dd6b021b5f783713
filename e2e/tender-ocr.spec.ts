import { type Browser, expect, type Page, test } from './journey-test';
import { expectAccessible } from './support';

/**
 * The scanned-tender journey (INFO-3, ADR 0125): a GC uploads a photo of a tender notice (e2e/fixtures/tender-scan.jpg,
 * made by make-tender-scan.ts); the server reads it with tesseract, the form is pre-filled with every field marked
 * 待确认 and its recognition score, submitting is held until the user confirms, and the confirmed demand goes to review.
 */
const SCAN = new URL('./fixtures/tender-scan.jpg', import.meta.url).pathname;
const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function login(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await page.goto('/login');
  await page.getByLabel('邮箱或手机号').fill(email);
  await page.getByLabel('密码').fill('Zhuhe@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/workspace/);
  return page;
}

test('a scanned tender notice is read by OCR, marked for confirmation, confirmed and submitted', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const gc = await login(browser, 'gc@example.com');
  await gc.goto('/workspace/demands');
  await gc.getByTestId('publish-demand').click();
  await gc.getByTestId('tender-import').locator('input[type=file]').setInputFiles(SCAN);
  // OCR runs on the server: a few seconds, more on a loaded machine
  await expect(gc.getByTestId('import-found')).toContainText('文字识别', { timeout: 60_000 });
  await expect(gc.getByTestId('import-found')).toContainText('预算');
  await expect(gc.getByTestId('demand-budget')).toHaveValue('4291');
  await expect(gc.getByText('江苏省 / 苏州市 / 吴中区')).toBeVisible();
  await expect(gc.getByTestId('demand-qualification')).toHaveValue('防水防腐保温工程专业承包');
  // every recognised field awaits confirmation, with its recognition score; the guessed title is low confidence
  await expect(gc.getByTestId('pending-budgetFen')).toContainText(/待确认 · 识别置信度 \d+%/);
  await expect(gc.getByTestId('pending-title')).toHaveAttribute('data-level', 'low');
  await expect(gc.getByTestId('pending-title')).toContainText('可信度低');
  await expectAccessible(gc, 'demand form with OCR marks');

  const attach = async (testId: string, name: string) => {
    await gc
      .getByTestId(testId)
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: MINIMAL_PDF });
    await expect(gc.getByTestId(testId)).toContainText(name);
  };
  await attach('upload-feasibility', '可行性研究报告.pdf');
  await attach('upload-funds', '资金证明.pdf');

  // not before the user has confirmed what was read
  await gc.getByTestId('demand-submit').click();
  await expect(gc.getByText(/个识别字段待确认，请核对后确认/)).toBeVisible();
  await expect(gc).toHaveURL(/\/workspace\/demands\/new$/);
  // one field confirmed on its own, the rest at once
  await gc.getByRole('button', { name: '确认预算' }).click();
  await expect(gc.getByTestId('pending-budgetFen')).toHaveCount(0);
  await gc.getByTestId('ocr-confirm-all').click();
  await expect(gc.getByTestId('ocr-pending')).toHaveText('识别结果已全部确认');
  await gc.getByTestId('demand-submit').click();
  await expect(gc).toHaveURL(/\/workspace\/demands\/[0-9a-f-]{36}$/);
  await expect(gc.getByTestId('demand-status')).toHaveText('待审核');
});
