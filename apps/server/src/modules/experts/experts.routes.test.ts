import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/builders';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createTestApp, PASSWORD, type TestApp, TestClient, tinyPdf, upload } from '../../test/test-app';
import { createOrganisationDirect } from '../organisation';
import { MAX_QUESTIONS_PER_DAY } from './experts.service';

let t: TestApp;
let reviewer: TestClient;
let admin: TestClient;
let finance: TestClient;

async function login(email: string) {
  const client = new TestClient(t.app);
  const r = await client.post('/api/auth/login', { identifier: email, password: PASSWORD });
  if (r.statusCode !== 200) throw new Error(`login failed ${r.body}`);
  return client;
}

async function person(name: string) {
  const user = await buildUser(t.ctx, name);
  return { userId: user.userId, email: user.email, client: await login(user.email) };
}

interface Party {
  orgId: string;
  owner: TestClient;
  ownerEmail: string;
  member: TestClient;
}

async function party(name: string): Promise<Party> {
  const owner = await buildUser(t.ctx, `${name}负责人`);
  const member = await buildUser(t.ctx, `${name}员工`);
  const org = await createOrganisationDirect(
    t.ctx,
    owner.userId,
    { name, creditCode: validCreditCode('330100'), businessRoles: ['GC'], regionCode: '330106' },
    [{ userId: member.userId, role: 'member' }],
  );
  return { orgId: org.id, owner: await login(owner.email), ownerEmail: owner.email, member: await login(member.email) };
}

const profile = (certificateFileIds: string[], over: Record<string, unknown> = {}) => ({
  name: '钱工',
  title: '一级造价工程师',
  employer: '浙江某造价咨询有限公司',
  years: 18,
  specialities: ['cost', 'bidding'],
  regions: ['330000'],
  feeYuan: 300,
  bio: '从事房建与市政工程造价咨询十八年，熟悉清单计价与结算审核。',
  certificateFileIds,
  ...over,
});

/** Applies (certificate and profile) and has the reviewer verify; returns the expert's client and id. */
async function verifiedExpert(name: string, over: Record<string, unknown> = {}) {
  const p = await person(name);
  const cert = (
    await upload(p.client, '/api/experts/me/certificates', 'cert.pdf', tinyPdf(), 'application/pdf')
  ).json();
  const applied = await p.client.put('/api/experts/me', profile([cert.id], { name, ...over }));
  expect(applied.statusCode, applied.body).toBe(200);
  const decided = await reviewer.post(`/api/staff/experts/${applied.json().id}/decision`, {
    decision: 'verified',
    reason: '证书与执业信息核验一致',
  });
  expect(decided.statusCode, decided.body).toBe(200);
  return { ...p, expertId: applied.json().id as string };
}

const question = (over: Record<string, unknown> = {}) => ({
  visibility: 'public',
  expertId: null,
  speciality: 'cost',
  title: '清单计价中措施项目费如何调整',
  body: '合同约定措施项目费总价包干，但设计变更导致脚手架工程量增加三成，能否调整措施费？',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  reviewer = (await staffClient(t, ['reviewer'], '审核员甲')).client;
  admin = (await staffClient(t, ['admin'], '管理员乙')).client;
  finance = (await staffClient(t, ['finance'], '财务丙')).client;
});
afterAll(async () => {
  await t.close();
});

