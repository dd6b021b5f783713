import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import { staffClient } from '../../test/staff';
import { createOrg, createTestApp, registeredClient, type TestApp, TestClient } from '../../test/test-app';
import { createDemandsDirect } from '../demands';

let t: TestApp;
let operator: TestClient;
let risk: TestClient;
let finance: TestClient;
let member: TestClient;
let anonymous: TestClient;
const LATE_TITLE = '超时审核的钢筋采购需求';

beforeAll(async () => {
  t = await createTestApp();
  operator = (await staffClient(t, ['operator'], '运营专员甲')).client;
  risk = (await staffClient(t, ['risk'], '风控专员乙')).client;
  finance = (await staffClient(t, ['finance'], '财务丙')).client;
  const owner = await registeredClient(t.app);
  member = owner.client;
  const org = await createOrg(member, { name: '宏筑承诺看板测试建设有限公司', creditCode: validCreditCode('330100') });
  anonymous = new TestClient(t.app);
  // a review submitted 30 days ago and decided an hour ago: past its 2-working-day deadline whatever the holidays
  const now = Date.now();
  await createDemandsDirect(t.ctx, [
    {
      orgId: org.id,
      orgName: '宏筑承诺看板测试建设有限公司',
      createdBy: owner.userId,
      createdAt: new Date(now - 30 * 86_400_000),
      approvedAt: new Date(now - 3_600_000),
      reviewerId: null,
      type: 'procurement',
      title: LATE_TITLE,
      projectName: '杭州未来科技城 A3 地块住宅项目',
      category: '钢筋采购',
      items: [{ name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 120 }],
      budgetFen: 49_440_000,
      qualificationKind: '',
      qualificationGrade: '不限',
      regionCode: '330110',
      siteAddress: '杭州市余杭区文一西路 1 号',
      deadline: '2027-12-31',
      description: '钢筋采购，按期供货。',
      tags: ['钢筋采'],
      feasibilityFileId: newId(),
      fundsProofFileId: newId(),
    },
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('promises board routes', () => {
  it('anyone reads the public summary: figures and trends, no cases and no names', async () => {
    const response = await anonymous.get('/api/promises');
    expect(response.statusCode).toBe(200);
    const board = response.json();
    expect(board.rows.map((r: { key: string }) => r.key)).toContain('demand_review');
    expect(board.rows.find((r: { key: string }) => r.key === 'demand_review')).toMatchObject({
      status: 'missed',
      breaches: 1,
    });
    expect(board.breaches).toBeUndefined();
    expect(response.body).not.toContain(LATE_TITLE);
    expect(response.body).not.toContain('宏筑');
  });

  it('operations and risk staff see the breaches with the way to the case', async () => {
    for (const client of [operator, risk]) {
      const response = await client.get('/api/staff/promises?key=demand_review');
      expect(response.statusCode).toBe(200);
      const [breach] = response.json().breaches;
      expect(breach).toMatchObject({ key: 'demand_review', caseKind: 'demand_review', label: LATE_TITLE });
      expect(breach.link).toBe(`/staff/demand-reviews/${breach.caseId}`);
    }
  });

  it('a plain member, an organisation’s owner and staff of another role are refused the staff board', async () => {
    expect((await member.get('/api/staff/promises')).statusCode).toBe(403);
    expect((await finance.get('/api/staff/promises')).statusCode).toBe(403);
    expect((await anonymous.get('/api/staff/promises')).statusCode).toBe(401);
  });

  it('an unknown promise is a clear problem in Chinese and English', async () => {
    const response = await operator.get('/api/staff/promises?key=nonsense');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.message['zh-CN']).toMatch(/[\u4e00-\u9fa5]/);
    expect(problem.message.en).toMatch(/[a-z]/);
    expect(problem.issues?.[0]?.path).toContain('key');
  });
});
