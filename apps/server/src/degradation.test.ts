import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { MemoryBlobStore } from './infra/files/blob-store';
import { newId } from './infra/ids';
import { jobs } from './infra/jobs/jobs.tables';
import { MailCatcher, smtpMailer } from './infra/mail/mailer';
import { MAIL_JOB } from './infra/mail/outbox';
import type { BreakerOptions } from './infra/resilience/breaker';
import {
  type BankAdapter,
  fundEscrowByDeposit,
  openContractEscrow,
  releaseMilestone,
  SimulatedBank,
  setPaymentSchedule,
} from './modules/escrow';
import { validCreditCode } from './test/credit-codes';
import { staffClient } from './test/staff';
import { createOrg, enableTotp, registeredClient, type TestApp, TestClient, testConfig } from './test/test-app';
import { createTestDatabase, type TestDatabase } from './test/test-db';

/**
 * PLAT-7 fault test on the real database: SMTP unreachable (the sender points at a closed port) and a bank that
 * does not answer in time. Ordinary reads still answer, mail stays in the outbox instead of failing, a payout
 * whose bank call timed out stays pending, signed-in users are told what is delayed, and once SMTP is back the
 * queued mail goes out. Timeouts are short here; nothing in the test asserts how long anything took.
 */

/** A bank whose payouts answer only when the test opens the gate (a congested bank link); outcomes answer at once. */
class GatedBank implements BankAdapter {
  readonly name = 'gated-simulated-bank';
  private open: () => void = () => {};
  private readonly gate = new Promise<void>((resolve) => {
    this.open = resolve;
  });
  private readonly inFlight: Promise<unknown>[] = [];
  constructor(private readonly inner: SimulatedBank) {}
  pay(instruction: Parameters<BankAdapter['pay']>[0]) {
    const answer = this.gate.then(() => this.inner.pay(instruction));
    this.inFlight.push(answer);
    return answer;
  }
  outcome(instructionId: string) {
    return this.inner.outcome(instructionId);
  }
  /** Lets the held instructions reach the bank; resolves when the bank has recorded them all. */
  async release() {
    this.open();
    await Promise.allSettled(this.inFlight);
  }
}

// Short timeouts; reset times long enough that a breaker stays open across the few requests one test makes.
const fast = (timeoutMs: number, resetMs: number): BreakerOptions => ({
  timeoutMs,
  errorThresholdPct: 50,
  volumeThreshold: 2,
  resetMs,
  windowMs: 60_000,
});

/** An SMS provider that never answers. */
const hangingSms = { name: 'hanging-sms', send: () => new Promise<void>(() => {}) };

let database: TestDatabase;
let app: FastifyInstance;
let bank: GatedBank;
const catcher = new MailCatcher();
let smtpPort = 0;
let gc: TestClient;
let gcIdentifier: string;
let gcOrg: string;
let payee: TestClient;
let payeeOrg: string;
let admin: TestClient;
const contractId = newId();

beforeAll(async () => {
  // a port that nothing listens on: find a free one, then close it again
  smtpPort = await catcher.start(0);
  await catcher.stop();
  database = await createTestDatabase();
  bank = new GatedBank(new SimulatedBank(database.db));
  const config = testConfig({
    resilience: { smtp: fast(2_000, 1_000), bank: fast(150, 3_000), sms: fast(150, 1_000) },
  });
  app = await buildApp({
    config,
    database,
    logger: false,
    blobs: new MemoryBlobStore(),
    mailer: smtpMailer(`smtp://127.0.0.1:${smtpPort}`, config.mail.from),
    bank,
    sms: hangingSms,
  });
  await app.ready();

  const registered = await registeredClient(app);
  gc = registered.client;
  gcIdentifier = registered.identifier;
  gcOrg = (await createOrg(gc, { creditCode: validCreditCode(), businessRoles: ['GC'] })).id;
  const created = await gc.post(`/api/orgs/${gcOrg}/projects`, {
    name: '滨江花园二期住宅工程',
    engineeringType: 'building',
    investmentFen: 120_000_000_00,
    regionCode: '330106',
    description: '高层住宅 6 栋。',
  });
  if (created.statusCode >= 300) throw new Error(created.body);

  payee = (await registeredClient(app)).client;
  await enableTotp(payee);
  payeeOrg = (await createOrg(payee, { creditCode: validCreditCode(), businessRoles: ['SUB'] })).id;
  const ctx = app.appContext;
  await openContractEscrow(ctx, {
    contractId,
    payerOrgId: gcOrg,
    payeeOrgId: payeeOrg,
    contractAmountFen: 100_000_00,
    advanceRatioPct: 10,
    retentionPct: 3,
    labourSharePct: 25,
    bondPct: null,
  });
  await setPaymentSchedule(ctx, {
    contractId,
    items: [{ milestoneId: 'm1', title: '基础工程', dueDate: '2030-01-01', amountFen: 100_000_00 }],
  });
  await fundEscrowByDeposit(ctx, { contractId, amountFen: 101_000_00, reference: 'seed', clientId: newId() });
  await releaseMilestone(ctx, {
    contractId,
    milestoneId: 'm1',
    settlementId: 's1',
    clientId: newId(),
    grossFen: 100_000_00,
    retentionFen: 3_000_00,
    labourFen: 25_000_00,
  });

  admin = (await staffClient({ app, ctx } as TestApp, ['admin'], '运维管理员')).client;
});