describe('expert applications 专家认证', () => {
  it('refuses bad applications in both languages and stores nothing', async () => {
    const p = await person('申请人');
    const other = await person('他人');
    const cert = (await upload(p.client, '/api/experts/me/certificates', 'c.pdf', tinyPdf(), 'application/pdf')).json();
    const theirs = (
      await upload(other.client, '/api/experts/me/certificates', 'c.pdf', tinyPdf(), 'application/pdf')
    ).json();
    const cases: [Record<string, unknown>, string, string?][] = [
      [profile([cert.id], { feeYuan: 0 }), 'VALIDATION_FAILED', '咨询费'],
      [profile([cert.id], { specialities: ['astrology'] }), 'VALIDATION_FAILED', '专业领域'],
      [profile([cert.id], { name: '' }), 'VALIDATION_FAILED', '姓名'],
      [profile([cert.id], { bio: '短' }), 'VALIDATION_FAILED', '简介'],
      [profile([], {}), 'VALIDATION_FAILED', '证书'],
      [profile([cert.id], { regions: ['999999'] }), 'EXPERT_REGION_UNKNOWN'],
      [profile([theirs.id]), 'EXPERT_CERTIFICATE_UNKNOWN'],
    ];
    for (const [body, code, words] of cases) {
      const r = await p.client.put('/api/experts/me', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().code).toBe(code);
      expect(r.json().message.en).toBeTruthy();
      if (words) expect(JSON.stringify(r.json())).toContain(words);
    }
    expect((await p.client.get('/api/experts/me')).json().application).toBeNull();
    // a certificate must be a PDF or an image
    const text = await upload(
      p.client,
      '/api/experts/me/certificates',
      'c.pdf',
      Buffer.from('just text'),
      'text/plain',
    );
    expect(text.statusCode).toBe(400);
  });

  it('reviewers verify with a reason; other staff may not; only verified experts are listed', async () => {
    const p = await person('孙工');
    const cert = (await upload(p.client, '/api/experts/me/certificates', 'c.pdf', tinyPdf(), 'application/pdf')).json();
    const applied = (
      await p.client.put('/api/experts/me', profile([cert.id], { name: '孙工', specialities: ['geotechnical'] }))
    ).json();
    expect(applied.status).toBe('pending');
    const list = await (await p.client.get('/api/experts?speciality=geotechnical')).json();
    expect(list.items.map((e: { id: string }) => e.id)).not.toContain(applied.id);
    expect((await p.client.get(`/api/experts/${applied.id}`)).statusCode).toBe(404);

    // the queue: reviewers and admins read it; finance staff and members do not
    expect(
      (await reviewer.get('/api/staff/experts?status=pending')).json().items.map((e: { id: string }) => e.id),
    ).toContain(applied.id);
    expect((await admin.get('/api/staff/experts')).statusCode).toBe(200);
    expect((await finance.get('/api/staff/experts')).statusCode).toBe(403);
    expect((await p.client.get('/api/staff/experts')).statusCode).toBe(403);
    const certUrl = `/api/staff/experts/${applied.id}/certificates/${cert.id}`;
    expect((await reviewer.get(certUrl)).headers['content-type']).toContain('application/pdf');
    expect((await finance.get(certUrl)).statusCode).toBe(403);

    // deciding: reviewers only, with a reason, once
    const decision = { decision: 'verified', reason: '证书核验一致' };
    expect((await admin.post(`/api/staff/experts/${applied.id}/decision`, decision)).statusCode).toBe(403);
    expect((await finance.post(`/api/staff/experts/${applied.id}/decision`, decision)).statusCode).toBe(403);
    expect((await p.client.post(`/api/staff/experts/${applied.id}/decision`, decision)).statusCode).toBe(403);
    const noReason = await reviewer.post(`/api/staff/experts/${applied.id}/decision`, {
      decision: 'verified',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message['zh-CN']).toBeTruthy();
    const ok = await reviewer.post(`/api/staff/experts/${applied.id}/decision`, decision);
    expect(ok.json()).toMatchObject({ status: 'verified', decisionReason: '证书核验一致', decidedBy: '审核员甲' });
    const again = await reviewer.post(`/api/staff/experts/${applied.id}/decision`, {
      ...decision,
      decision: 'rejected',
    });
    expect(again.json().code).toBe('EXPERT_ALREADY_DECIDED');

    const notes = (await p.client.get('/api/notifications')).json().items;
    expect(notes.some((n: { title: string }) => n.title.includes('专家认证已通过'))).toBe(true);
    const page = (await p.client.get(`/api/experts/${applied.id}`)).json();
    expect(page).toMatchObject({ name: '孙工', feeYuan: 300, answeredCount: 0, averageRating: null });
    expect(page.regions[0].name).toBe('浙江省');

    // a changed profile goes back to review and off the list
    await p.client.put(
      '/api/experts/me',
      profile([cert.id], { name: '孙工', specialities: ['geotechnical'], feeYuan: null }),
    );
    expect((await p.client.get(`/api/experts/${applied.id}`)).statusCode).toBe(404);
  });

  it('filters the list by speciality, region served and free/paid', async () => {
    const free = await verifiedExpert('免费结构专家', {
      specialities: ['structure'],
      regions: ['110000'],
      feeYuan: null,
    });
    const paid = await verifiedExpert('收费结构专家', {
      specialities: ['structure'],
      regions: ['330100'],
      feeYuan: 800,
    });
    const ids = async (query: string) =>
      (await free.client.get(`/api/experts?${query}`)).json().items.map((e: { id: string }) => e.id);
    expect(await ids('speciality=structure')).toEqual(expect.arrayContaining([free.expertId, paid.expertId]));
    expect(await ids('speciality=structure&fee=free')).toEqual([free.expertId]);
    expect(await ids('speciality=structure&fee=paid')).toEqual([paid.expertId]);
    // Hangzhou is served by the Hangzhou expert; the province filter finds experts inside it too
    expect(await ids('speciality=structure&region=330106')).toEqual([paid.expertId]);
    expect(await ids('speciality=structure&region=330000')).toEqual([paid.expertId]);
    expect(await ids('speciality=structure&region=110101')).toEqual([free.expertId]);
    expect((await free.client.get('/api/experts?region=999999')).json().code).toBe('EXPERT_REGION_UNKNOWN');
    expect((await free.client.get('/api/experts?speciality=astrology')).statusCode).toBe(400);
  });
});

describe('questions, answers and ratings 问答', () => {
  it('public Q&A: a member asks, a verified expert answers, the asker accepts and rates; others find it', async () => {
    const gc = await party('甲建设公司');
    const outsider = await party('乙建设公司');
    const expert = await verifiedExpert('钱工');
    const second = await verifiedExpert('周工');
    const pending = await person('待审专家');
    const cert = (
      await upload(pending.client, '/api/experts/me/certificates', 'c.pdf', tinyPdf(), 'application/pdf')
    ).json();
    await pending.client.put('/api/experts/me', profile([cert.id], { name: '待审专家' }));

    // only the organisation's members ask in its name
    // a non-member gets 404, as for every organisation route
    expect((await outsider.owner.post(`/api/orgs/${gc.orgId}/expert-questions`, question())).statusCode).toBe(404);
    const bad = await gc.owner.post(`/api/orgs/${gc.orgId}/expert-questions`, question({ title: '短' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message.en).toBeTruthy();
    const mismatch = await gc.owner.post(
      `/api/orgs/${gc.orgId}/expert-questions`,
      question({ expertId: expert.expertId }),
    );
    expect(JSON.stringify(mismatch.json())).toContain('私密咨询须选择一位专家');
    expect((await gc.owner.get(`/api/orgs/${gc.orgId}/expert-questions`)).json().items).toEqual([]);

    const asked = await gc.owner.post(`/api/orgs/${gc.orgId}/expert-questions`, question());
    expect(asked.statusCode, asked.body).toBe(201);
    const q = asked.json();
    expect(q).toMatchObject({ visibility: 'public', status: 'open', isAsker: true, canAnswer: false, feeYuan: null });

    // an expert still under review, and a plain user, cannot answer
    const answerBody = { body: '设计变更导致措施项目工程量变化的，可按合同价款调整条款调整措施项目费。' };
    expect((await pending.client.post(`/api/expert-questions/${q.id}/answers`, answerBody)).json().code).toBe(
      'EXPERT_NOT_VERIFIED',
    );
    expect((await outsider.member.post(`/api/expert-questions/${q.id}/answers`, answerBody)).statusCode).toBe(403);
    expect((await expert.client.post(`/api/expert-questions/${q.id}/answers`, { body: '可以' })).statusCode).toBe(400);

    expect((await expert.client.get(`/api/expert-questions/${q.id}`)).json().canAnswer).toBe(true);
    const answered = await expert.client.post(`/api/expert-questions/${q.id}/answers`, answerBody);
    expect(answered.statusCode, answered.body).toBe(201);
    const answerId = answered.json().answers[0].id;
    expect((await expert.client.post(`/api/expert-questions/${q.id}/answers`, answerBody)).json().code).toBe(
      'EXPERT_ALREADY_ANSWERED',
    );
    await second.client.post(`/api/expert-questions/${q.id}/answers`, {
      body: '建议先核对合同中措施费包干的范围，再按变更估价原则协商。',
    });

    // the asker is told in-app and by e-mail
    const notes = (await gc.owner.get('/api/notifications')).json().items;
    expect(notes.some((n: { link: string }) => n.link === `/experts/questions/${q.id}`)).toBe(true);
    await t.ctx.jobs.runDue();
    expect(t.mailer.sent.some((m) => m.to === gc.ownerEmail && m.subject.includes('钱工'))).toBe(true);

    // only the asker accepts and rates: not a colleague, not the expert, not an outsider
    for (const c of [gc.member, expert.client, outsider.owner]) {
      const r = await c.post(`/api/expert-questions/${q.id}/accept`, { answerId });
      expect(r.json().code).toBe('EXPERT_NOT_ASKER');
      expect((await c.post(`/api/expert-questions/${q.id}/answers/${answerId}/rating`, { stars: 5 })).statusCode).toBe(
        403,
      );
    }
    const accepted = await gc.owner.post(`/api/expert-questions/${q.id}/accept`, { answerId });
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect(accepted.json().answers.find((a: { id: string }) => a.id === answerId).accepted).toBe(true);
    expect((await gc.owner.post(`/api/expert-questions/${q.id}/accept`, { answerId })).json().code).toBe(
      'EXPERT_ALREADY_ACCEPTED',
    );
    const third = await verifiedExpert('吴工');
    expect((await third.client.post(`/api/expert-questions/${q.id}/answers`, answerBody)).json().code).toBe(
      'EXPERT_QUESTION_CLOSED',
    );

    const six = await gc.owner.post(`/api/expert-questions/${q.id}/answers/${answerId}/rating`, { stars: 6 });
    expect(six.statusCode).toBe(400);
    expect(JSON.stringify(six.json())).toContain('1–5 星');
    const rated = await gc.owner.post(`/api/expert-questions/${q.id}/answers/${answerId}/rating`, {
      stars: 4,
      text: '依据清楚',
    });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json().answers.find((a: { id: string }) => a.id === answerId).rating).toMatchObject({ stars: 4 });
    expect(
      (await gc.owner.post(`/api/expert-questions/${q.id}/answers/${answerId}/rating`, { stars: 5 })).json().code,
    ).toBe('EXPERT_ALREADY_RATED');

    const page = (await outsider.member.get(`/api/experts/${expert.expertId}`)).json();
    expect(page).toMatchObject({ answeredCount: 1, averageRating: 4, ratingCount: 1 });

    // anyone signed in finds it with the Chinese search, by the question's and by the answer's words
    const search = async (q2: string) =>
      (await outsider.member.get(`/api/expert-questions?q=${encodeURIComponent(q2)}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await search('措施项目')).toContain(q.id);
    expect(await search('变更估价')).toContain(q.id);
    expect(await search('地基沉降')).not.toContain(q.id);
    expect((await outsider.member.get(`/api/expert-questions/${q.id}`)).statusCode).toBe(200);
  });

  it('a private consultation is seen only by the asking organisation and the chosen expert', async () => {
    const gc = await party('丙建设公司');
    const foreign = await party('丁建设公司');
    const chosen = await verifiedExpert('郑工', { feeYuan: 500 });
    const another = await verifiedExpert('冯工');

    const asked = await gc.member.post(
      `/api/orgs/${gc.orgId}/expert-questions`,
      question({
        visibility: 'private',
        expertId: chosen.expertId,
        title: '分包合同结算争议的处理',
        body: '分包单位以签证单未盖章为由拒绝结算，应如何处理签证效力问题？',
      }),
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const q = asked.json();
    expect(q).toMatchObject({ visibility: 'private', feeYuan: 500, expert: { id: chosen.expertId, name: '郑工' } });

    // the chosen expert is told, and sees it in the inbox
    const notes = (await chosen.client.get('/api/notifications')).json().items;
    expect(notes.some((n: { title: string }) => n.title.includes('分包合同结算争议'))).toBe(true);
    const inbox = (await chosen.client.get('/api/experts/me/inbox')).json().items;
    expect(inbox.map((i: { id: string }) => i.id)).toContain(q.id);
    expect(
      (await another.client.get('/api/experts/me/inbox')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(q.id);
    expect((await foreign.owner.get('/api/experts/me/inbox')).json().code).toBe('EXPERT_NOT_VERIFIED');

    // visible to the organisation's members (the owner too) and the chosen expert
    for (const c of [gc.owner, gc.member, chosen.client])
      expect((await c.get(`/api/expert-questions/${q.id}`)).statusCode).toBe(200);
    // 404 for a foreign organisation, another expert, and staff of any role
    for (const c of [foreign.owner, foreign.member, another.client, reviewer, admin, finance])
      expect((await c.get(`/api/expert-questions/${q.id}`)).statusCode).toBe(404);
    expect(
      (await another.client.post(`/api/expert-questions/${q.id}/answers`, { body: '我来回答这个私密咨询的问题吧。' }))
        .statusCode,
    ).toBe(404);
    expect((await foreign.owner.get(`/api/orgs/${gc.orgId}/expert-questions`)).statusCode).toBe(404);
    expect(
      (await gc.owner.get(`/api/orgs/${gc.orgId}/expert-questions`)).json().items.map((i: { id: string }) => i.id),
    ).toEqual([q.id]);
    // not in the public search
    const found = (await foreign.owner.get(`/api/expert-questions?q=${encodeURIComponent('签证')}`)).json().items;
    expect(found.map((i: { id: string }) => i.id)).not.toContain(q.id);

    const answered = await chosen.client.post(`/api/expert-questions/${q.id}/answers`, {
      body: '签证单虽未盖章，但有监理签字和现场记录的，可作为结算依据之一。',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const notesOfAsker = (await gc.member.get('/api/notifications')).json().items;
    expect(notesOfAsker.some((n: { link: string }) => n.link === `/experts/questions/${q.id}`)).toBe(true);

    // a consultation cannot go to an expert under review or to oneself
    const self = await gc.owner.post(
      `/api/orgs/${gc.orgId}/expert-questions`,
      question({ visibility: 'private', expertId: '00000000-0000-7000-8000-000000000999' }),
    );
    expect(self.json().code).toBe('EXPERT_NOT_AVAILABLE');
  });

  it('bounds how many questions one person asks a day', async () => {
    const gc = await party('戊建设公司');
    for (let i = 0; i < MAX_QUESTIONS_PER_DAY; i += 1)
      expect(
        (await gc.owner.post(`/api/orgs/${gc.orgId}/expert-questions`, question({ title: `限额测试问题第${i}个` })))
          .statusCode,
      ).toBe(201);
    const over = await gc.owner.post(`/api/orgs/${gc.orgId}/expert-questions`, question());
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('EXPERT_QUESTION_LIMIT');
    expect(over.json().message.en).toContain('a day');
    expect((await gc.owner.get(`/api/orgs/${gc.orgId}/expert-questions`)).json().items).toHaveLength(
      MAX_QUESTIONS_PER_DAY,
    );
  });
});
