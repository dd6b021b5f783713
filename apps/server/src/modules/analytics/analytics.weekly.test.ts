import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../infra/clock';
import { staffClient } from '../../test/staff';
import { createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { reportDayOfWeek } from './analytics.weekly';

/** 数据驱动周报: the Friday of the working-day calendar, the readers it goes to, once, and the PDF's access. */
let t: TestApp;
let operator: { client: TestClient; identifier: string };
let reviewer: TestClient;
let member: TestClient;

const at = (iso: string): Clock => ({ now: () => new Date(iso), advance: () => false, adjustable: false });

beforeAll(async () => {
  t = await createTestApp();
  const op = await staffClient(t, ['operator'], '运营 周');
  operator = { client: op.client, identifier: (await op.client.get('/api/auth/me')).json().user.email };
  reviewer = (await staffClient(t, ['reviewer'], '审核 吴')).client;
  member = (await registeredClient(t.app)).client;
});
afterAll(async () => t?.close());

describe('the weekly report day', () => {
  it('is Friday, or the last working day before a holiday Friday; a week with no working day has none', () => {
    expect(reportDayOfWeek('2026-12-07')).toBe('2026-12-11'); // Monday → that Friday
    expect(reportDayOfWeek('2026-12-13')).toBe('2026-12-11'); // Sunday belongs to the week before it
    // 国庆: 1–2 October 2026 (Thursday, Friday) are off, so the week reports on Wednesday 30 September
    expect(reportDayOfWeek('2026-10-02')).toBe('2026-09-30');
    // 春节: 16–20 February 2026 are all off
    expect(reportDayOfWeek('2026-02-18')).toBeNull();
  });
});

describe('sending the weekly report', () => {
  it('mails admins and operators on the report day only, once per reader however often the job runs', async () => {
    const mailsTo = (email: string) =>
      t.mailer.sent.filter((m) => m.to === email && m.subject.startsWith('【筑合数据驱动周报】'));
    // Thursday 10 December, 17:00 Shanghai: not the report day
    expect(await t.app.modules.analytics.api.sendWeeklyReport(at('2026-12-10T09:00:00Z'))).toEqual({
      sent: 0,
      day: null,
    });
    await t.ctx.jobs.runDue();
    expect(mailsTo(operator.identifier)).toHaveLength(0);

    const friday = at('2026-12-11T09:00:00Z');
    const first = await t.app.modules.analytics.api.sendWeeklyReport(friday);
    expect(first.day).toBe('2026-12-11');
    expect(first.sent).toBeGreaterThanOrEqual(1);
    await t.app.modules.analytics.api.sendWeeklyReport(friday); // a second process, or a retried job
    await t.ctx.jobs.runDue();
    const mails = mailsTo(operator.identifier);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('留存率');
    expect(mails[0]?.text).toContain('/api/staff/growth/weekly-report.pdf?asOf=2026-12-11');
    // a reviewer does not read the growth board, so gets no report
    const reviewerEmail = (await reviewer.get('/api/auth/me')).json().user.email;
    expect(mailsTo(reviewerEmail)).toHaveLength(0);
  });

  it('downloads as a PDF for the growth team only; a bad date is a clear 400', async () => {
    const pdf = await operator.client.get('/api/staff/growth/weekly-report.pdf?asOf=2026-12-11');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('数据驱动周报-2026-12-11.pdf');
    expect((await reviewer.get('/api/staff/growth/weekly-report.pdf')).statusCode).toBe(403);
    expect([401, 403]).toContain((await member.get('/api/staff/growth/weekly-report.pdf')).statusCode);
    const bad = await operator.client.get('/api/staff/growth/weekly-report.pdf?asOf=2026-13-40');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatchObject({ 'zh-CN': expect.any(String), en: expect.any(String) });
  });
});
