import { type BusinessRole, creditCodeCheckChar, type StaffRole } from '@zhuhe/contracts';
import type { AppContext } from '../infra/context';
import { createUserDirect } from '../modules/identity';
import { createOrganisationDirect } from '../modules/organisation';
import { bootstrapAdmin, seedStaffRoles } from '../modules/staff';

export const DEMO_PASSWORD = 'Zhuhe@2026';
/** Fixed authenticator secrets of the demo staff, so a person can add them to an app (demo only). */
export const DEMO_STAFF_TOTP = {
  admin: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  reviewer: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
} as const;
/** Fixed authenticator secret of fin@example.com: approving a loan disburses money and needs a step-up (demo only). */
export const DEMO_FIN_TOTP = 'MZUW4LTMMVXGIZLSGEZDGNBVGY3TQOJQ';

/** A valid 统一社会信用代码 for demo data: 91 (enterprise) + region + a body derived from the index. */
export function demoCreditCode(region: string, index: number): string {
  const body = `91${region}${String(100_000_000 + index * 7919).slice(-9)}`;
  return body + creditCodeCheckChar(body);
}

interface DemoOrg {
  name: string;
  roles: BusinessRole[];
  region: string;
  address: string;
  owner: { email: string; name: string; totp?: string };
  members?: { email: string; name: string; role: 'admin' | 'member' }[];
}

/** Fictional organisations of every business role across several provinces. */
const ORGS: DemoOrg[] = [
  {
    name: '浙江宏筑建设集团有限公司',
    roles: ['GC'],
    region: '330100',
    address: '浙江省杭州市西湖区文三路 88 号',
    owner: { email: 'gc@example.com', name: '陈建国' },
    members: [
      { email: 'gc.pm@example.com', name: '林晓峰', role: 'admin' },
      { email: 'gc.buyer@example.com', name: '周敏', role: 'member' },
    ],
  },
  {
    name: '中原恒泰建工有限公司',
    roles: ['GC', 'SUB'],
    region: '410100',
    address: '河南省郑州市金水区花园路 56 号',
    owner: { email: 'gc2@example.com', name: '王磊' },
  },
  {
    name: '江苏匠心劳务分包有限公司',
    roles: ['SUB'],
    region: '320100',
    address: '江苏省南京市江宁区双龙大道 120 号',
    owner: { email: 'sub@example.com', name: '张海涛' },
  },
  {
    name: '四川蜀安幕墙工程有限公司',
    roles: ['SUB'],
    region: '510100',
    address: '四川省成都市武侯区科华北路 66 号',
    owner: { email: 'sub2@example.com', name: '刘洋' },
  },
  {
    name: '河北冀钢物资贸易有限公司',
    roles: ['SUP'],
    region: '130100',
    address: '河北省石家庄市长安区中山东路 200 号',
    owner: { email: 'sup@example.com', name: '赵刚' },
  },
  {
    name: '广东粤力工程机械租赁有限公司',
    roles: ['SUP'],
    region: '440100',
    address: '广东省广州市番禺区市桥街 18 号',
    owner: { email: 'sup2@example.com', name: '黄志伟' },
  },
  {
    name: '湖北楚材建材有限公司',
    roles: ['SUP', 'SUB'],
    region: '420100',
    address: '湖北省武汉市洪山区珞喻路 300 号',
    owner: { email: 'sup3@example.com', name: '吴芳' },
  },
  {
    name: '上海申城建筑设计研究院有限公司',
    roles: ['DES'],
    region: '310100',
    address: '上海市徐汇区宛平南路 75 号',
    owner: { email: 'des@example.com', name: '孙丽' },
  },
  {
    name: '北京京诚工程监理有限公司',
    roles: ['SVR'],
    region: '110100',
    address: '北京市海淀区西直门北大街 32 号',
    owner: { email: 'svr@example.com', name: '郑伟' },
  },
  {
    name: '深圳前海筑信商业保理有限公司',
    roles: ['FIN'],
    region: '440300',
    address: '广东省深圳市南山区前海大道 1 号',
    owner: { email: 'fin@example.com', name: '何静', totp: DEMO_FIN_TOTP },
  },
];

const STAFF: { email: string; name: string; roles: StaffRole[]; totp: string }[] = [
  {
    email: 'admin@example.com',
    name: '平台管理员 李安',
    roles: ['admin', 'operator', 'editor'],
    totp: DEMO_STAFF_TOTP.admin,
  },
  {
    email: 'reviewer@example.com',
    name: '平台审核员 许宁',
    roles: ['admin', 'reviewer'],
    totp: DEMO_STAFF_TOTP.reviewer,
  },
];

export interface DemoLogin {
  who: string;
  identifier: string;
  password: string;
  totpSecret?: string;
}

export async function seedFoundationDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const [i, org] of ORGS.entries()) {
    const owner = await createUserDirect(ctx, {
      identifier: org.owner.email,
      password: DEMO_PASSWORD,
      displayName: org.owner.name,
      ...(org.owner.totp ? { totpSecret: org.owner.totp } : {}),
    });
    const members = [];
    for (const m of org.members ?? []) {
      const user = await createUserDirect(ctx, { identifier: m.email, password: DEMO_PASSWORD, displayName: m.name });
      members.push({ userId: user.id, role: m.role });
    }
    await createOrganisationDirect(
      ctx,
      owner.id,
      {
        name: org.name,
        creditCode: demoCreditCode(org.region, i + 1),
        businessRoles: org.roles,
        regionCode: org.region,
        address: org.address,
      },
      members,
    );
    logins.push({
      who: `${org.name}（${org.roles.join('/')}）所有者`,
      identifier: org.owner.email,
      password: DEMO_PASSWORD,
      ...(org.owner.totp ? { totpSecret: org.owner.totp } : {}),
    });
  }
  for (const [i, s] of STAFF.entries()) {
    const user = await createUserDirect(ctx, {
      identifier: s.email,
      password: DEMO_PASSWORD,
      displayName: s.name,
      totpSecret: s.totp,
    });
    if (i === 0)
      await bootstrapAdmin(
        ctx,
        user.id,
        s.roles.filter((r) => r !== 'admin'),
      );
    else await seedStaffRoles(ctx, user.id, s.roles);
    logins.push({ who: s.name, identifier: s.email, password: DEMO_PASSWORD, totpSecret: s.totp });
  }
  return logins;
}