afterAll(async () => {
  await bank?.release();
  await app?.close();
  await database?.close();
  await catcher.stop();
});

const mailJobs = () => app.appContext.db.select().from(jobs).where(eq(jobs.name, MAIL_JOB));
const makeDue = () =>
  app.appContext.db
    .update(jobs)
    .set({ runAt: new Date() })
    .where(and(eq(jobs.name, MAIL_JOB), eq(jobs.status, 'queued')));
const breaker = async (name: string) =>
  (await app.appContext.resilience.snapshot()).find((b) => b.name === name) as { state: string; queued: number | null };

const payoutBody = (clientId: string) => ({
  amountFen: 1_000_00,
  beneficiaryName: '某分包公司',
  beneficiaryAccount: '6222020200112233',
  clientId,
});

describe('with SMTP unreachable and the bank not answering', () => {
  it('keeps the mail in the outbox, deferred, not failed', async () => {
    for (const to of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'])
      await app.appContext.jobs.enqueue(
        MAIL_JOB,
        { to, subject: '付款通知', text: '您有一笔付款待确认。' },
        { maxAttempts: 2 },
      );
    // password reset queues its mail through the same outbox
    const reset = await new TestClient(app).post('/api/auth/password-reset', { identifier: gcIdentifier });
    expect(reset.statusCode).toBe(202);
    // more rounds than a mail job has attempts: deferrals must not use them up
    for (let round = 0; round < 4; round++) {
      await makeDue();
      await app.appContext.jobs.runDue();
    }
    const rows = await mailJobs();
    expect(rows.length).toBe(5);
    expect(rows.every((r) => r.status === 'queued' && r.attempts === 0)).toBe(true);
    expect(rows.every((r) => r.lastError?.includes('SMTP unavailable'))).toBe(true);
    const smtp = await breaker('smtp');
    expect(smtp.state).not.toBe('closed');
    expect(smtp.queued).toBe(5);
  });

  it('leaves a payout whose bank call timed out pending, then refuses new ones while the breaker is open', async () => {
    const first = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, payoutBody('slow-0001'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'pending', bankReference: null });
    const second = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, payoutBody('slow-0002'));
    expect(second.json()).toMatchObject({ status: 'pending' });
    expect(await breaker('bank')).toMatchObject({ state: 'open', queued: 2 });
    const refused = await payee.post(`/api/orgs/${payeeOrg}/wallet/payouts`, payoutBody('slow-0003'));
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'ESCROW_BANK_UNAVAILABLE' });
    expect(refused.json().message['zh-CN']).toContain('银行处理延迟');
    // the refused instruction held nothing
    const wallet = (await payee.get(`/api/orgs/${payeeOrg}/wallet`)).json();
    const main = wallet.accounts.find((a: { kind: string }) => a.kind === 'org_wallet');
    expect(main.heldFen).toBe(2_000_00);
  });

  it('still answers ordinary reads', async () => {
    const [projects, me, wallet] = await Promise.all([
      gc.get(`/api/orgs/${gcOrg}/projects`),
      gc.get('/api/auth/me'),
      payee.get(`/api/orgs/${payeeOrg}/wallet`),
    ]);
    expect(projects.statusCode).toBe(200);
    expect(JSON.stringify(projects.json())).toContain('滨江花园二期');
    expect(me.statusCode).toBe(200);
    expect(wallet.statusCode).toBe(200);
  });

  it('tells signed-in users what is delayed, in both languages', async () => {
    const response = await gc.get('/api/system/notices');
    expect(response.statusCode).toBe(200);
    const notices = response.json().notices as { dependency: string; message: { 'zh-CN': string; en: string } }[];
    expect(notices.map((n) => n.dependency).sort()).toEqual(['bank', 'smtp']);
    expect(notices.find((n) => n.dependency === 'smtp')?.message).toEqual({
      'zh-CN': '邮件发送延迟，稍后自动补发',
      en: 'Mail is delayed and will be sent automatically',
    });
    expect(notices.find((n) => n.dependency === 'bank')?.message['zh-CN']).toBe('银行处理延迟，付款状态稍后更新');
    expect((await new TestClient(app).get('/api/system/notices')).statusCode).toBe(401);
  });

  it('shows the breakers on the staff status page', async () => {
    const response = await admin.get('/api/staff/status');
    expect(response.statusCode, response.body).toBe(200);
    const breakers = response.json().breakers as { name: string; state: string; queued: number | null }[];
    expect(breakers.find((b) => b.name === 'smtp')).toMatchObject({ queued: 5 });
    expect(breakers.find((b) => b.name === 'smtp')?.state).not.toBe('closed');
    expect(breakers.find((b) => b.name === 'bank')).toMatchObject({ state: 'open', queued: 2 });
    expect(breakers.find((b) => b.name === 'sms')).toMatchObject({ state: 'closed' });
  });
});

