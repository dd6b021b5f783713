import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import {
  createOrg,
  createTestApp,
  enableTotp,
  PASSWORD,
  registeredClient,
  type TestApp,
  TestClient,
} from '../../test/test-app';

const canValidate = (() => {
  try {
    execFileSync('which', ['pdfsig']);
    execFileSync('which', ['certutil']);
    return true;
  } catch {
    return false;
  }
})();

let t: TestApp;
let gc: { client: TestClient; secret: string; orgId: string };
let sup: { client: TestClient; secret: string; orgId: string };

/** Moves the clock past the current TOTP time step (codes are single-use per step). */
function nextStep() {
  vi.setSystemTime(new Date(Date.now() + 31_000));
}

/** A party whose owner has 2FA and a session opened with it (but no step-up yet). */
async function party(roles: string[], name: string) {
  const { client, identifier } = await registeredClient(t.app, undefined, name);
  const { secret } = await enableTotp(client);
  const org = await createOrg(client, { creditCode: validCreditCode(), businessRoles: roles, name: `${name}有限公司` });
  const fresh = new TestClient(t.app);
  await fresh.post('/api/auth/login', { identifier, password: PASSWORD });
  nextStep();
  await fresh.post('/api/auth/login/totp', { code: await generate({ secret }) });
  return { client: fresh, secret, orgId: org.id };
}

async function stepUp(p: { client: TestClient; secret: string }) {
  nextStep();
  const response = await p.client.post('/api/auth/step-up', { code: await generate({ secret: p.secret }) });
  expect(response.statusCode).toBe(200);
}

const purchase = {
  projectName: '杭州未来科技城 A3 地块住宅项目',
  goods: 'HRB400E 螺纹钢 Φ16–Φ25，共 120 吨',
  amountFen: 49_440_000,
  deliveryPlace: '杭州市余杭区文一西路项目现场',
  deliveryDate: '2026-12-20',
  qualityStandard: 'GB/T 1499.2-2024',
  paymentTerms: '到货验收合格后 30 日内支付 95%，余款质保期满后支付',
  disputeVenue: '杭州仲裁委员会',
};

