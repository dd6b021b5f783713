import type { InsuranceProductBody } from '@zhuhe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { actorOf, type BuiltOrg, buildOrg, fundWallet } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { setCreditGrade } from '../credit';
import { escrowStatus, openContractEscrow } from '../escrow';
import { verifyLog } from '../evidence';
import { findAccountByCode, orgWallet, verifyLedger } from '../ledger';
import {
  buyPolicy,
  decideClaim,
  fileClaim,
  insurancePool,
  publishInsuranceProduct,
  setInsuranceProductActive,
} from './index';
import type { InsurancePolicyIssued } from './insurance.events';

/** The service tier on a real database: one policy per bond under concurrency, the money loop, eligibility, terms. */
let tc: TestContext;
let gc: BuiltOrg;
let sub: BuiltOrg;
let fin: BuiltOrg;
const issued: InsurancePolicyIssued[] = [];

const product = (over: Partial<InsuranceProductBody> = {}): InsuranceProductBody => ({
  name: '履约保证险',
  premiumBp: 200,
  coverageBp: 10_000,
  maxInsuredFen: 1_000_000_00,
  minGrade: 'B',
  regions: [],
  termDays: 180,
  ...over,
});

/** A ¥1,000,000 subcontract of the GC with `sub`: an advance of 40% requires the 10% bond of ¥100,000. */
async function bondedContract() {
  const contractId = newId();
  await openContractEscrow(tc.ctx, {
    contractId,
    payerOrgId: gc.orgId,
    payeeOrgId: sub.orgId,
    contractAmountFen: 1_000_000_00,
    advanceRatioPct: 40,
    retentionPct: 3,
    labourSharePct: 0,
    bondPct: 10,
  });
  return contractId;
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const posted = async (code: string) => (await findAccountByCode(tc.ctx.db, code))?.posted ?? 0n;

beforeAll(async () => {
  tc = await createTestContext();
  tc.ctx.events.onTransaction('insurance.policy_issued', 'test-spy', async (event) => {
    issued.push(event.payload);
  });
  gc = await buildOrg(tc.ctx, { roles: ['GC'] });
  sub = await buildOrg(tc.ctx, { roles: ['SUB'], regionCode: '330106' });
  fin = await buildOrg(tc.ctx, { roles: ['FIN'], name: '测试财产保险' });
  await setCreditGrade(tc.ctx, null, sub.orgId, { grade: 'A', source: '测试评级' });
  await fundWallet(tc.ctx, sub.orgId, 10_000_00);
});
afterAll(async () => {
  await tc?.close();
});

describe('bond insurance', () => {
  it('refuses a region the product does not serve and a paused product, writing nothing', async () => {
    const contractId = await bondedContract();
    const guangdong = await publishInsuranceProduct(tc.ctx, fin.orgId, product({ regions: ['44'] }));
    const body = { productId: guangdong.id, contractId, insuredFen: 100_000_00 };
    const region = await refusal(buyPolicy(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, body));
    expect(region.code).toBe('INSURANCE_REGION_NOT_SERVED');
    expect(region.messages().en).toContain('region');
    const paused = await publishInsuranceProduct(tc.ctx, fin.orgId, product());
    await setInsuranceProductActive(tc.ctx, fin.orgId, paused.id, false);
    const e = await refusal(buyPolicy(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, { ...body, productId: paused.id }));
    expect(e.code).toBe('INSURANCE_PRODUCT_NOT_FOUND');
    expect(await posted(orgWallet(sub.orgId).code)).toBe(10_000_00n);
    expect((await escrowStatus(tc.ctx, contractId)).bondSatisfied).toBe(false);
  });

  it('two concurrent purchases on one bond leave exactly one policy and one premium', async () => {
    const contractId = await bondedContract();
    const p = await publishInsuranceProduct(tc.ctx, fin.orgId, product());
    const buy = () =>
      buyPolicy(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, { productId: p.id, contractId, insuredFen: 100_000_00 });
    const results = await Promise.allSettled([buy(), buy()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['INSURANCE_BOND_NOT_DUE', 'ESCROW_BOND_NOT_DUE']).toContain((failed.reason as DomainError).code);
    // ¥100,000 at 2% = ¥2,000, once
    expect(await posted(orgWallet(sub.orgId).code)).toBe(8_000_00n);
    expect(await posted(insurancePool(fin.orgId).code)).toBe(2_000_00n);
    expect(issued.filter((e) => e.contractId === contractId)).toHaveLength(1);
    expect(await escrowStatus(tc.ctx, contractId)).toMatchObject({ bondSatisfied: true, bondPostedFen: 0 });
    expect((await verifyLedger(tc.ctx.db)).ok).toBe(true);
    expect((await verifyLog(tc.ctx)).ok).toBe(true);
  });

  it('pays an approved claim beyond the premiums from the insurer’s capital, balanced, and closes the policy', async () => {
    const [event] = issued;
    const policyId = event?.policyId as string;
    const claim = await fileClaim(tc.ctx, actorOf(gc, ['GC']), gc.orgId, policyId, {
      amountFen: 50_000_00,
      reason: '乙方擅自停工，经催告仍未复工，依合同应没收履约保证金',
      evidenceFileIds: [],
    });
    await decideClaim(tc.ctx, actorOf(fin, ['FIN']), fin.orgId, claim.id, { decision: 'approve' });
    expect(await posted(orgWallet(gc.orgId).code)).toBe(50_000_00n);
    // premiums of ¥2,000 in, a claim of ¥50,000 out: the insurer's own money covers the rest
    expect(await posted(insurancePool(fin.orgId).code)).toBe(-48_000_00n);
    expect((await verifyLedger(tc.ctx.db)).ok).toBe(true);
    const again = await refusal(
      fileClaim(tc.ctx, actorOf(gc, ['GC']), gc.orgId, policyId, {
        amountFen: 1_00,
        reason: '再次申请理赔，乙方仍未复工',
        evidenceFileIds: [],
      }),
    );
    expect(again.code).toBe('INSURANCE_POLICY_NOT_ACTIVE');
  });

  it('refuses a claim after the policy’s term', async () => {
    const contractId = await bondedContract();
    const p = await publishInsuranceProduct(tc.ctx, fin.orgId, product({ termDays: 30 }));
    const policy = await buyPolicy(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
      productId: p.id,
      contractId,
      insuredFen: 100_000_00,
    });
    const later = new Date(Date.now() + 40 * 86_400_000);
    const e = await refusal(
      fileClaim(
        tc.ctx,
        actorOf(gc, ['GC']),
        gc.orgId,
        policy.id,
        { amountFen: 1_00, reason: '保险期间届满后才发现乙方违约', evidenceFileIds: [] },
        later,
      ),
    );
    expect(e.code).toBe('INSURANCE_POLICY_NOT_ACTIVE');
  });
});
