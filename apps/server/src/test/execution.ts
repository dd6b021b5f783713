import { generate } from 'otplib';
import { vi } from 'vitest';
import { sitePhotoJpeg } from '../demo/site-photo';
import { createContract, signVersion } from '../modules/contracts';
import { subcontractVariables } from './builders';
import { validCreditCode } from './credit-codes';
import { createOrg, enableTotp, PASSWORD, registeredClient, type TestApp, TestClient, upload } from './test-app';

export interface TestParty {
  client: TestClient;
  secret: string;
  orgId: string;
  userId: string;
  email: string;
}

/** Moves the (faked) clock past the current TOTP step: codes are single-use per step. */
export function nextStep() {
  vi.setSystemTime(new Date(Date.now() + 31_000));
}

/** An organisation whose owner has 2FA and a session opened with it. Needs `vi.useFakeTimers({ toFake: ['Date'] })`. */
export async function executionParty(t: TestApp, roles: string[], name: string): Promise<TestParty> {
  const { client, identifier, userId } = await registeredClient(t.app, undefined, name);
  const { secret } = await enableTotp(client);
  const org = await createOrg(client, { creditCode: validCreditCode(), businessRoles: roles, name: `${name}有限公司` });
  const fresh = new TestClient(t.app);
  await fresh.post('/api/auth/login', { identifier, password: PASSWORD });
  nextStep();
  await fresh.post('/api/auth/login/totp', { code: await generate({ secret }) });
  return { client: fresh, secret, orgId: org.id, userId, email: identifier };
}

export async function stepUp(p: TestParty) {
  nextStep();
  const response = await p.client.post('/api/auth/step-up', { code: await generate({ secret: p.secret }) });
  if (response.statusCode !== 200) throw new Error(`step-up failed: ${response.body}`);
}

/** A subcontract between the GC (甲方) and the subcontractor (乙方), signed by both (through the service). */
export async function signedSubcontract(t: TestApp, gc: TestParty, sub: TestParty, amountFen = 106_015_000) {
  const id = await createContract(t.ctx, { userId: gc.userId }, gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sub.orgId,
    title: '1# 楼主体结构劳务分包',
    variables: subcontractVariables(amountFen),
  });
  await signVersion(t.ctx, { userId: gc.userId }, gc.orgId, id, 1);
  await signVersion(t.ctx, { userId: sub.userId }, sub.orgId, id, 1);
  return id;
}

/** A plan of two milestones (40% / 60%) and two BoQ lines: 2,000 m³ concrete at ¥350.00, 300 t rebar at ¥1,200.50. */
export function planBody(overrides: Record<string, unknown> = {}) {
  return {
    startDate: '2026-10-01',
    retentionBp: 300,
    advanceBp: 1000,
    labourShareBp: 3000,
    bondBp: null,
    milestones: [
      { title: '基础及地下室完成', deliverables: '基础、地下室结构验收', dueDate: '2026-11-10', shareBp: 4000 },
      { title: '主体结构封顶', deliverables: '主体结构验收', dueDate: '2027-02-28', shareBp: 6000 },
    ],
    boqLines: [
      { code: '010501001', name: 'C30 混凝土浇筑', unit: 'm³', quantityMilli: 2_000_000, unitPriceFen: 35_000 },
      { code: '010515001', name: 'HRB400E 钢筋制安', unit: 't', quantityMilli: 300_000, unitPriceFen: 120_050 },
    ],
    ...overrides,
  };
}

/**
 * Execution objects of three other organisations (GC, SUB, SVR) — a plan, a log with a photo and an open
 * settlement — for isolation checks: nobody else may reach them.
 */
export async function foreignExecutionObjects(t: TestApp) {
  const make = async (roles: string[]) => {
    const user = await registeredClient(t.app);
    const org = await createOrg(user.client, { creditCode: validCreditCode(), businessRoles: roles });
    return { client: user.client, userId: user.userId, orgId: org.id, secret: '', email: user.identifier };
  };
  const [gc, sub, svr] = [await make(['GC']), await make(['SUB']), await make(['SVR'])];
  const contractId = await signedSubcontract(t, gc, sub);
  const plan = await gc.client.post(`/api/orgs/${gc.orgId}/execution/${contractId}/plan`, planBody());
  if (plan.statusCode !== 201) throw new Error(`plan failed: ${plan.body}`);
  const photo = await uploadPhoto(sub);
  const log = await sub.client.post(`/api/orgs/${sub.orgId}/execution/${contractId}/logs`, {
    logDate: '2026-10-08',
    workersOnSite: 12,
    weather: '晴',
    photoFileIds: [photo],
  });
  if (log.statusCode !== 201) throw new Error(`log failed: ${log.body}`);
  await gc.client.post(`/api/orgs/${gc.orgId}/settlement/${contractId}/supervisor`, { supervisorOrgId: svr.orgId });
  const settlement = await gc.client.post(`/api/orgs/${gc.orgId}/settlement/${contractId}`, {
    milestoneId: plan.json().milestones[0].id,
  });
  if (settlement.statusCode !== 201) throw new Error(`settlement failed: ${settlement.body}`);
  return {
    executionContractId: contractId,
    logId: log.json().id as string,
    photoId: log.json().photos[0].id as string,
    settlementId: settlement.json().id as string,
  };
}

/** Uploads a site photo (EXIF time and GPS) to the party's files; returns the file id. */
export async function uploadPhoto(p: { client: TestClient; orgId: string }, takenAt = '2026:10:08 10:15:00') {
  const bytes = sitePhotoJpeg({ takenAt, latitude: 30.2741, longitude: 120.0235 });
  const response = await upload(p.client, `/api/orgs/${p.orgId}/files`, 'site.jpg', bytes, 'image/jpeg');
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.body}`);
  return response.json().id as string;
}
