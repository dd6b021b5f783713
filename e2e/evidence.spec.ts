import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './journey-test';

/**
 * 存证查验 without trusting the platform: an anonymous visitor drops the signed PDF of a demo contract on /verify and
 * sees every step recomputed in the browser — file hash, leaf rebuilt from the public entry, path to the root, the
 * log's signature and the built-in witness's cosignature — and a copy with one byte changed fails at step 1.
 */
test('an anonymous visitor verifies a signed contract PDF step by step, with the witness cosignature', async ({
  browser,
  playwright,
}) => {
  // The PDF as a party has it: gc@ of the demo downloads the signed contract.
  const party = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const login = await party.post('/api/auth/login', {
    data: { identifier: 'gc@example.com', password: 'Zhuhe@2026' },
  });
  const me = (await login.json()) as { status: string; me: { activeOrgId: string }; csrfToken?: string };
  expect(me.status).toBe('ok');
  const orgId = me.me.activeOrgId;
  const contracts = (await (await party.get(`/api/orgs/${orgId}/contracts`)).json()) as {
    items: { id: string; status: string }[];
  };
  const signed = contracts.items.find((c) => c.status === 'signed');
  expect(signed).toBeTruthy();
  const pdf = await party.get(`/api/orgs/${orgId}/contracts/${signed?.id}/signed.pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'zh-e2e-evidence-'));
  const file = join(dir, 'signed-contract.pdf');
  writeFileSync(file, await pdf.body());
  await party.dispose();

  const anyone = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await anyone.setViewportSize({ width: 375, height: 800 });
  await anyone.goto('/verify');
  await anyone.locator('input[type=file]').setInputFiles(file);
  const result = anyone.getByTestId('verify-result');
  await expect(result.getByTestId('verify-verdict')).toContainText('全部步骤已在本机验证通过');
  for (const step of ['file', 'leaf', 'inclusion', 'checkpoint', 'witness']) {
    await expect(result.getByTestId(`verify-step-${step}`)).toHaveAttribute('data-ok', 'true');
  }
  await expect(result.getByTestId('verify-step-leaf')).toContainText('按 v2 叶格式由公开字段重新计算');
  await expect(result.getByTestId('verify-step-witness')).toContainText('witness.zhuhe.cn/w1');
  await expect(result.getByTestId('verify-step-witness')).toContainText('联署签名有效');
  await expect(anyone.getByTestId('verify-keys')).toContainText('zhuhe.cn/evidence+');

  // The evidence bundle, with the visitor's file added in the browser, for an offline check.
  const downloading = anyone.waitForEvent('download');
  await result.getByTestId('verify-bundle').first().click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^zhuhe-evidence-\d+\.zip$/);

  // One byte changed: not the logged document, and the page says which step failed.
  const bytes = readFileSync(file);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
  const tampered = join(dir, 'tampered.pdf');
  writeFileSync(tampered, bytes);
  await anyone.locator('input[type=file]').setInputFiles(tampered);
  await expect(anyone.getByTestId('verify-result')).toContainText('未找到存证记录');
});