beforeAll(async () => {
  // Only Date is faked: the clock moves when a test says so, timers and I/O run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  t = await createTestApp();
  gc = await party(['GC'], '浙江测试建工');
  sup = await party(['SUP'], '河北测试钢贸');
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('contract negotiation and signing', () => {
  let contractId: string;

  it('drafts from a template, refusing missing required fields', async () => {
    const missing = await gc.client.post(`/api/orgs/${gc.orgId}/contracts`, {
      kind: 'purchase',
      counterpartyOrgId: sup.orgId,
      title: '钢筋采购',
      variables: { ...purchase, deliveryPlace: '' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'CONTRACT_FIELD_MISSING',
      message: { 'zh-CN': '缺少合同必填项：交货地点' },
    });

    const created = await gc.client.post(`/api/orgs/${gc.orgId}/contracts`, {
      kind: 'purchase',
      counterpartyOrgId: sup.orgId,
      title: '钢筋采购',
      variables: purchase,
    });
    expect(created.statusCode).toBe(201);
    const contract = created.json();
    contractId = contract.id;
    expect(contract).toMatchObject({
      status: 'negotiating',
      currentVersion: 1,
      parties: [{ role: 'party_a' }, { role: 'party_b' }],
    });
    // The counterparty sees it too.
    expect((await sup.client.get(`/api/orgs/${sup.orgId}/contracts`)).json().items).toEqual([
      expect.objectContaining({ id: contractId }),
    ]);
  });

  it('negotiates a new version and shows the difference', async () => {
    const v2 = await sup.client.post(`/api/orgs/${sup.orgId}/contracts/${contractId}/versions`, {
      variables: { ...purchase, amountFen: 48_960_000 },
      note: '单价调整为 4,080 元/吨',
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json().currentVersion).toBe(2);
    const diff = (
      await gc.client.get(`/api/orgs/${gc.orgId}/contracts/${contractId}/versions/2/diff?against=1`)
    ).json();
    expect(diff.lines.filter((l: { op: string }) => l.op === 'del').map((l: { text: string }) => l.text)).toEqual([
      expect.stringContaining('¥494,400.00'),
    ]);
    expect(diff.lines.filter((l: { op: string }) => l.op === 'add').map((l: { text: string }) => l.text)).toEqual([
      expect.stringContaining('¥489,600.00'),
    ]);
  });

  it('needs a fresh 2FA code to sign, and only the latest version', async () => {
    const noStepUp = await gc.client.post(`/api/orgs/${gc.orgId}/contracts/${contractId}/versions/2/sign`);
    expect(noStepUp.statusCode).toBe(403);
    expect(noStepUp.json().code).toBe('AUTH_STEP_UP_REQUIRED');
    await stepUp(gc);
    const old = await gc.client.post(`/api/orgs/${gc.orgId}/contracts/${contractId}/versions/1/sign`);
    expect(old.json().code).toBe('CONTRACT_NOT_CURRENT_VERSION');
    const signed = await gc.client.post(`/api/orgs/${gc.orgId}/contracts/${contractId}/versions/2/sign`);
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'negotiating', signatures: [{ orgId: gc.orgId }] });
  });

  it('a new version voids consents given to the previous one', async () => {
    await sup.client.post(`/api/orgs/${sup.orgId}/contracts/${contractId}/versions`, {
      variables: { ...purchase, amountFen: 48_960_000, deliveryDate: '2026-12-25' },
    });
    const contract = (await gc.client.get(`/api/orgs/${gc.orgId}/contracts/${contractId}`)).json();
    expect(contract).toMatchObject({ currentVersion: 3, signatures: [] });
  });

  it('seals the PDF when both parties have signed, and logs its hash', async () => {
    await stepUp(gc);
    await gc.client.post(`/api/orgs/${gc.orgId}/contracts/${contractId}/versions/3/sign`);
    await stepUp(sup);
    const done = await sup.client.post(`/api/orgs/${sup.orgId}/contracts/${contractId}/versions/3/sign`);
    expect(done.json()).toMatchObject({ status: 'signed', signed: { versionNo: 3 }, amendmentCount: 0 });

    const pdf = await sup.client.get(`/api/orgs/${sup.orgId}/contracts/${contractId}/signed.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(sha256).toBe(done.json().signed.sha256);
    expect(bytes.toString('latin1').match(/\/SubFilter\s*\/ETSI\.CAdES\.detached/g)).toHaveLength(2);

    const lookup = (await t.app.inject({ method: 'POST', url: '/api/evidence/lookup', payload: { sha256 } })).json();
    expect(lookup.matches).toEqual([
      expect.objectContaining({
        entry: expect.objectContaining({ kind: 'contract.signed', subject: `contract:${contractId}:v3:signed` }),
      }),
    ]);

    if (canValidate) {
      const dir = mkdtempSync(join(tmpdir(), 'zh-contract-'));
      writeFileSync(join(dir, 'ca.pem'), (await t.app.inject('/api/signing/ca.pem')).body);
      execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
      execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'zhuhe', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')]);
      writeFileSync(join(dir, 'c.pdf'), bytes);
      const report = execFileSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, 'c.pdf')], { encoding: 'utf8' });
      expect(report.match(/Signature is Valid\./g)).toHaveLength(2);
      expect(report.match(/Certificate is Trusted\./g)).toHaveLength(2);
    }
  });

  it('counts an amendment when a signed contract is changed and signed again', async () => {
    const amended = await gc.client.post(`/api/orgs/${gc.orgId}/contracts/${contractId}/versions`, {
      variables: { ...purchase, amountFen: 50_000_000 },
      note: '增加 2 吨',
    });
    expect(amended.json()).toMatchObject({ status: 'amending', currentVersion: 4, signed: { versionNo: 3 } });
    await stepUp(gc);
    await gc.client.post(`/api/orgs/${gc.orgId}/contracts/${contractId}/versions/4/sign`);
    await stepUp(sup);
    const done = (await sup.client.post(`/api/orgs/${sup.orgId}/contracts/${contractId}/versions/4/sign`)).json();
    expect(done).toMatchObject({ status: 'signed', amendmentCount: 1, signed: { versionNo: 4 } });
  });

  it('is invisible to organisations that are not party to it', async () => {
    const other = await party(['GC'], '无关建设');
    expect((await other.client.get(`/api/orgs/${other.orgId}/contracts/${contractId}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/orgs/${other.orgId}/contracts/${contractId}/signed.pdf`)).statusCode).toBe(
      404,
    );
  });
});
