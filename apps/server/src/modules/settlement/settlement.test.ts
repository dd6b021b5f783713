import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { executionParty, planBody, signedSubcontract, stepUp, type TestParty } from '../../test/execution';
import { createTestApp, type TestApp } from '../../test/test-app';
import { escrowStatus, fundEscrowByDeposit } from '../escrow';
import { findBySubjects } from '../evidence';
import { caCertificatePem } from '../signing';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
// CI installs poppler-utils and libnss3-tools; without them the pdfsig checks of the sealed statement are skipped.
const canValidate = has('pdfsig') && has('certutil');

/** pdfsig's report of a PDF, with the platform CA trusted in a throwaway NSS database. */
function pdfsig(pdf: Buffer, caPem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zh-settlement-sig-'));
  writeFileSync(join(dir, 'ca.pem'), caPem);
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'zhuhe-ca', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')]);
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  return execFileSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, 'doc.pdf')], { encoding: 'utf8' });
}

let t: TestApp;
let gc: TestParty;
let sub: TestParty;
let svr: TestParty;
let contractId: string;
let milestoneIds: string[];
let lineIds: string[];
let settlementId: string;

const url = (p: TestParty, rest = '') => `/api/orgs/${p.orgId}/settlement/${contractId}${rest}`;
type Proposal = { id: string; lineId: string; quantityMilli: number; agreed: boolean; superseded: boolean };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T02:00:00Z'));
  t = await createTestApp();
  gc = await executionParty(t, ['GC'], '浙江结算建工');
  sub = await executionParty(t, ['SUB'], '安徽结算劳务');
  svr = await executionParty(t, ['SVR'], '杭州结算监理');
  contractId = await signedSubcontract(t, gc, sub);
  const plan = (await gc.client.post(`/api/orgs/${gc.orgId}/execution/${contractId}/plan`, planBody())).json();
  milestoneIds = plan.milestones.map((m: { id: string }) => m.id);
  lineIds = plan.boqLines.map((l: { id: string }) => l.id);
  await fundEscrowByDeposit(t.ctx, {
    contractId,
    amountFen: 50_000_000,
    reference: 'TEST-FUND',
    clientId: `fund-${contractId}`,
  });
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('acceptance with the supervisor', () => {
  it('needs a supervisor (SVR) organisation invited by the GC before acceptance starts', async () => {
    const early = await gc.client.post(url(gc), { milestoneId: milestoneIds[0] });
    expect(early.json()).toMatchObject({ code: 'SETTLEMENT_SUPERVISOR_REQUIRED' });
    const wrong = await gc.client.post(url(gc, '/supervisor'), { supervisorOrgId: sub.orgId });
    expect(wrong.json()).toMatchObject({ code: 'EXECUTION_SUPERVISOR_INVALID' });
    expect((await gc.client.post(url(gc, '/supervisor'), { supervisorOrgId: svr.orgId })).statusCode).toBe(200);
    const view = (await svr.client.get(`/api/orgs/${svr.orgId}/execution/${contractId}`)).json();
    expect(view).toMatchObject({ myRole: 'supervisor', supervisorOrg: { id: svr.orgId } });
    const opened = await gc.client.post(url(gc), { milestoneId: milestoneIds[0] });
    expect(opened.statusCode).toBe(201);
    settlementId = opened.json().id;
    expect((await gc.client.post(url(gc), { milestoneId: milestoneIds[1] })).json()).toMatchObject({
      code: 'SETTLEMENT_OPEN_EXISTS',
    });
  });

  it('keeps a disagreement: the disputed proposal stays as it was and a new proposal resolves it', async () => {
    const s = `/${settlementId}`;
    let state = (
      await sub.client.post(url(sub, `${s}/quantities`), { lineId: lineIds[0], quantityMilli: 820_000, note: '按图纸' })
    ).json();
    const first = state.proposals[0] as Proposal;
    await gc.client.post(url(gc, `${s}/votes`), { proposalId: first.id, decision: 'confirm' });
    state = (
      await svr.client.post(url(svr, `${s}/votes`), { proposalId: first.id, decision: 'dispute', note: '实测 800 m³' })
    ).json();
    expect(state.disputes).toBe(1);
    expect(state.proposals[0].agreed).toBe(false);
    // The supervisor answers with its own measurement; the two others confirm it.
    state = (await svr.client.post(url(svr, `${s}/quantities`), { lineId: lineIds[0], quantityMilli: 800_000 })).json();
    const second = state.proposals[1] as Proposal;
    await sub.client.post(url(sub, `${s}/votes`), { proposalId: second.id, decision: 'confirm' });
    state = (await gc.client.post(url(gc, `${s}/votes`), { proposalId: second.id, decision: 'confirm' })).json();

    expect(state.proposals).toEqual([
      expect.objectContaining({ id: first.id, quantityMilli: 820_000, superseded: true, agreed: false }),
      expect.objectContaining({ id: second.id, quantityMilli: 800_000, superseded: false, agreed: true }),
    ]);
    expect(state.proposals[0].votes).toEqual([
      expect.objectContaining({ role: 'payee', decision: 'confirm' }),
      expect.objectContaining({ role: 'gc', decision: 'confirm' }),
      expect.objectContaining({ role: 'supervisor', decision: 'dispute', note: '实测 800 m³' }),
    ]);
    expect(state.disputes).toBe(1);
    // No vote on a superseded proposal, no second vote, and the database refuses to change the record.
    const late = await gc.client.post(url(gc, `${s}/votes`), { proposalId: first.id, decision: 'dispute' });
    expect(late.json()).toMatchObject({ code: 'SETTLEMENT_PROPOSAL_SUPERSEDED' });
    const twice = await sub.client.post(url(sub, `${s}/votes`), { proposalId: second.id, decision: 'dispute' });
    expect(twice.json()).toMatchObject({ code: 'SETTLEMENT_ALREADY_VOTED' });
    await expect(
      t.ctx.db.execute(sql`update settlement_quantity_proposals set quantity_milli = 1 where id = ${first.id}`),
    ).rejects.toThrow();
    await expect(
      t.ctx.db.execute(sql`delete from settlement_quantity_votes where proposal_id = ${first.id}`),
    ).rejects.toThrow();
  });

  it('generates the statement only when every line is confirmed by all three parties', async () => {
    const s = `/${settlementId}`;
    const open = await gc.client.post(url(gc, `${s}/statement`), { variationsFen: 500_000, deductionsFen: 123_456 });
    expect(open.statusCode).toBe(409);
    expect(open.json()).toMatchObject({
      code: 'SETTLEMENT_QUANTITIES_OPEN',
      message: { en: expect.stringContaining('1 bill') },
    });
    const state = (
      await gc.client.post(url(gc, `${s}/quantities`), { lineId: lineIds[1], quantityMilli: 123_457 })
    ).json();
    const rebar = state.proposals[2] as Proposal;
    await sub.client.post(url(sub, `${s}/votes`), { proposalId: rebar.id, decision: 'confirm' });
    await svr.client.post(url(svr, `${s}/votes`), { proposalId: rebar.id, decision: 'confirm' });
    expect((await sub.client.post(url(sub, `${s}/statement`), {})).json()).toMatchObject({
      code: 'SETTLEMENT_NOT_PAYER',
    });

    const generated = await gc.client.post(url(gc, `${s}/statement`), {
      variationsFen: 500_000,
      deductionsFen: 123_456,
      note: '含 2# 设计变更',
    });
    expect(generated.statusCode).toBe(200);
    // 800 m³ × ¥350.00 = ¥280,000.00; 123.457 t × ¥1,200.50 = ¥148,210.1285 → ¥148,210.13 (half up)
    expect(generated.json().statement).toMatchObject({
      lines: [{ amountFen: 28_000_000 }, { amountFen: 14_821_013 }],
      quantitiesFen: 42_821_013,
      variationsFen: 500_000,
      deductionsFen: 123_456,
      valueToDateFen: 43_197_557,
      retentionToDateFen: 1_295_927, // 3 % of 43,197,557 = 1,295,926.71
      paidBeforeFen: 0,
      payableNowFen: 41_901_630,
      grossFen: 43_197_557,
      retentionFen: 1_295_927,
      labourFen: 12_959_267, // 30 % of gross = 12,959,267.1
    });
    // Quantities are closed now.
    const closed = await sub.client.post(url(sub, `${s}/quantities`), { lineId: lineIds[0], quantityMilli: 1 });
    expect(closed.json()).toMatchObject({ code: 'SETTLEMENT_NOT_MEASURING' });
  });

  it('is signed by the three parties after step-up; then the milestone is released from escrow', async () => {
    const s = `/${settlementId}`;
    vi.setSystemTime(new Date(Date.now() + 10 * 60_000)); // the login's step-up window has passed
    const noStepUp = await sub.client.post(url(sub, `${s}/sign`));
    expect(noStepUp.statusCode).toBe(403);
    expect(noStepUp.json().code).toBe('AUTH_STEP_UP_REQUIRED');
    for (const p of [sub, gc]) {
      await stepUp(p);
      expect((await p.client.post(url(p, `${s}/sign`))).json().status).toBe('statement');
    }
    await stepUp(svr);
    const done = (await svr.client.post(url(svr, `${s}/sign`))).json();
    expect(done).toMatchObject({ status: 'released', releaseError: null });
    expect(done.signatures.map((x: { role: string }) => x.role)).toEqual(['payee', 'gc', 'supervisor']);

    const pdf = await gc.client.get(url(gc, `${s}/statement.pdf`));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // three parties' seals, then the platform's own (平台签章) over all of them
    expect(pdf.rawPayload.toString('latin1').match(/\/ByteRange/g)).toHaveLength(4);
    expect(done.platformSeal).toMatchObject({
      orgName: '筑合平台',
      certSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Date.parse(done.platformSeal.sealedAt)).toBeGreaterThanOrEqual(
      Math.max(...done.signatures.map((x: { signedAt: string }) => Date.parse(x.signedAt))),
    );
    // the evidence log holds the hash of the file as downloaded, platform seal included
    const [entry] = await findBySubjects(t.ctx, [`settlement:${settlementId}:signed`]);
    expect(entry?.contentSha256).toBe(done.signedSha256);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(done.signedSha256);
    if (canValidate) {
      const report = pdfsig(pdf.rawPayload, await caCertificatePem(t.ctx));
      expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(4);
      expect(report.match(/Certificate Validation: Certificate is Trusted\./g)).toHaveLength(4);
      // the platform's is the last signature, and it covers the whole file
      const last = report.split(/Signature #\d+:/).at(-1) ?? '';
      expect(last).toContain('Signer Certificate Common Name: 筑合平台');
      expect(last).toContain('Signer full Distinguished Name: ');
      expect(last).toContain('Total document signed');
    }

    // gross 43,197,557: retention 1,295,927 → retention account; labour 12,959,267 → wage account;
    // fee 0.2 % = 86,395; risk reserve 1 % = 431,976 on top, from escrow: 50,000,000 − 43,629,533 left.
    const money = await escrowStatus(t.ctx, contractId);
    expect(money).toMatchObject({
      releasedFen: 43_197_557,
      retainedFen: 1_295_927,
      labourWageFen: 12_959_267,
      heldFen: 6_370_467,
    });
    expect(money.releases[0]).toMatchObject({ settlementId, netFen: 28_855_968, feeFen: 86_395 });
    const plan = (await sub.client.get(`/api/orgs/${sub.orgId}/execution/${contractId}`)).json();
    expect(plan.milestones[0].settlementStatus).toBe('released');

    // settlement.sealed reached the tiers module in the sealing transaction: one completed transaction each
    // for the GC and the payee (用户分级), none for the supervisor.
    const facts = await t.app.modules.tiers.api.data.facts(
      [gc.orgId, sub.orgId, svr.orgId],
      new Date(0),
      new Date(Date.now() + 60_000),
    );
    expect(facts.get(gc.orgId)).toMatchObject({ completedTransactions: 1, trailing12mVolumeFen: 43_197_557 });
    expect(facts.get(sub.orgId)).toMatchObject({ completedTransactions: 1, trailing12mVolumeFen: 43_197_557 });
    expect(facts.get(svr.orgId)).toMatchObject({ completedTransactions: 0 });
  });

  it('subtracts what was paid before in the next milestone’s statement', async () => {
    const opened = (await gc.client.post(url(gc), { milestoneId: milestoneIds[1] })).json();
    const s = `/${opened.id}`;
    for (const [lineId, qty] of [
      [lineIds[0], 2_000_000],
      [lineIds[1], 300_000],
    ] as const) {
      const state = (await sub.client.post(url(sub, `${s}/quantities`), { lineId, quantityMilli: qty })).json();
      const p = state.proposals.at(-1) as Proposal;
      await gc.client.post(url(gc, `${s}/votes`), { proposalId: p.id, decision: 'confirm' });
      await svr.client.post(url(svr, `${s}/votes`), { proposalId: p.id, decision: 'confirm' });
    }
    const statement = (
      await gc.client.post(url(gc, `${s}/statement`), { variationsFen: 500_000, deductionsFen: 123_456 })
    ).json().statement;
    // 2,000 m³ × ¥350 + 300 t × ¥1,200.50 = ¥1,060,150.00; + 5,000.00 − 1,234.56
    expect(statement).toMatchObject({
      valueToDateFen: 106_391_544,
      retentionToDateFen: 3_191_746, // 3,191,746.32
      paidBeforeFen: 41_901_630,
      payableNowFen: 61_298_168,
      grossFen: 63_193_987,
      retentionFen: 1_895_819,
    });
    expect(statement.payableNowFen).toBe(statement.grossFen - statement.retentionFen);
  });
});
