import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from './infra/http/access';
import { newId } from './infra/ids';
import { createDemandsDirect } from './modules/demands';
import { bootstrapAdmin } from './modules/staff';
import { validCreditCode } from './test/credit-codes';
import { foreignExecutionObjects } from './test/execution';
import {
  createOrg,
  createTestApp,
  enableTotp,
  nextTotp,
  PASSWORD,
  registeredClient,
  type TestApp,
  TestClient,
  tinyPdf,
  uniqueEmail,
  upload,
} from './test/test-app';

/**
 * Every registered route is checked here, so a new route cannot ship without a permission, and a permission that
 * lets the wrong person in fails the suite:
 *   - nobody logged in → 401 (unless the route is on the public list below);
 *   - a logged-in person the rule does not allow → 403;
 *   - another organisation's object → 404, for every path parameter.
 */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/register',
  'POST /api/auth/login',
  // account basics: a reset link or a verification link is its own credential (and the request answers alike for all)
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/auth/email/verify',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  // The evidence log is public by design (anyone holding a document can verify it).
  'GET /api/evidence/public-key',
  'GET /api/evidence/checkpoints/latest',
  'GET /api/evidence/checkpoints',
  'GET /api/evidence/entries/:entryIndex',
  'GET /api/evidence/proofs/inclusion',
  'GET /api/evidence/proofs/consistency',
  'POST /api/evidence/lookup',
  'GET /api/evidence/entries/:entryIndex/bundle',
  // Validators need the seal CA certificate to trust organisation seals.
  'GET /api/signing/ca.pem',
  'GET /api/regions',
  // 案例公示: decided disputes as anonymised digests (no names), published by design.
  'GET /api/disputes/digests',
  // 退订: the link in a notification e-mail is its own credential (a signed token), opened without signing in
  'GET /api/notifications/unsubscribe',
  'POST /api/notifications/unsubscribe',
  // 网页事件上报: anonymous visitors are counted too, but only after their consent (the batch carries it)
  'POST /api/analytics/batch',
  // 承诺看板: the promises' figures and trends, published by design (no cases, no organisation names)
  'GET /api/promises',
]);

