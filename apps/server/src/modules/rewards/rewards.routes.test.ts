import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  PASSWORD,
  registeredClient,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../test/test-app';
import { recordCharge } from '../fees';
import { earnPoints, grantVoucher } from './index';

/** 推荐有礼 · 积分 · 优惠券 through HTTP: who sees and spends what, and the errors people read. */
let t: TestApp;
let owner: { client: TestClient; userId: string; orgId: string };
let member: TestClient;
let foreign: TestClient;
let finance: TestClient;
let reviewer: TestClient;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  const o = await registeredClient(t.app, undefined, '推荐人 陈');
  const org = await createOrg(o.client, { name: '杭州积分建设有限公司', creditCode: validCreditCode() });
  owner = { client: o.client, userId: o.userId, orgId: org.id };
  const memberEmail = uniqueEmail('rewards-member');
  const invitation = (
    await owner.client.post(`/api/orgs/${org.id}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  const m = await registeredClient(t.app, memberEmail, '成员 王');
  await m.client.post(`/api/invitations/${invitation.id}/accept`);
  await m.client.post('/api/auth/logout');
  await m.client.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });
  member = m.client;
  const f = await registeredClient(t.app, undefined, '外单位 赵');
  await createOrg(f.client, { name: '外单位建材有限公司', creditCode: validCreditCode() });
  foreign = f.client;
  finance = (await staffClient(t, ['finance'], '财务 孙')).client;
  reviewer = (await staffClient(t, ['reviewer'], '审核 钱')).client;
  await earnPoints(t.ctx, { orgId: org.id, points: 250, reason: 'contract.signed', sourceKey: `t:${newId()}` });
});
afterAll(async () => t?.close());

describe('rewards routes', () => {
  it('members read the points; another organisation gets 404', async () => {
    const mine = await member.get(`/api/orgs/${owner.orgId}/rewards/points`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ balance: 250 });
    expect(mine.json().catalogue.length).toBeGreaterThanOrEqual(4);
    for (const path of ['points', 'vouchers']) {
      expect((await foreign.get(`/api/orgs/${owner.orgId}/rewards/${path}`)).statusCode).toBe(404);
    }
    expect((await foreign.post(`/api/orgs/${owner.orgId}/rewards/referrals`, {})).statusCode).toBe(404);
  });

  it('only owners and admins spend points; too many points is a clear 409 and nothing changes', async () => {
    const body = { itemCode: 'ticket_annual_summit', requestId: newId() };
    expect((await member.post(`/api/orgs/${owner.orgId}/rewards/points/redemptions`, body)).statusCode).toBe(403);
    const refused = await owner.client.post(`/api/orgs/${owner.orgId}/rewards/points/redemptions`, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'POINTS_INSUFFICIENT',
      message: { 'zh-CN': '积分不足：兑换需要 500 积分，当前余额 250 积分' },
    });
    const ok = await owner.client.post(`/api/orgs/${owner.orgId}/rewards/points/redemptions`, {
      itemCode: 'report_material_prices',
      requestId: newId(),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ balance: 50 });
    expect(ok.json().entries[0]).toMatchObject({ kind: 'redeem', points: -200, userName: '推荐人 陈' });
  });

  it('vouchers: members see them, owners redeem once, a repeat is a clear 409', async () => {
    const voucher = await t.ctx.db.transaction((tx) =>
      grantVoucher(tx, {
        holderOrgId: owner.orgId,
        title: { 'zh-CN': '测试券', en: 'Test voucher' },
        kind: 'amount',
        valueFen: 50_00,
        eligibleItems: [],
        validFrom: new Date(Date.now() - DAY),
        validUntil: new Date(Date.now() + DAY),
        source: 'campaign',
        sourceRef: newId(),
      }),
    );
    const charge = await recordCharge(
      t.ctx,
      { orgId: owner.orgId, itemCode: 'premium_report', quantity: 1, description: '报告', reference: `t:${newId()}` },
      null,
    );
    const list = await member.get(`/api/orgs/${owner.orgId}/rewards/vouchers`);
    expect(list.json().vouchers[0]).toMatchObject({ id: voucher.id, state: 'available' });
    expect(list.json().openCharges.map((c: { id: string }) => c.id)).toContain(charge.id);
    const path = `/api/orgs/${owner.orgId}/rewards/vouchers/${voucher.id}/redeem`;
    expect((await member.post(path, { chargeId: charge.id })).statusCode).toBe(403);
    expect((await foreign.post(path, { chargeId: charge.id })).statusCode).toBe(404);
    const used = await owner.client.post(path, { chargeId: charge.id });
    expect(used.statusCode).toBe(201);
    expect(used.json()).toMatchObject({ discountFen: Math.min(50_00, Number(charge.amountFen)) });
    const again = await owner.client.post(path, { chargeId: charge.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().message.en).toBe('This voucher has been used; each organisation may use it 1 time(s)');
  });

  it('a new user records a referral code; a malformed or own code is refused', async () => {
    const overview = (
      await owner.client.post(`/api/orgs/${owner.orgId}/rewards/referrals`, { deviceId: 'd-a' })
    ).json();
    expect(overview.path).toBe(`/register?ref=${overview.code}`);
    const bad = await foreign.post('/api/referrals/accept', { code: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect((await owner.client.post('/api/referrals/accept', { code: overview.code })).json().code).toBe(
      'REFERRAL_SELF',
    );
    const newcomer = await registeredClient(t.app, undefined, '新用户 刘');
    const accepted = await newcomer.client.post('/api/referrals/accept', { code: overview.code, deviceId: 'd-b' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ referrerOrgName: '杭州积分建设有限公司' });
    const after = (await member.post(`/api/orgs/${owner.orgId}/rewards/referrals`, {})).json();
    expect(after.invited).toHaveLength(1);
    expect(after.invited[0]).toMatchObject({ userName: '新用户 刘', status: 'registered', orgName: null });
  });

  it('staff: 运营/财务 read the ledgers; a reviewer is refused; only finance reverses', async () => {
    expect((await reviewer.get('/api/staff/rewards')).statusCode).toBe(403);
    const overview = await finance.get('/api/staff/rewards');
    expect(overview.statusCode).toBe(200);
    const earned = overview.json().entries.find((e: { kind: string; orgId: string }) => e.kind === 'earn');
    expect((await reviewer.post(`/api/staff/rewards/points/${earned.id}/reverse`)).statusCode).toBe(403);
    // the 250 earned were partly spent: reversing them would overdraw, so it is refused
    const refused = await finance.post(`/api/staff/rewards/points/${earned.id}/reverse`);
    expect(refused.json().code).toBe('POINTS_INSUFFICIENT');
    expect((await owner.client.get(`/api/orgs/${owner.orgId}/rewards/points`)).json().balance).toBe(50);
  });

  it('a redemption delivers its report or ticket as PDF to the organisation only; a reversed one delivers nothing', async () => {
    await earnPoints(t.ctx, { orgId: owner.orgId, points: 450, reason: 'contract.signed', sourceKey: `t:${newId()}` });
    const redeem = (itemCode: string) =>
      owner.client.post(`/api/orgs/${owner.orgId}/rewards/points/redemptions`, { itemCode, requestId: newId() });
    expect((await redeem('report_credit_standard')).statusCode).toBe(201);
    const afterTicket = await redeem('ticket_safety_training');
    expect(afterTicket.statusCode).toBe(201);
    type Entry = { id: string; kind: string; label: { en: string }; delivery: Record<string, unknown> | null };
    const entries: Entry[] = afterTicket.json().entries;
    const ticket = entries.find((e) => e.delivery?.kind === 'ticket') as Entry;
    expect(ticket.delivery).toMatchObject({
      reversed: false,
      ticketNo: expect.stringMatching(/^ZH\d{8}-[0-9A-F]{8}$/),
    });
    expect(ticket.delivery?.ticketNo).toContain(ticket.id.replaceAll('-', '').slice(-8).toUpperCase());
    const reports = entries.filter((e) => e.delivery?.kind === 'report');
    expect(reports).toHaveLength(2);
    expect(entries.filter((e) => e.kind === 'earn').every((e) => e.delivery === null)).toBe(true);

    const url = (id: string) => `/api/orgs/${owner.orgId}/rewards/points/redemptions/${id}/delivery.pdf`;
    for (const entry of [...reports, ticket]) {
      const pdf = await member.get(url(entry.id));
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toMatch(/\.pdf$/);
    }
    expect((await foreign.get(url(ticket.id))).statusCode).toBe(404);
    const earned = entries.find((e) => e.kind === 'earn') as Entry;
    expect((await owner.client.get(url(earned.id))).json().code).toBe('POINTS_ENTRY_NOT_FOUND');

    // staff reverse the ticket: the points come back and the ticket can no longer be collected
    expect((await finance.post(`/api/staff/rewards/points/${ticket.id}/reverse`)).statusCode).toBe(201);
    const gone = await owner.client.get(url(ticket.id));
    expect(gone.statusCode).toBe(409);
    expect(gone.json()).toMatchObject({
      code: 'POINTS_REDEMPTION_REVERSED',
      message: { en: expect.stringContaining('reversed') },
    });
    const listed: Entry[] = (await owner.client.get(`/api/orgs/${owner.orgId}/rewards/points`)).json().entries;
    expect(listed.find((e) => e.id === ticket.id)?.delivery).toMatchObject({ reversed: true });
  });
});