describe('when the dependencies come back', () => {
  it('sends the queued mail once SMTP answers again', async () => {
    await catcher.start(smtpPort);
    // the breaker lets a probe through after its reset time; the probe's success closes it for the rest
    await expect.poll(async () => (await breaker('smtp')).state, { timeout: 10_000, interval: 50 }).not.toBe('open');
    await makeDue();
    await app.appContext.jobs.runDue();
    const rows = await mailJobs();
    expect(rows.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    await expect.poll(() => catcher.messages.length).toBe(5);
    expect(catcher.messages.map((m) => m.to[0]).sort()).toEqual(
      ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', gcIdentifier].sort(),
    );
    expect(await breaker('smtp')).toMatchObject({ state: 'closed', queued: 0 });
  });

  it('settles the pending payouts through the recovery once the bank answers', async () => {
    await bank.release();
    await expect.poll(async () => (await breaker('bank')).state, { timeout: 10_000, interval: 50 }).not.toBe('open');
    // the recovery leaves young payouts alone; ask it as if its grace period had passed
    const result = await app.modules.escrow.api.recoverPendingPayouts(new Date(Date.now() + 10 * 60_000));
    expect(result).toEqual({ paid: 2, failed: 0 });
    const wallet = (await payee.get(`/api/orgs/${payeeOrg}/wallet`)).json();
    expect(wallet.payouts.filter((p: { status: string }) => p.status === 'paid').length).toBe(2);
    const notices = (await gc.get('/api/system/notices')).json().notices as unknown[];
    expect(notices).toEqual([]);
  });
});

describe('an SMS provider that does not answer', () => {
  it('answers 503 naming the service, and refuses at once while the breaker is open', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const { client } = await registeredClient(app, phone);
    const first = await client.post('/api/auth/phone/verification');
    expect(first.statusCode).toBe(503);
    expect(first.json()).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect(first.json().message['zh-CN']).toContain('短信');
    await client.post('/api/auth/phone/verification');
    expect((await breaker('sms')).state).toBe('open');
    const refused = await client.post('/api/auth/phone/verification');
    expect(refused.statusCode).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const notices = (await gc.get('/api/system/notices')).json().notices as { dependency: string }[];
    expect(notices.map((n) => n.dependency)).toEqual(['sms']);
  });
});
