import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildActiveMerchant, buildOrg, buildUser } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { currentApplication } from '../merchants';
import { activeTakedown, addTerm, assertCompliant, checkTexts, liftTakedown, takeDown } from './compliance.service';

/** 合规 use cases on a real database: banned claims and takedowns through the subjects the composition root gives. */
describe('compliance', () => {
  let tc: TestContext;
  let staff: { userId: string };
  let merchant: BuiltOrg;

  beforeAll(async () => {
    tc = await createTestContext();
    staff = await buildUser(tc.ctx, '运营专员');
    merchant = await buildActiveMerchant(tc.ctx);
  });
  afterAll(async () => tc?.close());

  it('finds a banned claim a staff member adds, with its field and place, and refuses the text', async () => {
    await addTerm(tc.ctx, staff, { term: '保证零风险收益', category: 'absolute', basis: '《广告法》第二十八条' });
    const hits = await checkTexts(tc.ctx, { profile: '本公司钢材质量可靠，保证零风险收益供货' });
    expect(hits).toContainEqual(
      expect.objectContaining({ field: 'profile', term: '保证零风险收益', start: 10, end: 17 }),
    );
    await expect(
      assertCompliant(tc.ctx, { shopName: '放心钢材', profile: '保证零风险收益供货' }),
    ).rejects.toMatchObject({
      code: 'COMPLIANCE_BANNED_CLAIMS',
    });
    await expect(assertCompliant(tc.ctx, { shopName: '放心钢材', profile: '杭州现货' })).resolves.toBeUndefined();
    await expect(
      addTerm(tc.ctx, staff, { term: '保证零风险收益', category: 'absolute', basis: '重复' }),
    ).rejects.toMatchObject({ code: 'COMPLIANCE_TERM_EXISTS' });
  });

  it('takes a merchant profile down once, only for its own organisation, and lifts it', async () => {
    const application = await currentApplication(tc.ctx, merchant.orgId);
    if (!application) throw new Error('the merchant has no application');
    const subjects = tc.modules.compliance.api.takedownSubjects;
    const input = {
      subjectKind: 'merchant_profile',
      orgId: merchant.orgId,
      subjectId: application.id,
      reason: '虚假宣传',
    };

    const stranger = await buildOrg(tc.ctx, { roles: ['SUP'] });
    await expect(takeDown(tc.ctx, subjects, staff, { ...input, orgId: stranger.orgId })).rejects.toMatchObject({
      code: 'COMPLIANCE_SUBJECT_NOT_FOUND',
    });
    await expect(takeDown(tc.ctx, subjects, staff, { ...input, subjectKind: 'listing' })).rejects.toMatchObject({
      code: 'COMPLIANCE_SUBJECT_NOT_FOUND',
    });
    expect(await activeTakedown(tc.ctx, 'merchant_profile', application.id)).toBeFalsy();

    const row = await takeDown(tc.ctx, subjects, staff, input);
    expect(row).toMatchObject({ reason: '虚假宣传', takenDownByName: '运营专员' });
    expect(await activeTakedown(tc.ctx, 'merchant_profile', application.id)).toMatchObject({ id: row.id });
    await expect(takeDown(tc.ctx, subjects, staff, input)).rejects.toMatchObject({
      code: 'COMPLIANCE_ALREADY_TAKEN_DOWN',
    });

    await liftTakedown(tc.ctx, staff, row.id);
    expect(await activeTakedown(tc.ctx, 'merchant_profile', application.id)).toBeFalsy();
    await expect(liftTakedown(tc.ctx, staff, row.id)).rejects.toMatchObject({ code: 'COMPLIANCE_TAKEDOWN_LIFTED' });
  });
});
