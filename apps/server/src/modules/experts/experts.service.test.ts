import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../infra/http/access';
import { actorOf, buildOrg, buildStaff, buildUser } from '../../test/builders';
import { tinyPdf } from '../../test/test-app';
import { createTestContext, type TestContext } from '../../test/test-context';
import {
  accept,
  answer,
  apply,
  ask,
  decideApplication,
  expertPage,
  questionDetail,
  rate,
  searchExperts,
  searchQuestions,
  uploadCertificate,
} from './experts.service';

let t: TestContext;
let reviewer: Actor;

const plainActor = (userId: string): Actor => ({
  userId,
  sessionId: `session-${userId}`,
  csrfToken: 'test',
  mfa: true,
  pendingMfa: false,
  stepUpAt: new Date(),
  activeOrgId: null,
  activeRole: null,
  staffRoles: [],
  memberships: [],
});

async function expert(name: string, feeYuan: number | null): Promise<{ actor: Actor; id: string; certId: string }> {
  const user = await buildUser(t.ctx, name);
  const actor = plainActor(user.userId);
  const cert = await uploadCertificate(t.ctx, actor, 'cert.pdf', tinyPdf());
  const applied = await apply(t.ctx, actor, {
    name,
    title: '高级工程师',
    employer: '某设计院',
    years: 20,
    specialities: ['structure'],
    regions: ['310000'],
    feeYuan,
    bio: '长期从事结构设计与施工技术咨询工作。',
    certificateFileIds: [cert.id],
  });
  await decideApplication(t.ctx, reviewer, applied.id, { decision: 'verified', reason: '证书核验一致' });
  return { actor, id: applied.id, certId: cert.id };
}

beforeAll(async () => {
  t = await createTestContext();
  reviewer = await buildStaff(t.ctx, ['reviewer'], '审核员');
});
afterAll(async () => {
  await t.close();
});

describe('expert pool use cases', () => {
  it('averages the asker’s ratings per expert and counts distinct questions answered', async () => {
    const org = await buildOrg(t.ctx);
    const gc = actorOf(org);
    const a = await expert('甲专家', null);
    const b = await expert('乙专家', 600);
    const stars: number[] = [];
    for (const [i, s] of [5, 4, 2].entries()) {
      const q = await ask(t.ctx, gc, org.orgId, {
        visibility: 'public',
        expertId: null,
        speciality: 'structure',
        title: `转换层大梁裂缝原因分析第${i}问`,
        body: '转换层大梁拆模后出现竖向裂缝，宽度约 0.2 毫米，想了解可能的原因和处理方式。',
      });
      const answerId = await answer(t.ctx, a.actor, q, '多为早期收缩裂缝，建议检测裂缝深度并观察发展情况后再处理。');
      await rate(t.ctx, gc, q, answerId, { stars: s, text: '' });
      stars.push(s);
      if (i === 0) await accept(t.ctx, gc, q, answerId);
    }
    const page = await expertPage(t.ctx, a.id);
    expect(page.answeredCount).toBe(3);
    expect(page.ratingCount).toBe(3);
    expect(page.averageRating).toBeCloseTo(stars.reduce((x, y) => x + y, 0) / stars.length, 1);
    expect((await expertPage(t.ctx, b.id)).averageRating).toBeNull();

    // the fee agreed when asked stays on the consultation when the expert later changes it
    const consultation = await ask(t.ctx, gc, org.orgId, {
      visibility: 'private',
      expertId: b.id,
      speciality: 'structure',
      title: '加固方案选择咨询',
      body: '框架柱混凝土强度检测不足，碳纤维加固和增大截面加固哪个更合适？',
    });
    expect((await questionDetail(t.ctx, gc, consultation)).feeYuan).toBe(600);
    await apply(t.ctx, b.actor, {
      name: '乙专家',
      title: '高级工程师',
      employer: '某设计院',
      years: 20,
      specialities: ['structure'],
      regions: ['310000'],
      feeYuan: 900,
      bio: '长期从事结构设计与施工技术咨询工作。',
      certificateFileIds: [b.certId],
    });
    expect((await questionDetail(t.ctx, gc, consultation)).feeYuan).toBe(600);
    // private questions never reach the public search, public ones do by their words
    const found = await searchQuestions(t.ctx, { q: '加固' });
    expect(found.map((q) => q.id)).not.toContain(consultation);
    expect((await searchQuestions(t.ctx, { q: '转换层 裂缝' })).length).toBe(3);

    // the list filter by fee
    const free = await searchExperts(t.ctx, { speciality: 'structure', fee: 'free' });
    expect(free.map((e) => e.id)).toEqual([a.id]);
  });
});
