import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sitePhotoJpeg } from '../../demo/site-photo';
import { executionParty, planBody, signedSubcontract, type TestParty } from '../../test/execution';
import { createTestApp, type TestApp, tinyPdf, upload } from '../../test/test-app';
import { fundEscrowByDeposit } from '../escrow';
import { findBySubjects } from '../evidence';
import { runMissingLogReminders } from '.';

let t: TestApp;
let gc: TestParty;
let sub: TestParty;
let outsider: TestParty;
let contractId: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T02:00:00Z'));
  t = await createTestApp();
  gc = await executionParty(t, ['GC'], '浙江执行建工');
  sub = await executionParty(t, ['SUB'], '安徽执行劳务');
  outsider = await executionParty(t, ['GC'], '江苏无关建设');
  contractId = await signedSubcontract(t, gc, sub);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const base = (p: TestParty) => `/api/orgs/${p.orgId}/execution/${contractId}`;

describe('the plan of a signed contract', () => {
  it('refuses milestone shares that do not add up to exactly 100%, storing nothing', async () => {
    const body = planBody();
    body.milestones = [
      { title: '基础', deliverables: '', dueDate: '2026-11-10', shareBp: 4000 },
      { title: '主体', deliverables: '', dueDate: '2027-02-28', shareBp: 5999 },
    ];
    const response = await gc.client.post(`${base(gc)}/plan`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'EXECUTION_SHARES_NOT_100',
      message: {
        'zh-CN': '各节点付款比例之和须恰好为 100%（当前 99.99%）',
        en: 'The milestone payment shares must add up to exactly 100% (now 99.99%)',
      },
    });
    expect((await gc.client.get(base(gc))).statusCode).toBe(404);
  });

  it('lets only the paying party set it, then opens the escrow with the milestone amounts', async () => {
    expect((await sub.client.post(`${base(sub)}/plan`, planBody())).json()).toMatchObject({
      code: 'EXECUTION_NOT_PAYER',
    });
    const response = await gc.client.post(`${base(gc)}/plan`, planBody());
    expect(response.statusCode).toBe(201);
    const plan = response.json();
    expect(plan.milestones.map((m: { amountFen: number }) => m.amountFen)).toEqual([42_406_000, 63_609_000]);
    expect(plan.plannedCurve).toEqual([
      { date: '2026-10-01', percentBp: 0 },
      { date: '2026-11-10', percentBp: 4000 },
      { date: '2027-02-28', percentBp: 10_000 },
    ]);
    // The payee sees the same plan; another organisation finds nothing.
    expect((await sub.client.get(base(sub))).json()).toMatchObject({ myRole: 'payee', contractAmountFen: 106_015_000 });
    expect((await outsider.client.get(`/api/orgs/${outsider.orgId}/execution/${contractId}`)).statusCode).toBe(404);
    expect((await gc.client.post(`${base(gc)}/plan`, planBody())).json()).toMatchObject({
      code: 'EXECUTION_PLAN_EXISTS',
    });
  });
});

