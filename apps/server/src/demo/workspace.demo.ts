import { idCardCheckChar, type ParsedVerificationPackage } from '@zhuhe/contracts';
import { shanghaiDate } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import { storeFile } from '../modules/files';
import { findUserByIdentifier } from '../modules/identity';
import { getOrganisation, membershipsOfUser } from '../modules/organisation';
import { decideVerification, prepareVerification, savePreparedVerification } from '../modules/verification';
import type { DemoLogin } from './foundation.demo';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const DAY = 86_400_000;

/**
 * The general contractors that run tenders and escrow in the demo, verified (已认证) as the platform requires, and
 * the supervisor, so that inviting a supervisor by name finds a verified one.
 */
const BUYERS = [
  {
    email: 'gc@example.com',
    legalRepresentative: '陈建国',
    birth: '19720314',
    qualification: { kind: 'general_contracting', category: '建筑工程施工总承包', grade: 'first' },
  },
  {
    email: 'gc2@example.com',
    legalRepresentative: '王磊',
    birth: '19790921',
    qualification: { kind: 'general_contracting', category: '建筑工程施工总承包', grade: 'second' },
  },
  {
    email: 'svr@example.com',
    legalRepresentative: '郑伟',
    birth: '19760228',
    qualification: { kind: 'supervision', category: '房屋建筑工程监理', grade: 'grade_a' },
  },
] as const;

/**
 * 实名核验 of the demo general contractors, through the same checks and reviewer decision as any organisation
 * (submitted 20 days ago, approved by the demo reviewer the day after). Runs after the onboarding seeder.
 */
export async function seedVerifiedBuyersDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const reviewer = await findUserByIdentifier(ctx, 'reviewer@example.com');
  if (!reviewer) throw new Error('demo reviewer missing');
  const now = Date.now();
  for (const [i, buyer] of BUYERS.entries()) {
    const user = await findUserByIdentifier(ctx, buyer.email);
    if (!user) throw new Error(`demo user ${buyer.email} missing`);
    const [membership] = await membershipsOfUser(ctx, user.id);
    if (!membership) throw new Error(`demo user ${buyer.email} has no organisation`);
    const org = await getOrganisation(ctx, membership.orgId);
    const file = async (name: string, bytes: Buffer) =>
      (await storeFile(ctx, { orgId: org.id, userId: user.id, name, bytes })).id;
    const submittedAt = new Date(now - 20 * DAY);
    const region = (org.regionCode ?? '110101').slice(0, 6);
    const idBody = `${region}${buyer.birth}${String(510 + i).padStart(3, '0')}`;
    const pkg: ParsedVerificationPackage = {
      licence: {
        creditCode: org.creditCode,
        companyName: org.name,
        legalRepresentative: buyer.legalRepresentative,
        registeredCapitalFen: (i + 5) * 10_000_000_000,
        address: org.address ?? '—',
        validFrom: '2008-06-01',
        validUntil: null,
        fileId: await file('营业执照.pdf', PDF),
      },
      idCard: {
        name: buyer.legalRepresentative,
        number: idBody + idCardCheckChar(idBody),
        validUntil: shanghaiDate(new Date(now + 3000 * DAY)),
        frontFileId: await file('身份证人像面.png', PNG),
        backFileId: await file('身份证国徽面.png', PNG),
      },
      qualifications: [
        {
          ...buyer.qualification,
          number: `D${233_0100 + i}`,
          issuer: '省住房和城乡建设厅',
          validFrom: '2021-03-01',
          // the first one's certificate runs out within two months: a to-do on its home page
          validUntil: shanghaiDate(new Date(now + (i === 0 ? 45 : 900) * DAY)),
          fileId: await file('资质证书.pdf', PDF),
        },
      ],
    };
    const prepared = await prepareVerification(ctx, {
      orgId: org.id,
      userId: user.id,
      pkg,
      purpose: 'organisation',
      now: submittedAt,
    });
    const row = await ctx.db.transaction((tx) => savePreparedVerification(ctx, tx, prepared, org.verification));
    if (row.status !== 'pending') throw new Error(`demo verification of ${org.name} did not pass the checks`);
    await decideVerification(
      ctx,
      { userId: reviewer.id },
      row.id,
      { decision: 'approve', reasons: [] },
      new Date(submittedAt.getTime() + DAY),
    );
  }
  return [];
}
