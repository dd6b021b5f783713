import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  enableTotp,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { type BankAdapter, SimulatedBank } from './escrow.bank';
import { fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from './escrow.lifecycle';
import {
  encryptLegacyPayoutAccounts,
  PAYOUT_RECOVERY_GRACE_MS,
  recoverPendingPayouts,
  requestPayout,
} from './escrow.payouts';

let t: TestApp;
let payee: TestClient;
let member: TestClient;
let outsider: TestClient;
let payeeOrg: string;
let outsiderOrg: string;
const contractId = newId();
const ACCOUNT = '6222020200112233';

beforeAll(async () => {
  t = await createTestApp();
  const payer = (await registeredClient(t.app)).client;
  const payerOrg = (await createOrg(payer, { creditCode: validCreditCode(), businessRoles: ['GC'] })).id;
  payee = (await registeredClient(t.app)).client;
  await enableTotp(payee);
  payeeOrg = (await createOrg(payee, { creditCode: validCreditCode(), businessRoles: ['SUB'] })).id;
  outsider = (await registeredClient(t.app)).client;
  await enableTotp(outsider);
  outsiderOrg = (await createOrg(outsider, { creditCode: validCreditCode(), businessRoles: ['SUB'] })).id;
  // a plain member of the payee organisation
  const email = uniqueEmail('payout-member');
  const invitation = (
    await payee.post(`/api/orgs/${payeeOrg}/invitations`, { identifier: email, role: 'member' })
  ).json();
  member = (await registeredClient(t.app, email, '资料员 李')).client;
  const accepted = await member.post(`/api/invitations/${invitation.id}/accept`);
  if (accepted.statusCode >= 300) throw new Error(accepted.body);
  await openContractEscrow(t.ctx, {
    contractId,
    payerOrgId: payerOrg,
    payeeOrgId: payeeOrg,
    contractAmountFen: 100_000_00,
    advanceRatioPct: 10,
    retentionPct: 3,
    labourSharePct: 25,
    bondPct: null,
  });
  await setPaymentSchedule(t.ctx, {
    contractId,
    items: [{ milestoneId: 'm1', title: '基础工程', dueDate: '2030-01-01', amountFen: 100_000_00 }],
  });
  await fundEscrowByDeposit(t.ctx, { contractId, amountFen: 101_000_00, reference: 'seed', clientId: newId() });
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

async function walletMain() {
  const wallet = (await payee.get(`/api/orgs/${payeeOrg}/wallet`)).json();
  return wallet.accounts.find((a: { kind: string }) => a.kind === 'org_wallet') as {
    balanceFen: number;
    heldFen: number;
  };
}

const body = (clientId: string, amountFen = 1_000_00) => ({
  amountFen,
  beneficiaryName: '某分包公司',
  beneficiaryAccount: ACCOUNT,
  clientId,
});

describe('payout instructions', () => {
  it('refuses a repeated clientId with another amount instead of answering with the first payout', async () => {
    const first = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, body('dup-0001'));
    expect(first.json(), first.body).toMatchObject({ status: 'paid', amountFen: 1_000_00 });
    const same = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, body('dup-0001'));
    expect(same.json().id).toBe(first.json().id);
    const changed = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, body('dup-0001', 2_000_00));
    expect(changed.statusCode).toBe(422);
    expect(changed.json()).toMatchObject({ code: 'ESCROW_PAYOUT_CLIENT_ID_REUSED' });
    expect(changed.json().message['zh-CN']).toContain('clientId');
    expect(changed.json().message.en).toContain('clientId');
  });

  it('stores the beneficiary account encrypted and returns it masked', async () => {
    const paid = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, body('masked-0001'));
    expect(paid.json().beneficiaryAccount).toBe('6222********2233');
    const wallet = (await payee.get(`/api/orgs/${payeeOrg}/wallet`)).json();
    expect(JSON.stringify(wallet)).not.toContain(ACCOUNT);
    const rows = await queryRows<{ beneficiary_account: string; beneficiary_account_enc: string }>(
      t.ctx.db,
      sql`select beneficiary_account, beneficiary_account_enc from escrow_payouts where org_id = ${payeeOrg}`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.beneficiary_account).toBe('6222********2233');
      expect(row.beneficiary_account_enc).not.toContain(ACCOUNT);
    }
  });
});