describe('construction logs', () => {
  let lineIds: string[];
  let firstLogId: string;

  it('reads the photo time and GPS position from EXIF and logs photo and log hashes as evidence', async () => {
    lineIds = (await gc.client.get(base(gc))).json().boqLines.map((l: { id: string }) => l.id);
    const photo = sitePhotoJpeg({ takenAt: '2026:11:18 09:41:07', latitude: 30.2741, longitude: 120.0235 });
    const uploaded = await upload(sub.client, `/api/orgs/${sub.orgId}/files`, 'site.jpg', photo, 'image/jpeg');
    expect(uploaded.statusCode).toBe(201);
    const pdf = await upload(sub.client, `/api/orgs/${sub.orgId}/files`, 'report.pdf', tinyPdf(), 'application/pdf');
    const body = {
      logDate: '2026-11-18',
      workersOnSite: 46,
      weather: '晴 12–20℃',
      issues: '',
      work: [{ lineId: lineIds[0], quantityMilli: 400_000, note: '基础底板' }],
      photoFileIds: [uploaded.json().id],
    };
    // A PDF is not a site photo; nothing is stored.
    const refused = await sub.client.post(`${base(sub)}/logs`, { ...body, photoFileIds: [pdf.json().id] });
    expect(refused.json()).toMatchObject({ code: 'EXECUTION_PHOTO_NOT_IMAGE' });
    // The GC does not file logs.
    expect((await gc.client.post(`${base(gc)}/logs`, body)).json()).toMatchObject({ code: 'EXECUTION_NOT_PAYEE' });

    const created = await sub.client.post(`${base(sub)}/logs`, body);
    expect(created.statusCode).toBe(201);
    const log = created.json();
    firstLogId = log.id;
    expect(log.photos).toEqual([
      expect.objectContaining({ takenAt: '2026-11-18T01:41:07.000Z', latitude: 30.2741, longitude: 120.0235 }),
    ]);
    const entries = await findBySubjects(t.ctx, [
      `execution:${contractId}:log:${log.id}`,
      `execution:${contractId}:photo:${log.photos[0].id}`,
    ]);
    expect(entries.map((e) => e.contentSha256).sort()).toEqual([log.sha256, log.photos[0].sha256].sort());
    // The GC can open the payee's photo through the contract.
    const gcLog = (await gc.client.get(`${base(gc)}/logs`)).json().items[0];
    const image = await gc.client.get(gcLog.photos[0].url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect((await outsider.client.get(log.photos[0].url.replace(sub.orgId, outsider.orgId))).statusCode).toBe(404);
  });

  it('lets the GC request changes; the revision is a new log and the first is kept', async () => {
    const review = await gc.client.post(`${base(gc)}/logs/${firstLogId}/reviews`, {
      decision: 'request_changes',
      comment: '请补充钢筋绑扎工程量',
    });
    expect(review.json()).toMatchObject({ status: 'changes_requested', reviews: [{ decision: 'request_changes' }] });
    const revised = await sub.client.post(`${base(sub)}/logs`, {
      logDate: '2026-11-18',
      workersOnSite: 46,
      weather: '晴 12–20℃',
      work: [
        { lineId: lineIds[0], quantityMilli: 400_000 },
        { lineId: lineIds[1], quantityMilli: 30_000 },
      ],
      revisesLogId: firstLogId,
    });
    expect(revised.statusCode).toBe(201);
    const logs = (await gc.client.get(`${base(gc)}/logs`)).json().items;
    expect(logs.map((l: { status: string }) => l.status).sort()).toEqual(['revised', 'submitted']);
    const accepted = await gc.client.post(`${base(gc)}/logs/${revised.json().id}/reviews`, {
      decision: 'accept',
      comment: '已核对',
    });
    expect(accepted.json().status).toBe('accepted');
    // A revised log cannot be accepted any more.
    const again = await gc.client.post(`${base(gc)}/logs/${firstLogId}/reviews`, { decision: 'accept', comment: '—' });
    expect(again.json()).toMatchObject({ code: 'EXECUTION_LOG_REVIEWED' });
  });

  it('shows planned against actual progress and the delay of each milestone in days', async () => {
    const plan = (await gc.client.get(base(gc))).json();
    // Actual value: 400 m³ × ¥350 + 30 t × ¥1,200.50 = ¥176,015 of ¥1,060,150 → 16.60%
    expect(plan.actualCurve).toEqual([{ date: '2026-11-18', percentBp: 1660 }]);
    // Milestone 1 (40%, due 2026-11-10) is not reached: 10 days late on 2026-11-20; milestone 2 is not due yet.
    expect(plan.milestones.map((m: { delayDays: number }) => m.delayDays)).toEqual([10, 0]);
    expect(plan.boqLines.map((l: { loggedMilli: number }) => l.loggedMilli)).toEqual([400_000, 30_000]);
  });
});

describe('the bond rule before the first log', () => {
  it('refuses the first log while a required performance bond is not posted', async () => {
    const id = await signedSubcontract(t, gc, sub);
    const body = planBody({ advanceBp: 4000, bondBp: 500 });
    expect((await gc.client.post(`/api/orgs/${gc.orgId}/execution/${id}/plan`, body)).statusCode).toBe(201);
    await fundEscrowByDeposit(t.ctx, { contractId: id, amountFen: 1000, reference: 'TEST', clientId: `fund-${id}` });
    const log = await sub.client.post(`/api/orgs/${sub.orgId}/execution/${id}/logs`, {
      logDate: '2026-11-19',
      workersOnSite: 10,
      weather: '阴',
    });
    expect(log.statusCode).toBe(409);
    expect(log.json().code).toBe('ESCROW_BOND_NOT_POSTED');
  });
});

describe('the weekly log reminder', () => {
  it('reminds the payee once a week when no log came for seven days, and not before', async () => {
    const before = t.mailer.sent.length;
    expect((await runMissingLogReminders(t.ctx, new Date('2026-11-22T02:00:00Z'))).reminded).not.toContain(contractId);
    const late = new Date('2026-11-26T02:00:00Z');
    expect((await runMissingLogReminders(t.ctx, late)).reminded).toContain(contractId);
    await runMissingLogReminders(t.ctx, new Date('2026-11-27T02:00:00Z'));
    vi.setSystemTime(new Date('2026-11-27T03:00:00Z'));
    await t.ctx.jobs.runDue();
    // One mail for this contract (its last log was on 11-18), however often the job runs in that week.
    const mails = t.mailer.sent.slice(before).filter((m) => m.to === sub.email && m.text?.includes('since 2026-11-18'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('请提交施工日志');
    expect(mails[0]?.text).toContain('8 天');
  });
});
