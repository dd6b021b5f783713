import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sitePhotoJpeg } from '../apps/server/src/demo/site-photo.ts';
import { type APIRequestContext, expect, type Page, test } from './journey-test';
import {
  awaitFreshStep,
  demoLogin,
  E2E_PASSWORD,
  generateCreditCode,
  loginWithTotp,
  type Party,
  totp,
  uniqueEmail,
  unusedTotp,
} from './support';

/** Demo finance staff of the escrow module (fixed authenticator secrets; no other journey logs in as them). */
const FINANCE = { email: 'finance@example.com', secret: 'MZUW4YLOMNSSAMJTGE2TQOJQGEZDGNBV' };
const FINANCE2 = { email: 'finance2@example.com', secret: 'MZUW4YLOMNSTEMJTGE2TQOJQGEZDGNBW' };

const DAY = 86_400_000;
const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

interface Session extends Party {
  api: APIRequestContext;
  headers: Record<string, string>;
}

/**
 * A new organisation whose owner has just enabled 2FA (with the previous step's code): that session counts as
 * stepped up, so it can sign the contract at once, and the current and next steps stay free for the pages.
 */
async function party(newContext: () => Promise<APIRequestContext>, orgName: string, roles: string[]): Promise<Session> {
  const api = await newContext();
  const email = uniqueEmail('exec');
  const registered = await api.post('/api/auth/register', {
    data: { identifier: email, password: E2E_PASSWORD, displayName: `${orgName.slice(0, 4)}负责人` },
  });
  const headers = { 'x-csrf-token': ((await registered.json()) as { csrfToken: string }).csrfToken };
  const { secret } = (await (await api.post('/api/auth/totp/setup', { headers })).json()) as { secret: string };
  await awaitFreshStep();
  const enabled = await api.post('/api/auth/totp/enable', { headers, data: { code: totp(secret, -1) } });
  if (!enabled.ok()) throw new Error(`enable 2FA failed: ${await enabled.text()}`);
  const creditCode = generateCreditCode();
  const org = await api.post('/api/orgs', { headers, data: { name: orgName, creditCode, businessRoles: roles } });
  if (!org.ok()) throw new Error(`create org failed: ${await org.text()}`);
  return { email, secret, orgId: ((await org.json()) as { id: string }).id, creditCode, orgName, api, headers };
}

