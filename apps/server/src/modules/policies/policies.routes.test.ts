import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient } from '../../test/staff';
import { createTestApp, registeredClient, type TestApp, TestClient, tinyPdf, upload } from '../../test/test-app';
import { notifySubscribers } from '.';

let t: TestApp;
let editor: TestClient;
let finance: TestClient;
let member: TestClient;
let other: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await staffClient(t, ['editor'], '政策编辑甲')).client;
  finance = (await staffClient(t, ['finance'], '财务乙')).client;
  member = (await registeredClient(t.app)).client;
  other = (await registeredClient(t.app)).client;
});
afterAll(async () => {
  await t.close();
});

const policy = (over: Record<string, unknown> = {}) => ({
  title: '关于进一步做好建筑工人工资支付保障工作的通知（示例）',
  issuer: '浙江省住房和城乡建设厅',
  docNumber: '浙建〔2026〕示例1号',
  issueDate: '2026-03-01',
  effectiveDate: '2026-04-01',
  expiryDate: null,
  regionCode: '330000',
  category: 'wages',
  tags: ['农民工工资', '实名制'],
  fullText:
    '各市住房城乡建设局：为保障建筑工人工资按时足额支付，现就工资专用账户、实名制管理和工资保证金有关事项通知如下……',
  keyPoints: '1. 在建项目全部开设农民工工资专用账户\n2. 推行施工现场实名制管理',
  impact: '总包单位须按月代发工资，分包单位按月提供考勤和工资表。',
  affected: '在浙江省内承接房屋建筑和市政工程的施工总承包和专业分包企业',
  ...over,
});

const staffCount = async () => (await editor.get('/api/staff/policies')).json().items.length;