describe('payouts written before encryption at rest', () => {
  it('are encrypted and masked by the backfill, once', async () => {
    await t.ctx.db.execute(
      sql`update escrow_payouts set beneficiary_account = ${ACCOUNT}, beneficiary_account_enc = null,
            beneficiary_account_hash = null where org_id = ${payeeOrg}`,
    );
    const done = await encryptLegacyPayoutAccounts(t.ctx);
    expect(done).toBeGreaterThan(0);
    expect(await encryptLegacyPayoutAccounts(t.ctx)).toBe(0);
    const rows = await queryRows<{ beneficiary_account: string; beneficiary_account_enc: string | null }>(
      t.ctx.db,
      sql`select beneficiary_account, beneficiary_account_enc from escrow_payouts where org_id = ${payeeOrg}`,
    );
    expect(rows.every((r) => r.beneficiary_account === '6222********2233' && r.beneficiary_account_enc)).toBe(true);
    // a retry of an old instruction still matches its (now encrypted) account
    const retry = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, body('dup-0001'));
    expect(retry.statusCode).toBe(200);
  });
});

describe('Idempotency-Key on payouts', () => {
  const url = () => `/api/orgs/${payeeOrg}/wallet/payouts`;

  it('replays the stored answer for the same key and body, refuses another body, scoped per caller', async () => {
    const before = await walletMain();
    const first = await payee.request('POST', url(), body('idem-0001'), { 'idempotency-key': 'k-001' });
    expect(first.statusCode).toBe(200);
    const again = await payee.request('POST', url(), body('idem-0001'), { 'idempotency-key': 'k-001' });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await walletMain()).balanceFen).toBe(before.balanceFen - 1_000_00);

    const other = await payee.request('POST', url(), body('idem-0002'), { 'idempotency-key': 'k-001' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.json().message['zh-CN']).toContain('Idempotency-Key');
    expect((await walletMain()).balanceFen).toBe(before.balanceFen - 1_000_00);

    // another organisation with the same key gets its own answer (here: its empty wallet), never the stored one
    const foreign = await outsider.request('POST', `/api/orgs/${outsiderOrg}/wallet/payouts`, body('idem-0001'), {
      'idempotency-key': 'k-001',
    });
    expect(foreign.json().code).toBe('LEDGER_INSUFFICIENT_FUNDS');
    expect(foreign.headers['idempotent-replayed']).toBeUndefined();
    // a foreign organisation, or a plain member, cannot reach this wallet with any key
    const across = await outsider.request('POST', url(), body('idem-0001'), { 'idempotency-key': 'k-001' });
    expect(across.statusCode).toBe(404);
    const plain = await member.request('POST', url(), body('idem-0001'), { 'idempotency-key': 'k-001' });
    expect(plain.statusCode).toBe(403);
  });

  it('refuses a malformed key in both languages and writes nothing', async () => {
    const before = await walletMain();
    const bad = await payee.request('POST', url(), body('idem-000bad'), { 'idempotency-key': 'x'.repeat(300) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(bad.json().message.en).toContain('Idempotency-Key');
    expect(await walletMain()).toEqual(before);
  });

  it('lets keys expire through the scheduled job', async () => {
    const { expireIdempotencyKeys } = await import('../../infra/http/idempotency');
    expect(t.ctx.jobs.scheduled().map((s) => s.name)).toContain('http.idempotency-expire');
    const removed = await expireIdempotencyKeys(t.ctx.db, new Date(Date.now() + 25 * 3_600_000));
    expect(removed).toBeGreaterThan(0);
    // the key is free again: the same key with another body is now a new request
    const fresh = await payee.request('POST', url(), body('idem-0003'), { 'idempotency-key': 'k-001' });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
  });
});

/** The process dies at a chosen point: before the bank call, or after the bank answered but before the posting. */
function crashingBank(real: BankAdapter, when: 'before-bank' | 'after-bank'): BankAdapter {
  return {
    name: 'crashing',
    async pay(instruction) {
      if (when === 'after-bank') await real.pay(instruction);
      throw new Error('process killed');
    },
    outcome: (id) => real.outcome(id),
  };
}

describe('payouts left pending by a crash', () => {
  it('are posted or voided by the recovery job after asking the bank', async () => {
    const start = await walletMain();
    const bankBeforeCrash = new SimulatedBank(t.ctx.db);
    await expect(
      requestPayout(t.ctx, crashingBank(bankBeforeCrash, 'after-bank'), {
        orgId: payeeOrg,
        ...body('crash-000after', 3_000_00),
      }),
    ).rejects.toThrow('process killed');
    await expect(
      requestPayout(t.ctx, crashingBank(bankBeforeCrash, 'before-bank'), {
        orgId: payeeOrg,
        ...body('crash-000before', 4_000_00),
      }),
    ).rejects.toThrow('process killed');
    const held = await walletMain();
    expect(held.heldFen).toBe(7_000_00);
    const pending = (await payee.get(`/api/orgs/${payeeOrg}/wallet`))
      .json()
      .payouts.filter((p: { status: string }) => p.status === 'pending');
    expect(pending).toHaveLength(2);

    // too early: a payout younger than the grace period may still be talking to the bank
    expect(await recoverPendingPayouts(t.ctx, new SimulatedBank(t.ctx.db))).toEqual({ paid: 0, failed: 0 });
    // a new process, a new bank client: the bank remembers what it received
    const later = new Date(Date.now() + PAYOUT_RECOVERY_GRACE_MS + 1_000);
    expect(await recoverPendingPayouts(t.ctx, new SimulatedBank(t.ctx.db), later)).toEqual({ paid: 1, failed: 1 });
    const after = await walletMain();
    expect(after.heldFen).toBe(0);
    expect(after.balanceFen).toBe(start.balanceFen - 3_000_00);
    const payouts = (await payee.get(`/api/orgs/${payeeOrg}/wallet`)).json().payouts as {
      amountFen: number;
      status: string;
      bankReference: string | null;
    }[];
    expect(payouts.find((p) => p.amountFen === 3_000_00)).toMatchObject({ status: 'paid' });
    expect(payouts.find((p) => p.amountFen === 3_000_00)?.bankReference).toMatch(/^SIM/);
    expect(payouts.find((p) => p.amountFen === 4_000_00)).toMatchObject({ status: 'failed' });
    // nothing is left to do, and a second run changes nothing
    expect(await recoverPendingPayouts(t.ctx, new SimulatedBank(t.ctx.db), later)).toEqual({ paid: 0, failed: 0 });
    expect(t.ctx.jobs.scheduled().map((s) => s.name)).toContain('escrow.payout-recovery');
  });
});

describe('payout account reveal (PLAT-2)', () => {
  it('shows the whole account to finance staff only, and audits each reveal', async () => {
    const paid = (await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, body('reveal-0001'))).json();
    expect(paid.beneficiaryAccount).toBe('6222********2233');
    const url = `/api/staff/finance/payouts/${paid.id}/reveal-account`;
    const finance = await staffClient(t, ['finance'], '财务 王');
    const operator = (await staffClient(t, ['operator'], '运营 赵')).client;
    expect((await payee.post(url)).statusCode).toBe(403); // the org's owner is not finance staff
    expect((await outsider.post(url)).statusCode).toBe(403);
    expect((await operator.post(url)).statusCode).toBe(403); // staff of the wrong role
    expect((await finance.client.post(`/api/staff/finance/payouts/${newId()}/reveal-account`)).statusCode).toBe(404);
    const revealed = await finance.client.post(url);
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json()).toEqual({ account: ACCOUNT });
    const audits = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from audit_log where action = 'escrow.payout.reveal_account'
          and actor_user_id = ${finance.userId} and target like ${`%${paid.id}%`}`,
    );
    expect(audits[0]?.n).toBe(1);
    // the finance console lists the payout with the account masked and the organisation named
    const overview = await finance.client.get('/api/staff/finance');
    expect(overview.statusCode).toBe(200);
    const listed = (overview.json().payouts as { id: string; beneficiaryAccount: string; orgName: string }[]).find(
      (p) => p.id === paid.id,
    );
    expect(listed?.beneficiaryAccount).toBe('6222********2233');
    expect(listed?.orgName).toBeTruthy();
    expect(overview.body).not.toContain(ACCOUNT);
  });
});
