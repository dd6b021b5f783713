import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../infra/audit/audit-chain';
import { validCreditCode } from '../../test/credit-codes';
import { daysFromToday, idNumber, tinyMp4, uploadDocuments, verificationPackage } from '../../test/onboarding';
import { staffClient } from '../../test/staff';
import {
  createOrg,
  createTestApp,
  enableTotp,
  nextTotp,
  registeredClient,
  type TestApp,
  type TestClient,
  tinyPdf,
  upload,
} from '../../test/test-app';

let t: TestApp;
let reviewer: TestClient;
let reviewer2: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  reviewer = (await staffClient(t, ['reviewer'], '审核员甲')).client;
  reviewer2 = (await staffClient(t, ['reviewer'], '审核员乙')).client;
});
afterAll(async () => {
  await t.close();
});

async function supplier(name = `浙江测试建材有限公司${Math.floor(Math.random() * 1e6)}`) {
  const { client } = await registeredClient(t.app, undefined, '张建华');
  const creditCode = validCreditCode();
  const org = await createOrg(client, { name, creditCode, businessRoles: ['SUP'] });
  const { secret } = await enableTotp(client);
  const files = await uploadDocuments(client, org.id);
  return { client, orgId: org.id, name, creditCode, files, secret };
}

function application(s: Awaited<ReturnType<typeof supplier>>, overrides: Record<string, unknown> = {}, pkg = {}) {
  return {
    categoryCode: 'steel',
    serviceRegions: ['330000', '320000'],
    shopName: '匠心钢材旗舰店',
    profile: '专业供应 Q235/Q355 钢材，十五年建筑钢材配送经验，支持长三角当日达。',
    verification: verificationPackage({ orgName: s.name, creditCode: s.creditCode, files: s.files, ...pkg }),
    ...overrides,
  };
}

async function nothingSaved(s: Awaited<ReturnType<typeof supplier>>) {
  expect((await s.client.get(`/api/orgs/${s.orgId}/merchant-application`)).json()).toEqual({ application: null });
  expect((await s.client.get(`/api/orgs/${s.orgId}/verification`)).json()).toEqual({ verification: null });
  expect((await s.client.get(`/api/orgs/${s.orgId}`)).json().verification).toBe('unverified');
}