let t: TestApp;
let plain: TestClient;
let memberA: TestClient;
let ownerA: TestClient;
let ownerB: TestClient;
let staffAdmin: TestClient;
let orgA: string;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  plain = (await registeredClient(t.app)).client;
  ownerA = (await registeredClient(t.app)).client;
  // With 2FA just enabled the session counts as stepped up, so step-up routes reach their ownership checks.
  await enableTotp(ownerA);
  orgA = (await createOrg(ownerA, { creditCode: validCreditCode(), businessRoles: ['GC'] })).id;
  const memberEmail = uniqueEmail('member');
  const invitation = (
    await ownerA.post(`/api/orgs/${orgA}/invitations`, { identifier: memberEmail, role: 'member' })
  ).json();
  memberA = (await registeredClient(t.app, memberEmail)).client;
  await memberA.post(`/api/invitations/${invitation.id}/accept`);
  // A plain member acts in no business role of A, so activeRole rules refuse it.
  await memberA.post('/api/auth/logout');
  await memberA.post('/api/auth/login', { identifier: memberEmail, password: PASSWORD });
  // The resolver falls back to the first organisation's first role; acting for an organisation of its own keeps
  // memberA from acting as A's GC.
  await createOrg(memberA, { creditCode: validCreditCode(), businessRoles: ['DES'] });

  const b = await registeredClient(t.app);
  ownerB = b.client;
  const orgB = (await createOrg(ownerB, { creditCode: validCreditCode(), businessRoles: ['GC', 'SUP'] })).id;
  const foreignInvitation = (
    await ownerB.post(`/api/orgs/${orgB}/invitations`, { identifier: uniqueEmail('elsewhere'), role: 'member' })
  ).json();
  const ownerBSession = (await ownerB.get('/api/auth/sessions')).json().items[0].id;
  const foreignFile = (await upload(ownerB, `/api/orgs/${orgB}/files`, 'b.pdf', tinyPdf())).json();
  const contractParty = (
    await createOrg((await registeredClient(t.app)).client, { creditCode: validCreditCode(), businessRoles: ['SUB'] })
  ).id;
  const foreignContract = (
    await ownerB.post(`/api/orgs/${orgB}/contracts`, {
      kind: 'lease',
      counterpartyOrgId: contractParty,
      title: '塔吊租赁',
      variables: {
        projectName: 'x',
        equipment: 'QTZ80',
        leaseStart: '2026-12-01',
        leaseEnd: '2027-06-01',
        amountFen: 100,
        operatorTerms: 'x',
        disputeVenue: 'x',
      },
    })
  ).json();

  // A draft tender of B on a published demand of B: invisible to everyone else.
  const now = new Date();
  await createDemandsDirect(t.ctx, [
    {
      orgId: orgB,
      orgName: 'B',
      createdBy: b.userId,
      createdAt: now,
      approvedAt: now,
      reviewerId: b.userId,
      type: 'procurement',
      title: '测试需求 水泥采购',
      projectName: '测试项目',
      category: '水泥采购',
      items: [{ name: '水泥', spec: 'P.O 42.5', unit: '吨', quantity: 10 }],
      budgetFen: 100_000,
      qualificationKind: '',
      qualificationGrade: '不限',
      regionCode: '330106',
      siteAddress: '',
      deadline: '2099-12-31',
      description: '',
      tags: [],
      feasibilityFileId: foreignFile.id,
      fundsProofFileId: foreignFile.id,
    },
  ]);
  const demandB = (await ownerB.get(`/api/orgs/${orgB}/demands`)).json().items[0];
  const foreignTender = (
    await ownerB.post(`/api/orgs/${orgB}/tenders`, {
      demandId: demandB.id,
      title: '测试招标 水泥采购',
      mode: 'open',
      deadline: '2099-12-01T00:00:00Z',
    })
  ).json();
  if (!foreignTender.id) throw new Error(`fixture tender failed: ${JSON.stringify(foreignTender)}`);

  // Library objects of a third organisation (GC + SUP): an invited-only project (A invited, so A can ask), a
  // withdrawn listing and a demand waiting for review — none of them visible to outsiders.
  const ownerC = (await registeredClient(t.app)).client;
  const orgC = (await createOrg(ownerC, { creditCode: validCreditCode(), businessRoles: ['GC', 'SUP'] })).id;
  const project = (
    await ownerC.post(`/api/orgs/${orgC}/projects`, {
      name: '邀请制测试项目',
      engineeringType: 'building',
      investmentFen: 100_000_000,
      regionCode: '330106',
      visibility: 'invited',
      invitedOrgIds: [orgA],
    })
  ).json();
  const question = (
    await ownerA.post(`/api/projects/${project.id}/questions`, { question: '请问是否接受联合体投标？' })
  ).json();
  const listing = (
    await ownerC.post(`/api/orgs/${orgC}/resources`, {
      kind: 'cement',
      title: 'P.O 42.5 水泥',
      params: { strength: '42.5' },
      priceFen: 48_000,
      unit: '吨',
      serviceRegionCodes: ['330000'],
      leadTimeDays: 2,
      regionCode: '330100',
    })
  ).json();
  await ownerC.patch(`/api/orgs/${orgC}/resources/${listing.id}`, { status: 'withdrawn' });
  const feasibility = (await upload(ownerC, `/api/orgs/${orgC}/files`, 'f.pdf', tinyPdf())).json();
  const funds = (await upload(ownerC, `/api/orgs/${orgC}/files`, 'm.pdf', tinyPdf())).json();
  const demand = (
    await ownerC.post(`/api/orgs/${orgC}/demands`, {
      type: 'procurement',
      title: '测试需求 钢筋采购',
      projectName: '测试项目',
      category: '钢筋采购',
      budgetFen: 100_000,
      regionCode: '330106',
      deadline: '2099-12-31',
      feasibilityFileId: feasibility.id,
      fundsProofFileId: funds.id,
    })
  ).json();

  for (const [what, made] of Object.entries({ project, question, listing, demand }))
    if (!made.id) throw new Error(`fixture ${what} failed: ${JSON.stringify(made)}`);

  const admin = await registeredClient(t.app);
  const { secret } = await enableTotp(admin.client);
  await bootstrapAdmin(t.ctx, admin.userId, [
    'reviewer',
    'operator',
    'arbitrator',
    'finance',
    'editor',
    'bd',
    'success',
  ]);
  staffAdmin = new TestClient(t.app);
  await staffAdmin.post('/api/auth/login', { identifier: admin.identifier, password: PASSWORD });
  await staffAdmin.post('/api/auth/login/totp', { code: await nextTotp(secret) });

  const execution = await foreignExecutionObjects(t);

  // Objects that exist but belong to someone else (or, for platform objects, do not exist).
  ids = {
    userId: b.userId,
    sessionId: ownerBSession,
    invitationId: foreignInvitation.id,
    requestId: newId(),
    importId: newId(),
    fileId: foreignFile.id,
    contractId: foreignContract.id,
    versionNo: '1',
    // platform objects that do not exist
    verificationId: newId(),
    payoutId: newId(),
    termId: newId(),
    takedownId: newId(),
    applicationId: newId(),
    policyId: newId(),
    // boards: a cost threshold that is not the caller's
    thresholdId: newId(),
    // an organisation that does not exist, for the GOV grant
    govOrgId: newId(),
    categoryCode: 'no_such_category',
    projectId: project.id,
    questionId: question.id,
    listingId: listing.id,
    demandId: demand.id,
    reviewId: newId(),
    tenderId: foreignTender.id,
    gradedOrgId: newId(),
    logId: execution.logId,
    photoId: execution.photoId,
    settlementId: execution.settlementId,
    // matching: a push and a notification that are not the caller's
    pushId: newId(),
    notificationId: newId(),
    // disputes: a case and an evidence file that do not exist for the caller
    disputeId: newId(),
    // evidence: a checkpoint subscription that does not exist
    subscriptionId: newId(),
    evidenceId: newId(),
    // tickets: a ticket and an attachment that do not exist for the caller
    ticketId: newId(),
    attachmentId: newId(),
    // automation: a journey, a built-in template and a follow-up task that do not exist
    journeyId: newId(),
    templateKey: 'no_such_template',
    taskId: newId(),
    // risk: a warning that does not exist for the caller
    warningId: newId(),
    flaggedTenderId: newId(),
    // growth: an improvement task (taskId above) and an organisation that do not exist
    subjectOrgId: newId(),
    // growth: a saved analysis and a merchant alert that do not exist for the caller
    analysisId: newId(),
    alertId: newId(),
    // reserve, fees and prices: a claim, a receipt and a price series that do not exist for the caller
    claimId: newId(),
    receiptId: newId(),
    seriesId: newId(),
    // insurance: a product that is not the caller's (policies and claims use policyId and claimId above)
    productId: newId(),
    // developer: an API key that is not the caller's
    keyId: newId(),
    // experiments: an experiment that does not exist
    experimentId: newId(),

    // webhooks: an endpoint and a delivery that do not exist for the caller
    endpointId: newId(),
    deliveryId: newId(),
    // community: a post, a reply and a report that do not exist (a held post is invisible alike)
    postId: newId(),
    replyId: newId(),
    reportId: newId(),
    // inquiries: an inquiry the caller neither sent nor was asked, a favourite it never starred
    inquiryId: newId(),
    kind: 'listing',
    targetId: newId(),
    // chat: a conversation and a message the caller's organisation does not take part in
    conversationId: newId(),
    messageId: newId(),
    // rewards: a voucher the caller's organisation does not hold, a points entry that does not exist
    voucherId: newId(),
    entryId: newId(),
    // experts: an expert and an answer that do not exist (questionId above is not an expert question)
    expertId: newId(),
    answerId: newId(),
    // operations: a centre, a lead and an assignment that do not exist; a month without a report
    centreId: newId(),
    leadId: newId(),
    assignmentId: newId(),
    month: '2001-01',
  };
});
afterAll(async () => {
  await t.close();
});

