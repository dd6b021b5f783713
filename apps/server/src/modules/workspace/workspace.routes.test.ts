import type { WorkspaceHome } from '@zhuhe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../infra/calendar/working-days';
import { buildSignedContract, buildUser } from '../../test/builders';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createTestApp, PASSWORD, type TestApp, TestClient } from '../../test/test-app';
import { openContractEscrow, setPaymentSchedule } from '../escrow';
import { createOrganisationDirect } from '../organisation';
import { openWarning } from '../risk';

let t: TestApp;

interface Party {
  orgId: string;
  userId: string;
  name: string;
  email: string;
  owner: TestClient;
  member: TestClient;
}

async function login(email: string) {
  const client = new TestClient(t.app);
  const r = await client.post('/api/auth/login', { identifier: email, password: PASSWORD });
  if (r.statusCode !== 200) throw new Error(`login failed ${r.body}`);
  return client;
}

async function party(name: string, roles: ('GC' | 'SUB' | 'FIN')[], verification: 'verified' | 'unverified') {
  const owner = await buildUser(t.ctx, `${name}负责人`);
  const member = await buildUser(t.ctx, `${name}员工`);
  const org = await createOrganisationDirect(
    t.ctx,
    owner.userId,
    { name, creditCode: validCreditCode('330100'), businessRoles: roles, regionCode: '330106', verification },
    [{ userId: member.userId, role: 'member' }],
  );
  return {
    orgId: org.id,
    userId: owner.userId,
    name,
    email: owner.email,
    owner: await login(owner.email),
    member: await login(member.email),
  } satisfies Party;
}

const DAY = 86_400_000;
let gc: Party;
let sub: Party;
let fin: Party;
let contractId: string;
const overdueDate = shanghaiDate(new Date(Date.now() - 3 * DAY));
const laterDate = shanghaiDate(new Date(Date.now() + 20 * DAY));

