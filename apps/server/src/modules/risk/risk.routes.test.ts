import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { milestoneDelay } from './risk.rules';
import { openWarning } from './risk.service';

/** The warning and board routes over HTTP: who may call them, what bad input gets back, what is stored. */
describe('risk routes', () => {
  let t: TestApp;
  let gc: { client: TestClient; orgId: string; userId: string };
  let sub: { client: TestClient; orgId: string; userId: string };
  let outsider: { client: TestClient; orgId: string; userId: string };
  let warningId: string;

  const party = async (roles: string[], name: string) => {
    const u = await registeredClient(t.app, undefined, `${name}负责人`);
    const org = await createOrg(u.client, { creditCode: validCreditCode(), businessRoles: roles, name });
    return { client: u.client, orgId: org.id, userId: u.userId };
  };
  const list = (who: typeof gc, orgId = who.orgId) => who.client.get(`/api/orgs/${orgId}/risk/warnings`);
  const move = (who: typeof gc, body: Record<string, unknown>, orgId = who.orgId) =>
    who.client.post(`/api/orgs/${orgId}/risk/warnings/${warningId}/transitions`, body);

  beforeAll(async () => {
    t = await createTestApp();
    gc = await party(['GC'], '浙江看板建设集团有限公司');
    sub = await party(['SUB'], '杭州看板劳务有限公司');
    outsider = await party(['SUB'], '温州局外劳务有限公司');
    const finding = milestoneDelay({
      contractId: newId(),
      title: '5# 楼主体结构劳务分包',
      gcOrgId: gc.orgId,
      payeeOrgId: sub.orgId,
      milestone: { id: newId(), seq: 1, title: '基础完成', dueDate: '2026-10-01', completedOn: null, delayDays: 12 },
    });
    warningId = (await openWarning(t.ctx, finding!)) as string;
  });
  afterAll(async () => t?.close());

  it('shows a warning to both parties and to nobody else', async () => {
    const mine = await list(sub);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toMatchObject([{ id: warningId, type: 'milestone_delay', state: 'open' }]);
    expect((await list(gc)).json().items).toHaveLength(1);
    expect((await list(outsider)).json().items).toEqual([]);
    // another organisation's list through its path: not a member
    expect((await list(outsider, gc.orgId)).statusCode).toBe(404);
  });

  it('refuses bad input with both languages and changes nothing', async () => {
    const unknown = await move(sub, { to: 'closed' });
    expect(unknown.statusCode).toBe(400);
    const bare = await move(sub, { to: 'resolved', note: '  ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toEqual({
      'zh-CN': '解除预警或标记为误报时，请说明处理情况或理由（至少 4 个字）',
      en: 'Say what was done, or why it is not a risk, when resolving or dismissing a warning (at least 4 characters)',
    });
    expect((await list(sub)).json().items[0].state).toBe('open');
  });

  it('lets no foreign organisation move it', async () => {
    expect((await move(outsider, { to: 'acknowledged' })).statusCode).toBe(404);
    expect((await list(sub)).json().items[0].state).toBe('open');
  });

  it('a plain member reads the warnings but cannot acknowledge them', async () => {
    const email = uniqueEmail('risk-member');
    const invitation = (
      await sub.client.post(`/api/orgs/${sub.orgId}/invitations`, { identifier: email, role: 'member' })
    ).json();
    const member = await registeredClient(t.app, email, '资料员 王');
    expect((await member.client.post(`/api/invitations/${invitation.id}/accept`)).statusCode).toBeLessThan(300);
    expect((await member.client.get(`/api/orgs/${sub.orgId}/risk/warnings`)).statusCode).toBe(200);
    const refused = await member.client.post(`/api/orgs/${sub.orgId}/risk/warnings/${warningId}/transitions`, {
      to: 'acknowledged',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('the owner acknowledges; the history shows who and when', async () => {
    const done = await move(sub, { to: 'acknowledged' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'acknowledged' });
    expect(done.json().transitions.map((x: { to: string }) => x.to)).toEqual(['open', 'acknowledged']);
    const twice = await move(gc, { to: 'acknowledged' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message['zh-CN']).toContain('不能改为');
  });

  it('the board is for risk staff (operators read it); other staff roles are refused', async () => {
    const service = await staffClient(t, ['service'], '客服 周');
    expect((await service.client.get('/api/staff/risk/board')).statusCode).toBe(403);
    const operator = await staffClient(t, ['operator'], '运营 吴');
    const board = await operator.client.get('/api/staff/risk/board?state=acknowledged');
    expect(board.statusCode).toBe(200);
    expect(board.json().warnings.map((w: { id: string }) => w.id)).toEqual([warningId]);
    expect(board.json().counts).toContainEqual({ type: 'milestone_delay', state: 'acknowledged', count: 1 });
    const byOperator = await operator.client.post(`/api/staff/risk/warnings/${warningId}/transitions`, {
      to: 'false_alarm',
      note: '工期已顺延',
    });
    expect(byOperator.statusCode).toBe(403);
    expect((await operator.client.post('/api/staff/risk/scan')).statusCode).toBe(403);

    const risk = await staffClient(t, ['risk'], '风控 郑');
    expect((await risk.client.get('/api/staff/risk/board?type=nonsense')).statusCode).toBe(400);
    const dismissed = await risk.client.post(`/api/staff/risk/warnings/${warningId}/transitions`, {
      to: 'false_alarm',
      note: '双方已签补充协议顺延工期',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json().transitions.at(-1)).toMatchObject({ actorKind: 'staff', to: 'false_alarm' });
    expect((await risk.client.post('/api/staff/risk/scan')).json()).toMatchObject({ opened: 0 });
  });

  it('tender red flags: the buyer only; an unknown tender is not found', async () => {
    expect((await gc.client.get(`/api/orgs/${gc.orgId}/tenders/${newId()}/risk-flags`)).statusCode).toBe(404);
    const risk = await staffClient(t, ['risk'], '风控 冯');
    expect((await risk.client.get(`/api/staff/risk/tender-flags/${newId()}`)).statusCode).toBe(404);
  });
});