async function ok<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const r = await response;
  if (!r.ok()) throw new Error(`${r.url()} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

async function stepUp(page: Page, who: { secret: string }) {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('二次验证', { exact: true })).toBeVisible();
  await page.getByTestId('step-up-code').fill(await unusedTotp(who.secret));
  await dialog.getByRole('button', { name: '确认' }).click();
}

test('funded by statement import → logs with photos → three parties confirm → statement signed → released → overdue freeze → dual-controlled unfreeze', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const newContext = () => playwright.request.newContext({ baseURL });
  const suffix = String(Date.now()).slice(-6);
  const gc = await party(newContext, `浙江执行总包建设有限公司${suffix}`, ['GC']);
  const sub = await party(newContext, `安徽执行劳务有限公司${suffix}`, ['SUB']);
  const svr = await party(newContext, `杭州执行工程监理有限公司${suffix}`, ['SVR']);

  // A signed subcontract and its plan: the first milestone's money comes first; the second milestone's payment
  // date is already 16 days past, so the overdue watch will freeze the escrow once it runs.
  const contract = await ok<{ id: string }>(
    gc.api.post(`/api/orgs/${gc.orgId}/contracts`, {
      headers: gc.headers,
      data: {
        kind: 'subcontract',
        counterpartyOrgId: sub.orgId,
        title: `3# 楼主体劳务分包 ${suffix}`,
        variables: {
          projectName: '杭州未来科技城 A3 地块住宅项目',
          projectLocation: '杭州市余杭区',
          scope: '3# 楼主体结构混凝土浇筑劳务',
          amountFen: 50_000_000,
          startDate: shanghaiDay(-60),
          endDate: shanghaiDay(60),
          advanceBp: 1000,
          retentionBp: 300,
          paymentTerms: '按节点计量，经监理确认后支付',
          qualityStandard: '合格（GB 50300-2013）',
          disputeVenue: '杭州仲裁委员会',
        },
      },
    }),
  );
  const contractId = contract.id;
  await ok(gc.api.post(`/api/orgs/${gc.orgId}/contracts/${contractId}/versions/1/sign`, { headers: gc.headers }));
  await ok(sub.api.post(`/api/orgs/${sub.orgId}/contracts/${contractId}/versions/1/sign`, { headers: sub.headers }));
  await ok(
    gc.api.post(`/api/orgs/${gc.orgId}/execution/${contractId}/plan`, {
      headers: gc.headers,
      data: {
        startDate: shanghaiDay(-60),
        retentionBp: 300,
        advanceBp: 1000,
        labourShareBp: 3000,
        bondBp: null,
        milestones: [
          { title: '基础完成', deliverables: '基础验收', dueDate: shanghaiDay(-30), shareBp: 5000 },
          { title: `主体 1–6 层 ${suffix}`, deliverables: '结构验收', dueDate: shanghaiDay(-16), shareBp: 3000 },
          { title: '主体封顶', deliverables: '主体验收', dueDate: shanghaiDay(60), shareBp: 2000 },
        ],
        boqLines: [
          { code: '010501001', name: 'C30 混凝土浇筑', unit: 'm³', quantityMilli: 1_000_000, unitPriceFen: 50_000 },
        ],
      },
    }),
  );
  await ok(
    gc.api.post(`/api/orgs/${gc.orgId}/settlement/${contractId}/supervisor`, {
      headers: gc.headers,
      data: { supervisorOrgId: svr.orgId },
    }),
  );
  const escrow = await ok<{ depositReference: string }>(gc.api.get(`/api/orgs/${gc.orgId}/escrow/${contractId}`));

  // 1. Funded by a bank statement imported in the finance console: ¥250,000 for milestone 1 + 1% risk reserve.
  const finance = await (await browser.newContext()).newPage();
  await demoLogin(finance, FINANCE.email, FINANCE.secret);
  await finance.goto('/staff/finance');
  await finance
    .getByTestId('statement-csv')
    .fill(
      `交易流水号,日期,金额,付款人,摘要\nE2E${suffix},${shanghaiDay(0)},252500.00,${gc.orgName},${escrow.depositReference}\n`,
    );
  await finance.getByTestId('statement-import').click();
  await expect(finance.getByTestId('reconciliation-counts')).toContainText('1');
  await expect(finance.getByText('已匹配').first()).toBeVisible();
  // 最近出款: accounts are masked; finance staff reveal one (each reveal is audited)
  const payoutRow = finance
    .getByTestId('staff-payouts')
    .getByRole('row')
    .filter({ hasText: '江苏匠心劳务分包有限公司' })
    .filter({ hasText: '4567' })
    .first();
  await expect(payoutRow).not.toContainText('6222021202041234567');
  await payoutRow.getByRole('button', { name: '显示完整账号' }).click();
  await expect(payoutRow.getByTestId('revealed-account')).toContainText('6222021202041234567');

  // 2. The subcontractor files a construction log with a site photo; time and GPS come from its EXIF data.
  const photo = join(mkdtempSync(join(tmpdir(), 'zh-e2e-')), 'site.jpg');
  writeFileSync(photo, sitePhotoJpeg({ takenAt: '2026:11:18 09:41:07', latitude: 30.2741, longitude: 120.0235 }));
  const subPage = await (await browser.newContext()).newPage();
  await loginWithTotp(subPage, sub);
  await subPage.goto(`/workspace/progress/${contractId}`);
  const form = subPage.getByTestId('log-form');
  await form.getByLabel('在场人数').fill('32');
  await form.getByLabel('天气').fill('晴 10–18℃');
  await form.getByLabel('010501001 C30 混凝土浇筑（m³）').fill('500');
  await form.locator('input[type=file]').setInputFiles(photo);
  await expect(subPage.getByTestId('log-photo-count')).toContainText('1');
  await subPage.getByTestId('log-submit').click();
  await expect(subPage.getByTestId('log-photo')).toBeVisible();
  await expect(subPage.getByTestId('photo-gps')).toContainText('30.27410, 120.02350');
  await expect(subPage.getByTestId('log-photo')).toContainText('拍摄时间 2026-11-18 09:41');
  await expect(subPage.getByTestId('progress-chart')).toBeVisible();

  // 3. The GC starts acceptance of milestone 1; the three parties confirm the measured quantity online.
  const gcPage = await (await browser.newContext()).newPage();
  await loginWithTotp(gcPage, gc);
  await gcPage.goto(`/workspace/settlement/${contractId}`);
  await gcPage.getByTestId('open-settlement').first().click();
  await expect(gcPage.getByTestId('settlement-status')).toContainText('工程量确认中');

  await subPage.goto(`/workspace/settlement/${contractId}`);
  await subPage.getByTestId('propose-quantity').click();
  await subPage.getByRole('dialog').getByLabel('工程量').fill('500');
  await subPage
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(subPage.getByTestId('line-votes')).toContainText('确认');

  await gcPage.reload();
  await gcPage.getByTestId('vote-confirm').click();
  const svrPage = await (await browser.newContext()).newPage();
  await loginWithTotp(svrPage, svr);
  await svrPage.goto(`/workspace/settlement/${contractId}`);
  await svrPage.getByTestId('vote-confirm').click();
  await expect(svrPage.getByTestId('line-votes')).toContainText('三方已确认');

  // 4. The statement: 500 m³ × ¥500.00 = ¥250,000.00, less 3% retention → ¥242,500.00 payable now.
  await gcPage.reload();
  await gcPage.getByTestId('generate-statement').click();
  await expect(gcPage.getByTestId('payable-now')).toContainText('242,500.00');
  await gcPage.getByTestId('sign-statement').click();
  await stepUp(gcPage, gc);
  await expect(gcPage.getByTestId('signature-gc')).toContainText('负责人');
  await subPage.reload();
  await subPage.getByTestId('sign-statement').click();
  await stepUp(subPage, sub);
  await expect(subPage.getByTestId('signature-payee')).toContainText('负责人');
  await svrPage.reload();
  await svrPage.getByTestId('sign-statement').click();
  await stepUp(svrPage, svr);

  // 5. Signed by all three: the milestone is released from escrow. The last signature seals the statement PDF and
  // releases in the same request: allow for a loaded machine.
  await expect(svrPage.getByTestId('released')).toBeVisible({ timeout: 30_000 });
  await expect(svrPage.getByTestId('statement-pdf')).toBeVisible();
  await gcPage.goto(`/workspace/contracts/${contractId}/money`);
  await expect(gcPage.getByTestId('money-released')).toContainText('250,000.00');

  // 6. Milestone 2 is more than 15 days overdue: the overdue check freezes the escrow.
  await finance.goto('/staff/finance');
  await finance.getByRole('button', { name: '立即检查逾期付款' }).click();
  await gcPage.reload();
  await expect(gcPage.getByTestId('money-frozen')).toBeVisible();

  // 7. Unfreezing needs two finance staff: finance@ asks, finance2@ approves.
  await finance.reload();
  await finance
    .getByRole('row', { name: new RegExp(`主体 1–6 层 ${suffix}`) })
    .getByTestId('request-unfreeze')
    .click();
  await finance.getByTestId('unfreeze-reason').fill('付款方已补足节点 2 款项，核实无误');
  await finance.getByTestId('confirm-unfreeze').click();
  const approver = await (await browser.newContext()).newPage();
  await demoLogin(approver, FINANCE2.email, FINANCE2.secret);
  await approver.goto('/staff/finance');
  await approver
    .getByRole('row', { name: new RegExp(contractId) })
    .getByTestId('approve-unfreeze')
    .click();
  await expect(approver.getByText('复核通过').first()).toBeVisible();
  await gcPage.reload();
  await expect(gcPage.getByTestId('money-view')).toBeVisible();
  await expect(gcPage.getByTestId('money-frozen')).toHaveCount(0);
});