/** Query strings that pass validation, for routes whose ownership check runs in the service. */
const VALID_QUERIES: Record<string, string> = {
  'GET /api/orgs/:orgId/contracts/:contractId/versions/:versionNo/diff': '?against=1',
};

/** Bodies that pass validation, for routes whose ownership check runs in the service. */
const VALID_BODIES: Record<string, unknown> = {
  'POST /api/staff/operations/centres/:centreId/members': { userId: newId(), role: 'bd' },
  'POST /api/staff/operations/leads/:leadId/visits': { place: '西湖区文三路', notes: '拜访纪要' },
  'POST /api/staff/operations/leads/:leadId/state': { to: 'intent' },
  'POST /api/staff/operations/assignments/:assignmentId/assists': { kind: 'call', notes: '电话回访' },
  'PUT /api/staff/gov-scopes/:govOrgId': { regionCode: '330000' },
  'POST /api/orgs/:orgId/cost-thresholds': { material: null, risePct: 5, withinMonths: 6 },
  'POST /api/orgs/:orgId/rewards/vouchers/:voucherId/redeem': { chargeId: newId() },
  'POST /api/orgs/:orgId/risk/warnings/:warningId/transitions': { to: 'acknowledged' },
  'POST /api/staff/risk/warnings/:warningId/transitions': { to: 'acknowledged' },
  'PATCH /api/staff/growth/saved-analyses/:analysisId': { name: '改名' },
  'PATCH /api/staff/growth/merchant-alerts/:alertId': { status: 'resolved' },
  'PATCH /api/orgs/:orgId/merchant-alerts/:alertId': { status: 'acknowledged' },
  'POST /api/orgs/:orgId/contracts/:contractId/versions': { variables: {} },
  'POST /api/orgs/:orgId/execution/:contractId/plan': {
    startDate: '2026-10-01',
    retentionBp: 300,
    advanceBp: 1000,
    labourShareBp: 3000,
    milestones: [{ title: '节点', dueDate: '2026-11-10', shareBp: 10_000 }],
    boqLines: [{ code: '1', name: '混凝土', unit: 'm³', quantityMilli: 1000, unitPriceFen: 100 }],
  },
  'POST /api/orgs/:orgId/execution/:contractId/logs': { logDate: '2026-10-08', workersOnSite: 1, weather: '晴' },
  'POST /api/orgs/:orgId/execution/:contractId/logs/:logId/reviews': { decision: 'comment', comment: '意见' },
  'POST /api/orgs/:orgId/settlement/:contractId/supervisor': {
    supervisorOrgId: '00000000-0000-7000-8000-000000000000',
  },
  'POST /api/staff/finance/escrows/:contractId/unfreeze': { reason: '测试解冻' },
  'POST /api/orgs/:orgId/settlement/:contractId': { milestoneId: '00000000-0000-7000-8000-000000000000' },
  'POST /api/orgs/:orgId/settlement/:contractId/:settlementId/quantities': {
    lineId: '00000000-0000-7000-8000-000000000000',
    quantityMilli: 1,
  },
  'POST /api/orgs/:orgId/settlement/:contractId/:settlementId/votes': {
    proposalId: '00000000-0000-7000-8000-000000000000',
    decision: 'confirm',
  },
  'PATCH /api/orgs/:orgId/members/:userId': { role: 'member' },
  'POST /api/staff/experiments/:experimentId/status': { status: 'stopped' },
  'POST /api/orgs/:orgId/inquiries/:inquiryId/quote': { unitPricesFen: [100], deliveryDays: 3, validDays: 7 },
  'POST /api/orgs/:orgId/inquiries/:inquiryId/accept': { engagementId: '00000000-0000-7000-8000-000000000000' },
  'POST /api/orgs/:orgId/inquiries/:inquiryId/contract': { variables: {} },
  'POST /api/orgs/:orgId/chat/conversations/:conversationId/messages': { body: '你好' },
  'POST /api/orgs/:orgId/chat/conversations/:conversationId/read': { seq: 1 },
  'POST /api/staff/verifications/:verificationId/decision': { decision: 'approve' },
  'PATCH /api/staff/banned-terms/:termId': { active: false },
  'POST /api/staff/merchant-applications/:applicationId/decision': { decision: 'reject', reasons: ['材料不全'] },
  'POST /api/orgs/:orgId/finance/applications/:applicationId/decision': { decision: 'reject', reason: '资料不全' },
  'POST /api/orgs/:orgId/insurance/policies/:policyId/claims': {
    amountFen: 100,
    reason: '乙方擅自停工，依合同应没收保证金',
  },
  'POST /api/orgs/:orgId/insurance/claims/:claimId/decision': { decision: 'approve' },
  'POST /api/staff/merchant-applications/:applicationId/inspection': { scheduledFor: '2026-12-01', inspector: '张工' },
  'POST /api/staff/merchant-applications/:applicationId/inspection/result': { result: 'passed' },
  'PATCH /api/staff/merchant-categories/:categoryCode': { key: true },
  'POST /api/projects/:projectId/questions': { question: '请问是否接受联合体投标？' },
  'POST /api/orgs/:orgId/projects/:projectId/questions/:questionId/answer': { answer: '接受。' },
  'POST /api/staff/demand-reviews/:reviewId/decision': { decision: 'approved' },
  'POST /api/orgs/:orgId/tenders/:tenderId/addenda': { summary: '补遗', body: '补遗内容' },
  'POST /api/orgs/:orgId/tenders/:tenderId/evaluators': { userId: newId() },
  'POST /api/orgs/:orgId/tenders/:tenderId/scores': { bidId: newId(), score: 50 },
  'PUT /api/orgs/:orgId/tenders/:tenderId/bid': {
    constructionPlan: '施工组织设计概要内容',
    unitPricesFen: [1],
    tenderVersion: 1,
  },
  'POST /api/orgs/:orgId/tenders/:tenderId/bid/confirm': { tenderVersion: 1 },
  'POST /api/orgs/:orgId/tenders/:tenderId/award/decline': { reason: '无法履约' },
  'PUT /api/staff/credit-grades/:gradedOrgId': { grade: 'B', source: '测试来源' },
  'POST /api/staff/credit/:gradedOrgId/reviews': { grade: 'B', reason: '测试复核理由', expiresOn: '2099-12-31' },
  'POST /api/orgs/:orgId/credit/ratings': {
    contractId: newId(),
    ratedOrgId: newId(),
    stars: { quality: 3, timeliness: 3, cooperation: 3, payment: 3 },
  },
  'PUT /api/orgs/:orgId/credit/tax-years': { year: 2025, paidOnTime: true },
  'POST /api/orgs/:orgId/pushes/:pushId/answer': { answer: 'interested' },
  'PUT /api/orgs/:orgId/matching/capacity': { singleProjectLimitFen: 100_000_000, aggregateLimitFen: null },
  'POST /api/orgs/:orgId/disputes/:disputeId/messages': { body: '留言' },
  'POST /api/staff/disputes/:disputeId/messages': { body: '留言' },
  'POST /api/staff/disputes/:disputeId/mediation': { result: 'failed', note: '调解未成' },
  'POST /api/staff/disputes/:disputeId/votes': {
    outcome: 'claimant',
    awardedToClaimantFen: null,
    reasons: '理由充分，证据确实。',
  },
  'POST /api/orgs/:orgId/tickets/:ticketId/messages': { body: '补充说明' },
  'POST /api/orgs/:orgId/tickets/:ticketId/rating': { stars: 5, comment: '' },
  'POST /api/orgs/:orgId/tickets/:ticketId/reopen': { body: '问题又出现了' },
  'POST /api/staff/tickets/:ticketId/messages': { body: '您好' },
  'POST /api/staff/automation/journeys/:journeyId/status': { status: 'paused' },
  'PUT /api/staff/automation/journeys/:journeyId': {
    name: '旅程',
    audience: 'user',
    segment: {},
    trigger: { kind: 'event', event: 'user.registered' },
    steps: [{ id: 'a', type: 'action', channel: 'inApp', title: '你好', body: '', next: null }],
  },
  'POST /api/staff/tickets/:ticketId/escalate': { reason: '需技术排查' },
  'POST /api/staff/tickets/:ticketId/resolve': { resolution: '已解决' },
  'POST /api/staff/reserve/claims/:claimId/reject': { reason: '不属于平台原因造成的损失' },
  'POST /api/orgs/:orgId/demands/:demandId/procurement-plan': { requiredBy: '2099-12-31' },
  'POST /api/staff/reserve/claims/:claimId/recoveries': { amountFen: 100_000, source: '责任方' },
  'POST /api/staff/policies/:policyId/withdraw': { reason: '已被新文件替代' },
  'POST /api/expert-questions/:questionId/answers': { body: '按合同价款调整条款处理即可。' },
  'POST /api/expert-questions/:questionId/accept': { answerId: newId() },
  'POST /api/expert-questions/:questionId/answers/:answerId/rating': { stars: 5, text: '' },
  'POST /api/staff/experts/:expertId/decision': { decision: 'verified', reason: '证书核验一致' },
  'PUT /api/staff/policies/:policyId': {
    title: '建筑工人工资支付保障通知（示例）',
    issuer: '住房和城乡建设部',
    docNumber: '',
    issueDate: '2026-01-01',
    effectiveDate: '2026-01-01',
    expiryDate: null,
    regionCode: null,
    category: 'wages',
    tags: [],
    fullText: '为保障建筑工人工资按时足额支付，现通知如下。',
    pdfFileId: null,
    keyPoints: '专用账户与实名制',
    impact: '总包按月代发工资',
    affected: '施工企业',
    revision: 1,
    changeNote: '',
  },
  'PATCH /api/orgs/:orgId/webhooks/endpoints/:endpointId': { enabled: false },
  'POST /api/orgs/:orgId/community/posts/:postId/replies': { body: '同意楼上的做法' },
  'POST /api/community/posts/:postId/best-answer': { replyId: newId() },
  'POST /api/staff/disputes/:disputeId/external-award': {
    outcome: 'claimant',
    awardedToClaimantFen: null,
    reasons: '理由充分，证据确实。',
  },
};