beforeAll(async () => {
  t = await createTestApp();
  gc = await party('杭州工作台建工有限公司', ['GC'], 'verified');
  sub = await party('浙江工作台劳务有限公司', ['SUB'], 'verified');
  fin = await party('深圳工作台保理有限公司', ['FIN'], 'unverified');
  contractId = await buildSignedContract(t.ctx, gc, sub, { amountFen: 1_000_000_00 });
  await openContractEscrow(t.ctx, {
    contractId,
    payerOrgId: gc.orgId,
    payeeOrgId: sub.orgId,
    contractAmountFen: 1_000_000_00,
    advanceRatioPct: 0,
    retentionPct: 3,
    labourSharePct: 30,
    bondPct: null,
  });
  await setPaymentSchedule(t.ctx, {
    contractId,
    items: [
      { milestoneId: 'm2', title: '主体结构封顶', dueDate: laterDate, amountFen: 600_000_00 },
      { milestoneId: 'm1', title: '基础完成', dueDate: overdueDate, amountFen: 400_000_00 },
    ],
  });
  await openWarning(t.ctx, {
    type: 'milestone_delay',
    severity: 'high',
    subject: { kind: 'contract', id: contractId },
    contractId,
    ownerOrgId: gc.orgId,
    partyOrgIds: [gc.orgId, sub.orgId],
    title: { 'zh-CN': '节点延期：基础完成', en: 'Milestone late: foundations' },
    summary: { 'zh-CN': '基础完成节点已逾期', en: 'The foundations milestone is late' },
    facts: {},
    links: [],
  });
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/orgs/:orgId/workspace', () => {
  it("gives the payer its payments due (overdue first) and the contract's warning, with its figures", async () => {
    const r = await gc.member.get(`/api/orgs/${gc.orgId}/workspace?role=GC`);
    expect(r.statusCode).toBe(200);
    const home = r.json() as WorkspaceHome;
    expect(home.role).toBe('GC');
    const payments = home.todos.filter((x) => x.kind === 'payment_due');
    expect(payments.map((p) => [p.subject, p.dueAt, p.overdue, p.amountFen])).toEqual([
      ['基础完成', overdueDate, true, 400_000_00],
      ['主体结构封顶', laterDate, false, 600_000_00],
    ]);
    expect(home.todos[0]?.kind).toBe('payment_due');
    expect(home.todos.find((x) => x.kind === 'warning')).toMatchObject({
      subject: '节点延期：基础完成',
      subjectEn: 'Milestone late: foundations',
      severity: 'danger',
    });
    // a verified organisation is not asked to verify
    expect(home.todos.some((x) => x.kind === 'verification_missing')).toBe(false);
    expect(home.figures).toContainEqual({
      key: 'escrow_due_fen',
      value: 1_000_000_00,
      unit: 'fen',
      href: '/workspace/wallet',
    });
    expect(home.figures).toContainEqual({ key: 'warnings_open', value: 1, unit: 'count', href: '/workspace/risk' });
  });

  it('gives the payee the warning but not the payer’s payments', async () => {
    const home = (await sub.owner.get(`/api/orgs/${sub.orgId}/workspace?role=SUB`)).json() as WorkspaceHome;
    expect(home.todos.map((x) => x.kind)).toContain('warning');
    expect(home.todos.some((x) => x.kind === 'payment_due')).toBe(false);
  });

  it('asks an unverified organisation to verify, and shows nothing of other organisations', async () => {
    const home = (await fin.owner.get(`/api/orgs/${fin.orgId}/workspace?role=FIN`)).json() as WorkspaceHome;
    expect(home.todos).toEqual([
      expect.objectContaining({ kind: 'verification_missing', subject: fin.name, href: '/workspace/verification' }),
    ]);
    expect(home.figures).toContainEqual({ key: 'warnings_open', value: 0, unit: 'count', href: '/workspace/risk' });
  });

  it('hides a foreign organisation (404) and refuses a role the organisation does not hold, in both languages', async () => {
    expect((await fin.owner.get(`/api/orgs/${gc.orgId}/workspace?role=GC`)).statusCode).toBe(404);
    const wrong = await gc.owner.get(`/api/orgs/${gc.orgId}/workspace?role=SUB`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'WORKSPACE_ROLE_NOT_HELD' });
    expect(JSON.stringify(wrong.json())).toMatch(/业务角色/);
    expect(JSON.stringify(wrong.json())).toMatch(/does not hold the business role SUB/);
    const bad = await gc.owner.get(`/api/orgs/${gc.orgId}/workspace?role=BOSS`);
    expect(bad.statusCode).toBe(400);
    expect((await new TestClient(t.app).get(`/api/orgs/${gc.orgId}/workspace?role=GC`)).statusCode).toBe(401);
  });
});

describe('GET /api/staff/workspace', () => {
  it('gives risk staff the untriaged warnings queue and refuses members of organisations', async () => {
    const risk = (await staffClient(t, ['risk'], '风控专员')).client;
    const r = await risk.get('/api/staff/workspace');
    expect(r.statusCode).toBe(200);
    const home = r.json() as WorkspaceHome;
    expect(home.role).toBeNull();
    expect(home.todos).toEqual([
      expect.objectContaining({ kind: 'warning_triage', subject: '1', href: '/staff/risk' }),
    ]);
    expect((await gc.owner.get('/api/staff/workspace')).statusCode).toBe(403);
  });

  it('shows a reviewer only its own queue (no warnings to triage)', async () => {
    const reviewer = (await staffClient(t, ['reviewer'], '审核员')).client;
    const home = (await reviewer.get('/api/staff/workspace')).json() as WorkspaceHome;
    expect(home.todos.some((x) => x.kind === 'warning_triage')).toBe(false);
    expect(home.figures.map((f) => f.key)).toEqual(['verifications_pending', 'warnings_untriaged', 'payouts_held']);
  });
});