describe('policy library 政策库', () => {
  it('an editor writes, publishes and revises; members read, search and see every version', async () => {
    const created = await editor.post('/api/staff/policies', policy());
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', versionNo: 1, revision: 1, regionName: '浙江省' });
    // a draft is the editors' only
    expect((await member.get(`/api/policies/${draft.id}`)).statusCode).toBe(404);

    const published = await editor.post(`/api/staff/policies/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    expect((await editor.post(`/api/staff/policies/${draft.id}/publish`)).json().code).toBe('POLICY_NOT_DRAFT');

    // Chinese search: dictionary words, a fragment, filters and an honest count
    const found = (await member.get(`/api/policies?q=${encodeURIComponent('工资 专用账户')}`)).json();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ id: draft.id, regionCode: '330000', regionName: '浙江省' });
    const inHangzhouResponse = await member.get('/api/policies?region=330100&category=wages');
    expect(inHangzhouResponse.statusCode, inHangzhouResponse.body).toBe(200);
    const inHangzhou = inHangzhouResponse.json();
    expect(inHangzhou.items.map((p: { id: string }) => p.id)).toContain(draft.id);
    expect((await member.get('/api/policies?region=110000')).json().total).toBe(0);
    expect((await member.get(`/api/policies?issuer=${encodeURIComponent('发改委')}`)).json().total).toBe(0);
    expect((await member.get('/api/policies?from=2026-03-02')).json().total).toBe(0);

    const detail = (await member.get(`/api/policies/${draft.id}`)).json();
    const revision = detail.revision;
    const revised = await editor.put(`/api/staff/policies/${draft.id}`, {
      ...policy({ impact: '总包单位须按月代发工资；工资保证金可用银行保函替代。' }),
      revision,
      changeNote: '补充保函替代',
    });
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({ status: 'published', versionNo: 2 });

    // the same stale revision again: someone else saved in between
    const stale = await editor.put(`/api/staff/policies/${draft.id}`, { ...policy(), revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('POLICY_STALE');
    expect(stale.json().message.en).toMatch(/reload/);

    const after = (await member.get(`/api/policies/${draft.id}`)).json();
    expect(after.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    expect(after.current.impact).toContain('银行保函');
    const v1 = (await member.get(`/api/policies/${draft.id}/versions/1`)).json();
    expect(v1.impact).not.toContain('银行保函');
    expect((await member.get(`/api/policies/${draft.id}/versions/9`)).statusCode).toBe(404);

    // 废止 with a reason: still readable, marked withdrawn; no further edits
    const withdrawn = await editor.post(`/api/staff/policies/${draft.id}/withdraw`, { reason: '已被新文件替代' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '已被新文件替代' } });
    expect((await member.get('/api/policies?status=withdrawn')).json().total).toBe(1);
    const edit = await editor.put(`/api/staff/policies/${draft.id}`, { ...policy(), revision: after.revision + 1 });
    expect(edit.json().code).toBe('POLICY_WITHDRAWN');
  });

  it('keeps the PDF of the official text with the version', async () => {
    const file = await upload(editor, '/api/staff/policy-files', 'policy.pdf', tinyPdf(), 'application/pdf');
    expect(file.statusCode).toBe(201);
    const created = (await editor.post('/api/staff/policies', policy({ pdfFileId: file.json().id }))).json();
    expect(created.current.pdf.name).toBe('policy.pdf');
    await editor.post(`/api/staff/policies/${created.id}/publish`);
    const pdf = await member.get(`/api/policies/${created.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    // an id that is not an uploaded policy PDF is refused
    const bad = await editor.post('/api/staff/policies', policy({ pdfFileId: '00000000-0000-7000-8000-000000000001' }));
    expect(bad.json().code).toBe('POLICY_PDF_UNKNOWN');
  });

  it('refuses bad input in both languages and writes nothing', async () => {
    const before = await staffCount();
    const cases: [Record<string, unknown>, string][] = [
      [policy({ issuer: '' }), 'POLICY_ISSUER_REQUIRED'],
      [policy({ expiryDate: '2026-01-01' }), 'POLICY_EXPIRY_BEFORE_ISSUE'],
      [policy({ effectiveDate: '2026-02-01' }), 'POLICY_EFFECTIVE_BEFORE_ISSUE'],
      [policy({ category: 'astrology' }), 'POLICY_CATEGORY_INVALID'],
      [policy({ keyPoints: '' }), 'POLICY_INTERPRETATION_REQUIRED'],
    ];
    for (const [body, code] of cases) {
      const response = await editor.post('/api/staff/policies', body);
      expect(response.statusCode, code).toBe(400);
      const issues = JSON.stringify(response.json());
      expect(issues, code).toContain(code);
    }
    const unknownRegion = await editor.post('/api/staff/policies', policy({ regionCode: '999999' }));
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json()).toMatchObject({ code: 'POLICY_REGION_UNKNOWN' });
    expect(unknownRegion.json().message['zh-CN']).toContain('999999');
    expect(unknownRegion.json().message.en).toContain('999999');
    expect(await staffCount()).toBe(before);
  });

  it('lets only editors write: a member, staff of another role and nobody get 403 / 401', async () => {
    const before = await staffCount();
    const draft = (await editor.post('/api/staff/policies', policy())).json();
    for (const client of [member, finance]) {
      expect((await client.post('/api/staff/policies', policy())).statusCode).toBe(403);
      expect((await client.post(`/api/staff/policies/${draft.id}/publish`)).statusCode).toBe(403);
      expect((await client.put(`/api/staff/policies/${draft.id}`, { ...policy(), revision: 1 })).statusCode).toBe(403);
      expect((await client.post(`/api/staff/policies/${draft.id}/withdraw`, { reason: '测试废止' })).statusCode).toBe(
        403,
      );
    }
    expect((await member.get('/api/staff/policies')).statusCode).toBe(403);
    const nobody = new TestClient(t.app);
    expect((await nobody.get('/api/policies')).statusCode).toBe(401);
    expect((await nobody.post('/api/staff/policies', policy())).statusCode).toBe(401);
    const forbidden = await member.post(`/api/staff/policies/${draft.id}/publish`);
    expect(forbidden.json().message['zh-CN']).toBeTruthy();
    expect(forbidden.json().message.en).toBeTruthy();
    expect(await staffCount()).toBe(before + 1);
    expect((await editor.get(`/api/staff/policies/${draft.id}`)).json().status).toBe('draft');
  });

  it('notifies matching subscribers once when a policy is published; subscriptions are private', async () => {
    const mine = await member.post('/api/policy-subscriptions', {
      regionCode: '330000',
      category: null,
      keyword: null,
    });
    expect(mine.statusCode).toBe(201);
    const bykeyword = await other.post('/api/policy-subscriptions', {
      regionCode: null,
      category: 'wages',
      keyword: '绿色建筑',
    });
    expect(bykeyword.statusCode).toBe(201);
    expect((await member.post('/api/policy-subscriptions', {})).json().code).toBe('VALIDATION_FAILED');
    expect((await member.post('/api/policy-subscriptions', { regionCode: '999999', category: null })).json().code).toBe(
      'POLICY_REGION_UNKNOWN',
    );

    // nobody sees or deletes another person's subscription
    expect((await other.get('/api/policy-subscriptions')).json().items.map((s: { id: string }) => s.id)).toEqual([
      bykeyword.json().id,
    ]);
    expect((await other.delete(`/api/policy-subscriptions/${mine.json().id}`)).statusCode).toBe(404);

    const hangzhou = (
      await editor.post(
        '/api/staff/policies',
        policy({ regionCode: '330100', title: '杭州市建筑工人工资支付实施细则（示例）' }),
      )
    ).json();
    await editor.post(`/api/staff/policies/${hangzhou.id}/publish`);
    await t.ctx.jobs.runDue();
    await t.ctx.jobs.runDue();
    const notes = (await member.get('/api/notifications')).json().items;
    const note = notes.find((n: { link: string }) => n.link === `/policies/${hangzhou.id}`);
    expect(note.title).toContain('杭州市建筑工人工资支付实施细则');
    // the keyword subscription of the other person does not match (no 绿色建筑 in it)
    const theirs = (await other.get('/api/notifications')).json().items;
    expect(theirs.some((n: { link: string }) => n.link === `/policies/${hangzhou.id}`)).toBe(false);

    // a wages policy that speaks of 绿色建筑 matches the keyword; delivering the event twice tells them once
    const green = (
      await editor.post(
        '/api/staff/policies',
        policy({ regionCode: '320000', title: '绿色建筑项目农民工工资支付管理通知（示例）', tags: ['绿色建筑'] }),
      )
    ).json();
    await editor.post(`/api/staff/policies/${green.id}/publish`);
    await t.ctx.jobs.runDue();
    expect(await notifySubscribers(t.ctx, green.id)).toBe(0);
    const greenNotes = (await other.get('/api/notifications')).json().items;
    expect(greenNotes.filter((n: { link: string }) => n.link === `/policies/${green.id}`)).toHaveLength(1);
    // the Zhejiang subscription does not cover a Jiangsu policy
    const mineNow = (await member.get('/api/notifications')).json().items;
    expect(mineNow.some((n: { link: string }) => n.link === `/policies/${green.id}`)).toBe(false);

    expect((await member.delete(`/api/policy-subscriptions/${mine.json().id}`)).statusCode).toBe(204);
    expect((await member.get('/api/policy-subscriptions')).json().items).toEqual([]);
  });
});