describe('bad input is refused with a clear message, and nothing is half-saved', () => {
  it('forged check digits: ID card (GB 11643) and credit code (GB 32100)', async () => {
    const s = await supplier();
    const good = idNumber();
    const forgedId = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r1 = await s.client.post(
      `/api/orgs/${s.orgId}/merchant-application`,
      application(s, {}, { idNumber: forgedId }),
    );
    expect(r1.statusCode).toBe(400);
    expect(r1.json().issues).toContainEqual(
      expect.objectContaining({
        path: 'verification.idCard.number',
        code: 'ID_CARD_INVALID',
        message: { 'zh-CN': '身份证号码无效（18 位，校验位按 GB 11643 计算）', en: expect.any(String) },
      }),
    );
    const forgedCode = s.creditCode.slice(0, 17) + (s.creditCode[17] === '0' ? '1' : '0');
    const r2 = await s.client.post(
      `/api/orgs/${s.orgId}/merchant-application`,
      application(s, {}, { creditCode: forgedCode }),
    );
    expect(r2.statusCode).toBe(400);
    expect(r2.json().issues[0]).toMatchObject({
      path: 'verification.licence.creditCode',
      code: 'ORG_CREDIT_CODE_INVALID',
    });
    // A right check digit on a birth date that never existed (30 February) is refused too.
    const feb30 = idNumber('19900230');
    const r3 = await s.client.post(
      `/api/orgs/${s.orgId}/merchant-application`,
      application(s, {}, { idNumber: feb30 }),
    );
    expect(r3.json().issues[0]).toMatchObject({ code: 'ID_CARD_BIRTH_DATE_INVALID' });
    await nothingSaved(s);
  });

  it('an expired certificate', async () => {
    const s = await supplier();
    const expired = daysFromToday(-3);
    const response = await s.client.post(
      `/api/orgs/${s.orgId}/merchant-application`,
      application(s, {}, { qualificationValidUntil: expired }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VERIFICATION_DOCUMENT_EXPIRED',
      message: { 'zh-CN': `资质证书 D233012345已于 ${expired} 过期，请提交有效期内的证件` },
    });
    expect(response.json().issues[0].path).toBe('qualifications.0.validUntil');
    await nothingSaved(s);
  });

  it('a PDF renamed as an image, as the ID card photo', async () => {
    const s = await supplier();
    const renamed = await upload(
      s.client,
      `/api/orgs/${s.orgId}/files?kind=image`,
      '身份证.jpg',
      tinyPdf(),
      'image/jpeg',
    );
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().code).toBe('FILE_TYPE_MISMATCH');
    expect(renamed.json().message['zh-CN']).toContain('文件内容是 PDF');
    await nothingSaved(s);
  });

  it('a 200 MB upload is refused with 413 and stores nothing', async () => {
    const s = await supplier();
    const boundary = '----zhuhe200mb';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="扫描件.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const chunk = Buffer.alloc(1_048_576, 0x20);
    let sent = 0;
    const body = Readable.from(
      (function* () {
        yield head;
        yield tinyPdf();
        for (; sent < 200; sent++) yield chunk;
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      })(),
    );
    const response = await s.client.request('POST', `/api/orgs/${s.orgId}/files`, body as unknown as Buffer, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: { 'zh-CN': '文件过大，单个文件不能超过 50 MB' },
    });
    await nothingSaved(s);
  });

  it('banned claims in the profile, named and located', async () => {
    const s = await supplier();
    const response = await s.client.post(
      `/api/orgs/${s.orgId}/merchant-application`,
      application(s, { profile: '全网第一的钢材供应商，高回报零风险，品质最佳。' }),
    );
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('COMPLIANCE_BANNED_CLAIMS');
    expect(problem.message['zh-CN']).toContain('「高回报」');
    expect(problem.message['zh-CN']).toContain('「零风险」');
    expect(
      problem.issues.map((i: { path: string; message: { 'zh-CN': string } }) => [i.path, i.message['zh-CN']]),
    ).toEqual([
      ['profile', expect.stringContaining('「全网第一」')],
      ['profile', expect.stringContaining('「高回报」')],
      ['profile', expect.stringContaining('「零风险」')],
      ['profile', expect.stringContaining('「最佳」')],
    ]);
    const live = await s.client.post('/api/compliance/check', { texts: { profile: '零风险' } });
    expect(live.json()).toMatchObject({ ok: false, hits: [{ field: 'profile', term: '零风险', start: 0, end: 3 }] });
    await nothingSaved(s);
  });
});

