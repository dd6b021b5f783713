import { idCardCheckChar, type ParsedVerificationPackage } from '@zhuhe/contracts';
import { shanghaiDate } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import { storeFile } from '../modules/files';
import { createUserDirect, findUserByIdentifier } from '../modules/identity';
import {
  acceptAgreement,
  apply,
  attachInspectionVideo,
  decide,
  recordInspection,
  scheduleInspection,
} from '../modules/merchants';
import { createOrganisationDirect, getOrganisation, membershipsOfUser } from '../modules/organisation';
import { seedStaffRoles } from '../modules/staff';
import { runExpiryWatch } from '../modules/verification';
import { DEMO_PASSWORD, type DemoLogin, demoCreditCode } from './foundation.demo';

/** A second reviewer, so key categories can be reviewed twice (双审) in the demo. */
export const DEMO_INSPECTOR_TOTP = 'ONSWG4TFOQFGK4TFNZSW4ZDFOJ2GK4TP';

const DAY = 86_400_000;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const MP4 = Buffer.concat([
  Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
  Buffer.from('000000106d646174', 'hex'),
  Buffer.alloc(8, 0),
]);

function idNumber(region: string, birth: string, seq: string): string {
  const body = `${region}${birth}${seq}`;
  return body + idCardCheckChar(body);
}

interface DemoMerchant {
  owner: string;
  /** where the demo leaves the application */
  stage: 'needs_correction' | 'in_review' | 'inspection' | 'agreement' | 'active' | 'rejected' | 'suspended';
  category: string;
  regions: string[];
  shopName: string;
  profile: string;
  legalRepresentative: string;
  birth: string;
  tier?: 'brand' | 'potential';
  /** days ago the application was first submitted */
  daysAgo: number;
  overdue?: boolean;
}

const MERCHANTS: DemoMerchant[] = [
  {
    owner: 'sup@example.com',
    stage: 'active',
    category: 'steel',
    regions: ['130000', '110000', '120000'],
    shopName: '冀钢建筑钢材',
    profile: '螺纹钢、盘螺、H 型钢现货供应，京津冀项目 24 小时内送达，支持按进度分批结算。',
    legalRepresentative: '赵刚',
    birth: '19720316',
    tier: 'brand',
    daysAgo: 40,
  },
  {
    owner: 'sup3@example.com',
    stage: 'active',
    category: 'new_energy',
    regions: ['420000', '430000'],
    shopName: '楚材光伏建材',
    profile: '分布式光伏支架与储能柜一体化供应，提供屋面荷载复核与并网资料协助。',
    legalRepresentative: '吴芳',
    birth: '19850920',
    tier: 'potential',
    daysAgo: 20,
  },
  {
    owner: 'sup2@example.com',
    stage: 'inspection',
    category: 'machinery_rental',
    regions: ['440000', '450000'],
    shopName: '粤力机械租赁',
    profile: '塔吊、施工升降机、旋挖钻机租赁，持证司机随机，设备年检资料齐全可查。',
    legalRepresentative: '黄志伟',
    birth: '19790105',
    tier: 'potential',
    daysAgo: 3,
  },
  {
    owner: 'sub@example.com',
    stage: 'in_review',
    category: 'labour_subcontracting',
    regions: ['320000', '310000'],
    shopName: '匠心劳务',
    profile: '钢筋、木工、混凝土班组 260 人，农民工工资专户代发，实名制考勤全覆盖。',
    legalRepresentative: '张海涛',
    birth: '19810612',
    daysAgo: 6,
    overdue: true,
  },
  {
    owner: 'svr@example.com',
    stage: 'in_review',
    category: 'supervision_services',
    regions: ['110000'],
    shopName: '京诚监理',
    profile: '房建与市政工程监理，甲级资质，驻场监理人员均持注册监理工程师证书。',
    legalRepresentative: '郑伟',
    birth: '19760228',
    daysAgo: 0,
  },
  {
    owner: 'des@example.com',
    stage: 'agreement',
    category: 'design_services',
    regions: ['310000', '320000', '330000'],
    shopName: '申城设计',
    profile: '建筑工程设计甲级，擅长装配式住宅与城市更新项目的方案与施工图设计。',
    legalRepresentative: '孙丽',
    birth: '19830714',
    tier: 'potential',
    daysAgo: 2,
  },
  {
    owner: 'sub2@example.com',
    stage: 'needs_correction',
    category: 'curtain_wall',
    regions: ['510000', '500000'],
    shopName: '蜀安幕墙',
    profile: '单元式幕墙设计、加工与安装一体化，自有加工厂 12000 平方米。',
    legalRepresentative: '刘洋',
    birth: '19800808',
    daysAgo: 1,
  },
  {
    owner: 'gc2@example.com',
    stage: 'rejected',
    category: 'concrete',
    regions: ['410000'],
    shopName: '恒泰商砼',
    profile: '商品混凝土 C15–C60，两座搅拌站，郑州市区运距 30 公里以内。',
    legalRepresentative: '王磊',
    birth: '19770430',
    daysAgo: 12,
  },
  {
    owner: 'sup4@example.com',
    stage: 'suspended',
    category: 'waterproofing',
    regions: ['330000'],
    shopName: '嘉禾防水',
    profile: 'SBS 改性沥青防水卷材与聚氨酯涂料，提供屋面与地下室防水施工指导。',
    legalRepresentative: '钱明',
    birth: '19740119',
    tier: 'potential',
    daysAgo: 400,
  },
];

