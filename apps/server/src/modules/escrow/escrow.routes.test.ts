import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import {
  createOrg,
  createTestApp,
  enableTotp,
  nextTotp,
  PASSWORD,
  registeredClient,
  type TestApp,
  TestClient,
} from '../../test/test-app';
import { seedStaffRoles } from '../staff';
import { fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from './index';

let t: TestApp;
let payer: TestClient;
let payee: TestClient;
let outsider: TestClient;
let payerOrg: string;
let payeeOrg: string;
let outsiderOrg: string;
let finance1: TestClient;
let finance2: TestClient;
const contractId = newId();

async function financeStaff() {
  const { client, userId, identifier } = await registeredClient(t.app);
  const { secret } = await enableTotp(client);
  await seedStaffRoles(t.ctx, userId, ['finance']);
  const staff = new TestClient(t.app);
  await staff.post('/api/auth/login', { identifier, password: PASSWORD });
  const ok = await staff.post('/api/auth/login/totp', { code: await nextTotp(secret) });
  if (ok.statusCode !== 200) throw new Error(ok.body);
  return staff;
}

beforeAll(async () => {
  t = await createTestApp();
  payer = (await registeredClient(t.app)).client;
  await enableTotp(payer);
  payerOrg = (await createOrg(payer, { creditCode: validCreditCode(), businessRoles: ['GC'] })).id;
  payee = (await registeredClient(t.app)).client;
  await enableTotp(payee);
  payeeOrg = (await createOrg(payee, { creditCode: validCreditCode(), businessRoles: ['SUB'] })).id;
  outsider = (await registeredClient(t.app)).client;
  outsiderOrg = (await createOrg(outsider, { creditCode: validCreditCode(), businessRoles: ['SUB'] })).id;
  finance1 = await financeStaff();
  finance2 = await financeStaff();
  await openContractEscrow(t.ctx, {
    contractId,
    payerOrgId: payerOrg,
    payeeOrgId: payeeOrg,
    contractAmountFen: 200_000_00,
    advanceRatioPct: 10,
    retentionPct: 3,
    labourSharePct: 25,
    bondPct: null,
  });
  const overdue = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  await setPaymentSchedule(t.ctx, {
    contractId,
    items: [
      { milestoneId: 'm1', title: '基础工程', dueDate: '2030-01-01', amountFen: 100_000_00 },
      { milestoneId: 'm2', title: '主体结构', dueDate: overdue, amountFen: 100_000_00 },
    ],
  });
  await fundEscrowByDeposit(t.ctx, { contractId, amountFen: 202_000_00, reference: 'seed', clientId: newId() });
  await releaseMilestone(t.ctx, {
    contractId,
    milestoneId: 'm1',
    settlementId: 's1',
    clientId: newId(),
    grossFen: 100_000_00,
    retentionFen: 3_000_00,
    labourFen: 25_000_00,
  });
});
afterAll(async () => {
  await t?.close();
});

describe('escrow over HTTP', () => {
  it('shows the money view to the parties only', async () => {
    const view = await payee.get(`/api/orgs/${payeeOrg}/escrow/${contractId}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ releasedFen: 100_000_00, retainedFen: 3_000_00, heldFen: 101_000_00 });
    expect((await payer.get(`/api/orgs/${payerOrg}/escrow/${contractId}`)).statusCode).toBe(200);
    const foreign = await outsider.get(`/api/orgs/${outsiderOrg}/escrow/${contractId}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('ESCROW_NOT_FOUND');
  });

  it('lists the wallet, exports its statement as CSV, and pays out through the bank adapter', async () => {
    const wallet = (await payee.get(`/api/orgs/${payeeOrg}/wallet`)).json();
    const main = wallet.accounts.find((a: { kind: string }) => a.kind === 'org_wallet');
    expect(main.balanceFen).toBe(100_000_00 - 3_000_00 - 25_000_00 - 200_00);
    expect(wallet.accounts.find((a: { kind: string }) => a.kind === 'labour_wage').balanceFen).toBe(25_000_00);
    const csv = await payee.get(`/api/orgs/${payeeOrg}/wallet/statement.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('escrow.release.net');
    expect(csv.body).toContain('71800.00');

    const body = {
      amountFen: 1_000_00,
      beneficiaryName: '某分包公司',
      beneficiaryAccount: '6222020200112233',
      clientId: 'payout-0001',
    };
    const paid = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, body);
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', amountFen: 1_000_00 });
    // the same instruction again: the first result, no second payment
    expect((await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, body)).json().id).toBe(paid.json().id);
    const refused = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, {
      ...body,
      beneficiaryAccount: '6222020200110000',
      clientId: 'payout-0002',
    });
    expect(refused.json().code).toBe('ESCROW_PAYOUT_REFUSED');
    const after = (await payee.get(`/api/orgs/${payeeOrg}/wallet`)).json();
    const mainAfter = after.accounts.find((a: { kind: string }) => a.kind === 'org_wallet');
    expect([mainAfter.balanceFen, mainAfter.heldFen]).toEqual([main.balanceFen - 1_000_00, 0]);
    const tooMuch = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, {
      ...body,
      amountFen: 100_000_000_00,
      clientId: 'payout-0003',
    });
    expect(tooMuch.json().code).toBe('LEDGER_INSUFFICIENT_FUNDS');

    // FUND-5: wages leave from the contract's wage account, not the wallet; another organisation cannot use it
    const wages = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, {
      ...body,
      amountFen: 20_000_00,
      clientId: 'wages-2026-11',
      wageAccountOfContractId: contractId,
    });
    expect(wages.json()).toMatchObject({ status: 'paid', amountFen: 20_000_00 });
    const afterWages = (await payee.get(`/api/orgs/${payeeOrg}/wallet`)).json();
    expect(afterWages.accounts.find((a: { kind: string }) => a.kind === 'labour_wage').balanceFen).toBe(5_000_00);
    expect(afterWages.accounts.find((a: { kind: string }) => a.kind === 'org_wallet').balanceFen).toBe(
      mainAfter.balanceFen,
    );
    const foreign = await payer.post(`/api/orgs/${payerOrg}/wallet/payouts`, {
      ...body,
      clientId: 'wages-foreign',
      wageAccountOfContractId: contractId,
    });
    expect(foreign.json().code).toBe('ESCROW_NOT_FOUND');
  });

  it('imports a statement with a reconciliation report for finance staff only', async () => {
    const csv = '交易流水号,日期,金额,付款人,摘要\nX1,2026-11-20,10.00,某人,无识别码\n';
    expect((await payer.post('/api/staff/finance/statements', { filename: 'a.csv', csv })).statusCode).toBe(403);
    const report = await finance1.post('/api/staff/finance/statements', { filename: 'a.csv', csv });
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ unmatched: 1, matched: 0 });
    const again = await finance1.get(`/api/staff/finance/statements/${report.json().id}`);
    expect(again.json().lines[0]).toMatchObject({ outcome: 'unmatched', bankTxnId: 'X1' });
    const bad = await finance1.post('/api/staff/finance/statements', { filename: 'a.csv', csv: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('ESCROW_STATEMENT_INVALID');
  });

  it('freezes on the overdue check, tells staff, and unfreezes only with a second approver', async () => {
    const run = await finance1.post('/api/staff/finance/overdue-check');
    expect(run.json().frozen).toContain(contractId);
    const overview = (await finance1.get('/api/staff/finance')).json();
    expect(overview.frozen.map((f: { contractId: string }) => f.contractId)).toContain(contractId);
    expect(overview.riskCases.find((c: { contractId: string }) => c.contractId === contractId).status).toBe('open');
    await t.ctx.jobs.runDue();
    const mails = t.mailer.sent;
    expect(mails.some((m) => m.subject.includes('监管资金已冻结'))).toBe(true);

    const requested = await finance1.post(`/api/staff/finance/escrows/${contractId}/unfreeze`, {
      reason: '已与总包核实，补付计划已签署',
    });
    expect(requested.statusCode).toBe(200);
    const requestId = requested.json().requestId;
    const self = await finance1.post(`/api/staff/dual-control/${requestId}/approve`, {});
    expect(self.json().code).toBe('STAFF_DUAL_CONTROL_SAME_PERSON');
    expect((await payee.get(`/api/orgs/${payeeOrg}/escrow/${contractId}`)).json().frozen).toBe(true);
    const approved = await finance2.post(`/api/staff/dual-control/${requestId}/approve`, {});
    expect(approved.statusCode).toBe(200);
    const view = (await payee.get(`/api/orgs/${payeeOrg}/escrow/${contractId}`)).json();
    expect(view.frozen).toBe(false);
    expect(view.timeline.map((e: { kind: string }) => e.kind).slice(-2)).toEqual(['frozen', 'unfrozen']);
    // the same overdue item does not freeze it again
    expect((await finance1.post('/api/staff/finance/overdue-check')).json().frozen).not.toContain(contractId);
  });
});