describe('the onboarding journey', () => {
  it('applies, fixes the one problem the automatic check found, is approved, signs with 2FA and is active', async () => {
    const s = await supplier();
    const idNo = idNumber('19750815');
    // The licence names a different legal representative from the ID card: the automatic check catches it.
    const first = await s.client.post(
      `/api/orgs/${s.orgId}/merchant-application`,
      application(s, {}, { legalRepresentative: '张建国', idNumber: idNo }),
    );
    expect(first.statusCode).toBe(201);
    const a1 = first.json();
    expect(a1.stage).toBe('needs_correction');
    const failed = a1.verification.checks.filter((c: { status: string }) => c.status === 'fail');
    expect(failed).toEqual([
      expect.objectContaining({
        code: 'legal_representative_matches_id_card',
        field: 'idCard.name',
        message: expect.objectContaining({ 'zh-CN': '营业执照法定代表人「张建国」与身份证姓名「张建华」不一致' }),
      }),
    ]);
    // The ID number is encrypted at rest and masked for the applicant.
    expect(first.body).not.toContain(idNo);
    expect(a1.verification.idCard.numberMasked).toBe(`${idNo.slice(0, 3)}***********${idNo.slice(-4)}`);

    const fixed = await s.client.post(
      `/api/orgs/${s.orgId}/merchant-application`,
      application(s, {}, { idNumber: idNo }),
    );
    expect(fixed.statusCode).toBe(201);
    const a2 = fixed.json();
    expect(a2.id).toBe(a1.id);
    expect(a2.stage).toBe('in_review');
    expect(a2.verification.checks.every((c: { status: string }) => c.status !== 'fail')).toBe(true);
    expect((await s.client.get(`/api/orgs/${s.orgId}`)).json().verification).toBe('pending');
    // Still in review: the agreement cannot be signed yet (the session is still stepped up from enabling 2FA).
    const early = await s.client.post(`/api/orgs/${s.orgId}/merchant-application/agreement`, {
      agreementVersion: '2026-11',
      accept: true,
    });
    expect(early.json()).toMatchObject({
      code: 'MERCHANT_WRONG_STAGE',
      message: { 'zh-CN': '申请当前处于「审核中」阶段，不能执行此操作' },
    });

    // The reviewer sees the board, the documents and (only they) the full ID number.
    const board = (await reviewer.get('/api/staff/merchant-board')).json();
    expect(board.items.find((i: { id: string }) => i.id === a1.id)).toMatchObject({
      stage: 'in_review',
      sla: { overdue: false },
    });
    const detail = (await reviewer.get(`/api/staff/merchant-applications/${a1.id}`)).json();
    expect(detail.verification.idCard.numberMasked).not.toContain(idNo);
    const preview = await reviewer.get(`/api/staff/merchant-applications/${a1.id}/files/${s.files.licence}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline/);
    const revealed = await reviewer.post(`/api/staff/verifications/${a2.verification.id}/reveal-id-number`);
    expect(revealed.json()).toEqual({ number: idNo });
    // The merchant verification is decided with the application, not on its own.
    expect(
      (await reviewer.post(`/api/staff/verifications/${a2.verification.id}/decision`, { decision: 'approve' })).json()
        .code,
    ).toBe('VERIFICATION_DECIDED_WITH_MERCHANT');
    // Approving needs a tier; rejecting needs a reason.
    expect(
      (await reviewer.post(`/api/staff/merchant-applications/${a1.id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(400);
    const approved = await reviewer.post(`/api/staff/merchant-applications/${a1.id}/decision`, {
      decision: 'approve',
      tier: 'brand',
    });
    expect(approved.json()).toMatchObject({ stage: 'agreement', tier: 'brand', agreement: { version: '2026-11' } });
    expect((await s.client.get(`/api/orgs/${s.orgId}`)).json().verification).toBe('verified');

    // Signing needs a fresh authenticator code (step-up): let the one from enabling 2FA lapse.
    await t.ctx.db.execute(sql`update sessions set step_up_at = now() - interval '10 minutes'`);
    const body = { agreementVersion: '2026-11', accept: true };
    const noStepUp = await s.client.post(`/api/orgs/${s.orgId}/merchant-application/agreement`, body);
    expect(noStepUp.json().code).toBe('AUTH_STEP_UP_REQUIRED');
    expect((await s.client.post('/api/auth/step-up', { code: await nextTotp(s.secret) })).statusCode).toBe(200);
    const signed = await s.client.post(`/api/orgs/${s.orgId}/merchant-application/agreement`, body);
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ stage: 'active', agreementAcceptedAt: expect.any(String) });
    expect(signed.json().history.map((h: { stage: string }) => h.stage)).toEqual([
      'needs_correction',
      'in_review',
      'agreement',
      'active',
    ]);
    const audit = await listAudit(t.ctx.db, { limit: 200 });
    expect(audit.some((e) => e.action === 'merchants.agreement.signed' && e.orgId === s.orgId)).toBe(true);

    const after = (await reviewer.get('/api/staff/merchant-board')).json();
    expect(after.cycle.samples).toBeGreaterThanOrEqual(1);
    expect(after.cycle.avgWorkingDays).not.toBeNull();
    expect(after.brandShare).toMatchObject({ brand: 1, active: 1, shareBp: 10_000, targetBp: 3000 });
    expect(after.stages.find((x: { stage: string }) => x.stage === 'active').count).toBe(1);
  });

  it('a key category is inspected on site, with a video, by a second reviewer', async () => {
    const s = await supplier();
    const a = (
      await s.client.post(
        `/api/orgs/${s.orgId}/merchant-application`,
        application(s, { categoryCode: 'machinery_rental' }),
      )
    ).json();
    expect(a.category).toMatchObject({ code: 'machinery_rental', key: true });
    const approved = await reviewer.post(`/api/staff/merchant-applications/${a.id}/decision`, {
      decision: 'approve',
      tier: 'potential',
    });
    expect(approved.json().stage).toBe('inspection');
    const url = `/api/staff/merchant-applications/${a.id}/inspection`;
    expect((await reviewer2.post(`${url}/result`, { result: 'passed' })).json().code).toBe(
      'MERCHANT_INSPECTION_NOT_SCHEDULED',
    );
    await reviewer.post(url, { scheduledFor: daysFromToday(1), inspector: '李工' });
    expect((await reviewer2.post(`${url}/result`, { result: 'passed' })).json().code).toBe(
      'MERCHANT_INSPECTION_VIDEO_REQUIRED',
    );
    expect((await upload(reviewer, `${url}/video`, '考察.mp4', tinyPdf())).json().code).toBe('FILE_TYPE_MISMATCH');
    const withVideo = await upload(reviewer, `${url}/video`, '考察.mp4', tinyMp4());
    expect(withVideo.statusCode).toBe(200);
    expect(withVideo.json().inspection).toMatchObject({ inspector: '李工', video: { kind: 'video' } });
    // 双审: the reviewer who approved the documents cannot also pass the inspection.
    expect((await reviewer.post(`${url}/result`, { result: 'passed' })).json().code).toBe(
      'MERCHANT_SECOND_REVIEWER_REQUIRED',
    );
    const passed = await reviewer2.post(`${url}/result`, { result: 'passed', notes: '现场设备与清单一致' });
    expect(passed.json()).toMatchObject({ stage: 'agreement', inspection: { result: 'passed' } });
  });

  it('a rejection carries the reasons the applicant sees, and they can apply again', async () => {
    const s = await supplier();
    const a = (await s.client.post(`/api/orgs/${s.orgId}/merchant-application`, application(s))).json();
    expect(
      (await reviewer.post(`/api/staff/merchant-applications/${a.id}/decision`, { decision: 'reject' })).statusCode,
    ).toBe(400);
    await reviewer.post(`/api/staff/merchant-applications/${a.id}/decision`, {
      decision: 'reject',
      reasons: ['营业执照扫描件不清晰'],
    });
    const mine = (await s.client.get(`/api/orgs/${s.orgId}/merchant-application`)).json().application;
    expect(mine).toMatchObject({ stage: 'rejected', reviewReasons: ['营业执照扫描件不清晰'] });
    expect(mine.verification.decision).toMatchObject({
      decision: 'reject',
      reasons: ['营业执照扫描件不清晰'],
      decidedBy: '审核员甲',
    });
    const again = await s.client.post(`/api/orgs/${s.orgId}/merchant-application`, application(s));
    expect(again.json()).toMatchObject({ stage: 'in_review' });
    expect(again.json().id).not.toBe(a.id);
  });

  it('staff take a profile down with a reason the merchant sees', async () => {
    const s = await supplier();
    const a = (await s.client.post(`/api/orgs/${s.orgId}/merchant-application`, application(s))).json();
    const operator = (await staffClient(t, ['operator'], '运营小王')).client;
    const down = await operator.post('/api/staff/takedowns', {
      subjectKind: 'merchant_profile',
      orgId: s.orgId,
      subjectId: a.id,
      reason: '店铺简介夸大供货能力，请修改后联系客服',
    });
    expect(down.statusCode).toBe(201);
    const mine = (await s.client.get(`/api/orgs/${s.orgId}/merchant-application`)).json().application;
    expect(mine.takedown).toMatchObject({ reason: '店铺简介夸大供货能力，请修改后联系客服' });
    const edit = await s.client.patch(`/api/orgs/${s.orgId}/merchant-profile`, {
      shopName: '匠心钢材',
      profile: '行业最佳的钢材供应商',
    });
    expect(edit.json().code).toBe('COMPLIANCE_BANNED_CLAIMS');
    await operator.post(`/api/staff/takedowns/${down.json().id}/lift`);
    expect((await s.client.get(`/api/orgs/${s.orgId}/merchant-application`)).json().application.takedown).toBeNull();
  });
});