async function orgOf(ctx: AppContext, email: string) {
  const user = await findUserByIdentifier(ctx, email);
  if (!user) throw new Error(`demo user ${email} missing`);
  const [membership] = await membershipsOfUser(ctx, user.id);
  if (!membership) throw new Error(`demo user ${email} has no organisation`);
  return { user, org: await getOrganisation(ctx, membership.orgId) };
}

/**
 * Merchants in every stage of the onboarding pipeline, with cycle times measured on the official calendar
 * (submission dates are set in the past). Runs after the foundation seeder.
 */
export async function seedOnboardingDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const reviewerUser = await findUserByIdentifier(ctx, 'reviewer@example.com');
  if (!reviewerUser) throw new Error('demo reviewer missing');
  const reviewer = { userId: reviewerUser.id };
  const inspector = await createUserDirect(ctx, {
    identifier: 'inspector@example.com',
    password: DEMO_PASSWORD,
    displayName: '平台审核员 王审',
    totpSecret: DEMO_INSPECTOR_TOTP,
  });
  await seedStaffRoles(ctx, inspector.id, ['reviewer']);
  const secondReviewer = { userId: inspector.id };
  logins.push({
    who: '平台审核员 王审（第二审核员）',
    identifier: 'inspector@example.com',
    password: DEMO_PASSWORD,
    totpSecret: DEMO_INSPECTOR_TOTP,
  });

  // A merchant whose licence has since expired: created here with its owner.
  const owner4 = await createUserDirect(ctx, {
    identifier: 'sup4@example.com',
    password: DEMO_PASSWORD,
    displayName: '钱明',
  });
  await createOrganisationDirect(ctx, owner4.id, {
    name: '浙江嘉禾防水材料有限公司',
    creditCode: demoCreditCode('330400', 41),
    businessRoles: ['SUP'],
    regionCode: '330400',
    address: '浙江省嘉兴市南湖区中环南路 18 号',
  });
  logins.push({
    who: '浙江嘉禾防水材料有限公司（SUP）所有者',
    identifier: 'sup4@example.com',
    password: DEMO_PASSWORD,
  });

  const now = Date.now();
  for (const [i, m] of MERCHANTS.entries()) {
    const { user: ownerUser, org } = await orgOf(ctx, m.owner);
    const user = { userId: ownerUser.id };
    const at = (daysAfterStart: number, hour = 10) => {
      const d = new Date(now - m.daysAgo * DAY + daysAfterStart * DAY);
      d.setUTCHours(hour - 8, 0, 0, 0);
      return d.getTime() > now ? new Date(now - 60_000) : d;
    };
    const start = at(0);
    const file = async (name: string, bytes: Buffer) =>
      (await storeFile(ctx, { orgId: org.id, userId: user.userId, name, bytes })).id;
    const today = shanghaiDate(start);
    const plusDays = (days: number) => shanghaiDate(new Date(start.getTime() + days * DAY));
    const pkg = (legalRepresentative: string): ParsedVerificationPackage => ({
      licence: {
        creditCode: org.creditCode,
        companyName: org.name,
        legalRepresentative,
        registeredCapitalFen: (i + 1) * 1_000_000_000,
        address: org.address ?? '—',
        validFrom: '2012-03-01',
        // The suspended demo merchant's licence ran out five days ago.
        validUntil: m.stage === 'suspended' ? shanghaiDate(new Date(now - 5 * DAY)) : null,
        fileId: '',
      },
      idCard: {
        name: m.legalRepresentative,
        number: idNumber(`${org.regionCode ?? '110101'}`.slice(0, 6), m.birth, String(100 + i).padStart(3, '0')),
        validUntil: plusDays(3650),
        frontFileId: '',
        backFileId: '',
      },
      qualifications: [
        {
          kind:
            m.category === 'design_services'
              ? 'design'
              : m.category === 'supervision_services'
                ? 'supervision'
                : m.category === 'labour_subcontracting'
                  ? 'labour'
                  : 'specialty_contracting',
          category: m.category === 'design_services' ? '建筑行业（建筑工程）' : '建筑工程',
          grade: m.category === 'design_services' || m.category === 'supervision_services' ? 'grade_a' : 'second',
          number: `D${String(2330 + i).padStart(4, '0')}${today.replaceAll('-', '').slice(2)}`,
          issuer: '省住房和城乡建设厅',
          validFrom: '2021-01-01',
          validUntil: plusDays(m.stage === 'active' && i === 0 ? 700 : 1200),
          fileId: '',
        },
      ],
    });
    const documents = async (legalRepresentative: string) => {
      const p = pkg(legalRepresentative);
      p.licence.fileId = await file('营业执照.pdf', PDF);
      p.idCard.frontFileId = await file('身份证人像面.png', PNG);
      p.idCard.backFileId = await file('身份证国徽面.png', PNG);
      for (const q of p.qualifications) q.fileId = await file('资质证书.pdf', PDF);
      return p;
    };
    const input = async (legalRepresentative: string) => ({
      categoryCode: m.category,
      serviceRegions: m.regions,
      shopName: m.shopName,
      profile: m.profile,
      verification: await documents(legalRepresentative),
    });

    // Two applicants first got the name mismatch back from the automatic check and corrected it.
    if (m.stage === 'needs_correction' || i === 0) {
      await apply(ctx, user, org.id, await input(`${m.legalRepresentative.slice(0, 1)}建国`), start);
      if (m.stage === 'needs_correction') continue;
    }
    const submitted = await apply(ctx, user, org.id, await input(m.legalRepresentative), i === 0 ? at(0, 15) : start);
    if (m.stage === 'in_review') continue;
    if (m.stage === 'rejected') {
      await decide(
        ctx,
        reviewer,
        submitted.id,
        { decision: 'reject', reasons: ['营业执照与商砼生产许可信息不一致，请补充预拌混凝土专业承包资质'] },
        at(1, 11),
      );
      continue;
    }
    const approved = await decide(
      ctx,
      reviewer,
      submitted.id,
      { decision: 'approve', reasons: [], tier: m.tier ?? 'potential' },
      at(1, 9),
    );
    if (approved.stage === 'inspection') {
      await scheduleInspection(ctx, submitted.id, { scheduledFor: shanghaiDate(at(2)), inspector: '李工' });
      if (m.stage === 'inspection') continue;
      await attachInspectionVideo(ctx, secondReviewer, submitted.id, async () => ({
        name: '现场考察.mp4',
        bytes: MP4,
      }));
      await recordInspection(
        ctx,
        secondReviewer,
        submitted.id,
        { result: 'passed', notes: '现场与申报一致' },
        at(2, 16),
      );
    }
    if (m.stage === 'agreement') continue;
    await acceptAgreement(ctx, user, org.id, { agreementVersion: '2026-11' }, { ip: null }, at(2, 11));
  }
  // The licence that ran out: the expiry watch suspends that merchant, as it would overnight.
  await runExpiryWatch(ctx);
  return logins;
}