function routes(): RouteEntry[] {
  return t.app.routeCatalogue.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
}

function key(r: RouteEntry) {
  return `${r.method} ${r.url}`;
}

function paramsOf(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
}

function fill(url: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? newId());
}

async function call(client: TestClient, route: RouteEntry, url: string) {
  const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : (VALID_BODIES[key(route)] ?? {});
  return client.request(route.method as 'GET', url + (VALID_QUERIES[key(route)] ?? ''), body);
}

describe('every route declares its permission', () => {
  it('has a permission on every route, and only the listed routes are public', () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((r) => !r.permission).map(key)).toEqual([]);
    const publicOnes = all.filter((r) => r.permission?.rule.kind === 'public').map(key);
    expect(new Set(publicOnes)).toEqual(PUBLIC_ROUTES);
  });

  it('refuses to start with a route that declares none', async () => {
    const { buildApp } = await import('./app');
    const app = await buildApp({
      config: t.ctx.config,
      database: t.database,
      logger: false,
      blobs: t.ctx.blobs,
      mailer: t.mailer,
    });
    expect(() => app.get('/api/forgotten', async () => 'oops')).toThrow(/declares no permission/);
    await app.close();
  });
});

describe('unauthenticated → 401', () => {
  it('answers 401 with a problem document on every non-public route', async () => {
    const failures: string[] = [];
    for (const route of routes().filter((r) => r.permission?.rule.kind !== 'public')) {
      const response = await call(new TestClient(t.app), route, fill(route.url, { orgId: orgA, ...ids }));
      if (response.statusCode !== 401 || response.json().code !== 'AUTH_REQUIRED')
        failures.push(`${key(route)} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('not allowed → 403', () => {
  it('answers 403 to a logged-in person the rule does not allow', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes()) {
      const rule = route.permission?.rule;
      if (!rule) continue;
      let actor: TestClient | null = null;
      if (rule.kind === 'staff' || rule.kind === 'pendingMfa') actor = plain;
      if (rule.kind === 'org' && ((rule.membership && !rule.membership.includes('member')) || rule.activeRole))
        actor = memberA;
      if (!actor) continue;
      checked += 1;
      const response = await call(actor, route, fill(route.url, { orgId: orgA, ...ids }));
      if (response.statusCode !== 403) failures.push(`${key(route)} → ${response.statusCode} ${response.body}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});

describe("another organisation's object → 404", () => {
  it('answers 404 for every path parameter that names someone else’s object', async () => {
    const failures: string[] = [];
    const uncovered: string[] = [];
    let checked = 0;
    for (const route of routes()) {
      const rule = route.permission?.rule;
      if (!rule || rule.kind === 'public') continue;
      for (const param of paramsOf(route.url)) {
        let actor: TestClient;
        let values: Record<string, string>;
        if (rule.kind === 'org' && param === rule.param) {
          // B's owner asks for A's organisation.
          actor = ownerB;
          values = { ...ids, [param]: orgA };
        } else if (param in ids) {
          actor = rule.kind === 'org' ? ownerA : rule.kind === 'staff' ? staffAdmin : plain;
          values = { orgId: orgA, ...ids };
        } else {
          uncovered.push(`${key(route)} :${param}`);
          continue;
        }
        checked += 1;
        const response = await call(actor, route, fill(route.url, values));
        if (response.statusCode !== 404)
          failures.push(`${key(route)} :${param} → ${response.statusCode} ${response.body}`);
      }
    }
    expect(uncovered, 'add an isolation fixture for these parameters').toEqual([]);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});
