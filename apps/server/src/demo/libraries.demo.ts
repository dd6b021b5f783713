import type { EngineeringType } from '@zhuhe/contracts';
import type { AppContext } from '../infra/context';
import { createDemandsDirect } from '../modules/demands';
import { storeFile } from '../modules/files';
import { findUserByIdentifier } from '../modules/identity';
import { membershipsOfUser } from '../modules/organisation';
import { createProjectsDirect, type DirectProject } from '../modules/projects';
import { findRegion, regionCentroid } from '../modules/regions';
import { createListingsDirect } from '../modules/resources';
import type { DemoLogin } from './foundation.demo';

/**
 * Demo libraries: 3,000 projects, 1,500 resource listings and 800 demands with believable Chinese titles across
 * 40 cities, each placed near its city centre. Deterministic (a seeded generator), batch-inserted.
 */
const COUNTS = { projects: 3000, listings: 1500, demands: 800, pendingDemands: 6 };

/** [GB/T 2260 city code, how the city is written in a title]; the matching benchmark spreads its suppliers over them */
export const CITIES: [string, string][] = [
  ['330100', '杭州'],
  ['330200', '宁波'],
  ['330300', '温州'],
  ['330600', '绍兴'],
  ['330400', '嘉兴'],
  ['320100', '南京'],
  ['320500', '苏州'],
  ['320200', '无锡'],
  ['320400', '常州'],
  ['320600', '南通'],
  ['310000', '上海'],
  ['110000', '北京'],
  ['120000', '天津'],
  ['500000', '重庆'],
  ['440100', '广州'],
  ['440300', '深圳'],
  ['441900', '东莞'],
  ['440600', '佛山'],
  ['350200', '厦门'],
  ['350100', '福州'],
  ['370100', '济南'],
  ['370200', '青岛'],
  ['410100', '郑州'],
  ['420100', '武汉'],
  ['430100', '长沙'],
  ['340100', '合肥'],
  ['360100', '南昌'],
  ['510100', '成都'],
  ['520100', '贵阳'],
  ['530100', '昆明'],
  ['610100', '西安'],
  ['620100', '兰州'],
  ['130100', '石家庄'],
  ['140100', '太原'],
  ['210100', '沈阳'],
  ['210200', '大连'],
  ['220100', '长春'],
  ['230100', '哈尔滨'],
  ['450100', '南宁'],
  ['460100', '海口'],
];
const PLACES = [
  '科创园',
  '产业园',
  '高新区',
  '经开区',
  '新城',
  '滨江',
  '港区',
  '航空港',
  '大学城',
  '物流园',
  '中心城区',
  '临空经济区',
];
const SUBJECTS: Record<EngineeringType, string[]> = {
  building: [
    '钢结构厂房',
    '人才公寓',
    '安置房',
    '商品住宅',
    '写字楼',
    '城市综合体',
    '医院门诊楼',
    '中学教学楼',
    '体育馆',
    '数据中心',
    '冷链仓库',
    '装配式住宅',
  ],
  municipal: ['市政道路', '综合管廊', '雨污分流改造', '污水处理厂', '地铁车站基坑支护', '人行天桥', '海绵城市改造'],
  highway: ['高速公路改扩建', '国道改建', '互通立交', '隧道'],
  railway: ['城际铁路站房', '铁路货场'],
  water: ['河道整治', '堤防加固', '排涝泵站', '水库除险加固'],
  power: ['110kV变电站', '分布式光伏电站', '输变电线路'],
  landscape: ['公园景观', '园林绿化', '湿地公园'],
  decoration: ['玻璃幕墙', '精装修', '外立面改造', '石材幕墙'],
  other: ['临时设施', '围挡及场地硬化'],
};
const TYPE_WEIGHTS: [EngineeringType, number][] = [
  ['building', 40],
  ['municipal', 20],
  ['highway', 8],
  ['railway', 3],
  ['water', 8],
  ['power', 7],
  ['landscape', 6],
  ['decoration', 8],
];
const PHASES = ['', '', '一期', '二期', '三期', 'EPC'];
const STATUSES = ['tendering', 'tendering', 'planning', 'under_construction', 'completed'];
const TAGS = ['钢结构', '装配式', 'EPC', '政府投资', '绿色建筑', '深基坑', '超高层', 'BIM', '民营投资', '重点工程'];

/** A small deterministic generator (mulberry32), so every demo database looks the same. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, int };
}

function weighted<T>(r: ReturnType<typeof random>, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x <= 0) return item;
  }
  return (items[0] as [T, number])[0];
}

function countyOf(r: ReturnType<typeof random>, cityCode: string): string {
  // Counties are listed in the region data under their city; pick one by its code pattern.
  const candidates = Array.from({ length: 30 }, (_, i) => `${cityCode.slice(0, 4)}${String(i + 1).padStart(2, '0')}`)
    .concat(
      cityCode.endsWith('0000')
        ? Array.from({ length: 18 }, (_, i) => `${cityCode.slice(0, 2)}01${String(i + 1).padStart(2, '0')}`)
        : [],
    )
    .filter((code) => findRegion(code));
  return candidates.length > 0 ? r.pick(candidates) : cityCode;
}

function near(r: ReturnType<typeof random>, code: string) {
  const c = regionCentroid(code);
  return {
    lat: Math.round((c.lat + (r.next() - 0.5) * 0.16) * 1e5) / 1e5,
    lng: Math.round((c.lng + (r.next() - 0.5) * 0.2) * 1e5) / 1e5,
  };
}

const date = (d: Date) => d.toISOString().slice(0, 10);
export const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function orgOf(ctx: AppContext, email: string) {
  const user = await findUserByIdentifier(ctx, email);
  if (!user) throw new Error(`demo user ${email} missing`);
  const [membership] = await membershipsOfUser(ctx, user.id);
  if (!membership) throw new Error(`demo organisation of ${email} missing`);
  return { userId: user.id, orgId: membership.orgId, orgName: membership.orgName };
}

export async function seedLibrariesDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const r = random(20_261_122);
  const now = Date.now();
  const daysAgo = (max: number) => new Date(now - r.int(0, max * 24) * 3_600_000);
  const gcs = [await orgOf(ctx, 'gc@example.com'), await orgOf(ctx, 'gc2@example.com')];
  const steel = await orgOf(ctx, 'sup@example.com');
  const machinery = await orgOf(ctx, 'sup2@example.com');
  const buildingMaterials = await orgOf(ctx, 'sup3@example.com');
  const labour = await orgOf(ctx, 'sub@example.com');
  const curtainWall = await orgOf(ctx, 'sub2@example.com');
  // Each kind is listed by the demo merchant whose trade it is (冀钢 steel, 粤力 machinery, 楚材 materials …).
  const sellers: Record<string, (typeof steel)[]> = {
    rebar: [steel, buildingMaterials],
    section_steel: [steel],
    concrete: [buildingMaterials],
    cement: [buildingMaterials],
    curtain_wall_glass: [curtainWall],
    tower_crane: [machinery],
    excavator: [machinery],
    mobile_crane: [machinery],
    scaffold: [machinery, steel],
    labour_team: [labour],
  };
  const reviewer = await findUserByIdentifier(ctx, 'reviewer@example.com');

  const projects: DirectProject[] = [];
  for (let i = 0; i < COUNTS.projects; i++) {
    const [cityCode, city] = r.pick(CITIES);
    const county = countyOf(r, cityCode);
    const type = weighted(r, TYPE_WEIGHTS);
    const subject = r.pick(SUBJECTS[type]);
    const owner = r.pick(gcs);
    const createdAt = daysAgo(365);
    const start = new Date(createdAt.getTime() + r.int(30, 120) * 86_400_000);
    const investment = r.int(5, 5000) * 1_000_000_00;
    const tags = [
      ...new Set([
        r.pick(TAGS),
        ...(subject.includes('钢结构') ? ['钢结构'] : []),
        ...(r.next() < 0.3 ? [r.pick(TAGS)] : []),
      ]),
    ];
    projects.push({
      orgId: owner.orgId,
      orgName: owner.orgName,
      createdBy: owner.userId,
      createdAt,
      name: `${city}${r.pick(PLACES)}${subject}${r.pick(PHASES)}工程`,
      engineeringType: type,
      investmentFen: investment,
      regionCode: county,
      address: `${findRegion(county)?.name ?? ''}${r.pick(['建设路', '人民路', '创业大道', '滨河路', '纬三路'])}${r.int(1, 300)}号`,
      location: near(r, county),
      tags,
      startDate: date(start),
      endDate: date(new Date(start.getTime() + r.int(180, 900) * 86_400_000)),
      tenderDeadline: date(new Date(createdAt.getTime() + r.int(15, 45) * 86_400_000)),
      status: r.pick(STATUSES),
      description: `本项目位于${city}，总投资约${Math.round(investment / 1_000_000)}万元，主要建设内容为${subject}，采用${r.pick(['施工总承包', 'EPC 总承包', '专业分包'])}方式，欢迎具备相应资质的单位参与。`,
    });
  }
  await createProjectsDirect(ctx, projects);

  const listingTemplates = [
    {
      kind: 'rebar',
      unit: '吨',
      price: [3500_00, 4200_00],
      title: (p: Record<string, string | number>) => `${p.grade} 钢筋 Φ${p.diameterMm}（螺纹钢）`,
      params: () => ({
        grade: r.pick(['HRB400', 'HRB400E', 'HRB500E']),
        diameterMm: r.pick([12, 16, 20, 22, 25, 28, 32]),
      }),
      tags: ['现货', '厂家直供'],
    },
    {
      kind: 'concrete',
      unit: '立方米',
      price: [380_00, 560_00],
      title: (p: Record<string, string | number>) => `${p.strength} 商品混凝土`,
      params: () => ({ strength: r.pick(['C25', 'C30', 'C35', 'C40']), slumpMm: 180 }),
      tags: ['泵送', '24小时供应'],
    },
    {
      kind: 'section_steel',
      unit: '吨',
      price: [3900_00, 4800_00],
      title: (p: Record<string, string | number>) => `${p.material} ${p.shape}`,
      params: () => ({ shape: r.pick(['H型钢', '工字钢', '槽钢', '角钢']), material: r.pick(['Q235B', 'Q355B']) }),
      tags: ['钢结构', '现货'],
    },
    {
      kind: 'cement',
      unit: '吨',
      price: [380_00, 520_00],
      title: (p: Record<string, string | number>) => `P.O ${p.strength} 普通硅酸盐水泥`,
      params: () => ({ strength: r.pick(['42.5', '52.5']) }),
      tags: ['散装'],
    },
    {
      kind: 'curtain_wall_glass',
      unit: '平方米',
      price: [180_00, 420_00],
      title: () => '6+12A+6 Low-E 中空玻璃',
      params: () => ({ build: '6+12A+6 Low-E', thicknessMm: 24 }),
      tags: ['幕墙', '节能'],
    },
    {
      kind: 'tower_crane',
      unit: '台·月',
      price: [22_000_00, 45_000_00],
      title: (p: Record<string, string | number>) => `${p.model} 塔吊租赁 臂长${p.jibLengthM}米`,
      params: () => {
        const m = r.pick([
          ['QTZ63', 6, 50],
          ['QTZ80', 8, 56],
          ['QTZ125', 10, 60],
        ] as const);
        return { model: m[0], maxLoadT: m[1], jibLengthM: m[2] };
      },
      tags: ['含司机', '安拆一体'],
    },
    {
      kind: 'excavator',
      unit: '台班',
      price: [1_600_00, 3_200_00],
      title: (p: Record<string, string | number>) => `${p.weightT}吨挖掘机出租`,
      params: () => ({ weightT: r.pick([20, 22, 30, 36]), bucketM3: r.pick([1, 1.2, 1.6]) }),
      tags: ['土方', '含油'],
    },
    {
      kind: 'mobile_crane',
      unit: '台班',
      price: [2_000_00, 6_000_00],
      title: (p: Record<string, string | number>) => `${p.capacityT}吨汽车吊租赁`,
      params: () => ({ capacityT: r.pick([25, 50, 80, 130]) }),
      tags: ['吊装'],
    },
    {
      kind: 'scaffold',
      unit: '吨',
      price: [5_500_00, 7_500_00],
      title: () => '盘扣式脚手架 Φ60 租售',
      params: () => ({ pipeMm: 60 }),
      tags: ['安全文明'],
    },
    {
      kind: 'labour_team',
      unit: '工日',
      price: [380_00, 650_00],
      title: (p: Record<string, string | number>) => `${p.trade}班组 ${p.headcount}人`,
      params: () => ({
        trade: r.pick(['钢筋工', '木工', '混凝土工', '架子工', '电焊工', '幕墙安装工']),
        headcount: r.int(8, 60),
      }),
      tags: ['劳务', '持证上岗'],
    },
  ] as const;
  const listings = [];
  for (let i = 0; i < COUNTS.listings; i++) {
    const template = r.pick(listingTemplates);
    const [cityCode, city] = r.pick(CITIES);
    const owner = r.pick(sellers[template.kind] ?? [steel]);
    const params = template.params() as Record<string, string | number>;
    listings.push({
      orgId: owner.orgId,
      orgName: owner.orgName,
      createdBy: owner.userId,
      createdAt: daysAgo(200),
      kind: template.kind,
      title: `${template.title(params)}（${city}）`,
      params,
      priceFen: r.int(template.price[0], template.price[1]),
      unit: template.unit,
      stock: r.int(5, 3000),
      serviceRegionCodes: [`${cityCode.slice(0, 2)}0000`],
      leadTimeDays: r.int(1, 15),
      regionCode: cityCode,
      location: near(r, cityCode),
      tags: [...template.tags],
      description: `${city}仓储发货，支持${findRegion(`${cityCode.slice(0, 2)}0000`)?.name ?? ''}全境配送，量大从优，可开增值税专用发票。`,
    });
  }
  await createListingsDirect(ctx, listings);

  const files = new Map<string, { feasibility: string; funds: string }>();
  for (const gc of gcs) {
    const feasibility = await storeFile(ctx, {
      orgId: gc.orgId,
      userId: gc.userId,
      name: '可行性研究报告（示例）.pdf',
      bytes: DEMO_PDF,
    });
    const funds = await storeFile(ctx, {
      orgId: gc.orgId,
      userId: gc.userId,
      name: '资金证明（示例）.pdf',
      bytes: DEMO_PDF,
    });
    files.set(gc.orgId, { feasibility: feasibility.id, funds: funds.id });
  }
  const demandKinds = [
    {
      type: 'subcontract',
      category: '钢结构分包',
      q: ['钢结构工程专业承包', '二级'],
      item: ['钢结构制作安装', 'Q355B', '吨', [300, 5000]],
    },
    {
      type: 'subcontract',
      category: '幕墙分包',
      q: ['建筑幕墙工程专业承包', '一级'],
      item: ['单元式玻璃幕墙', '6+12A+6 Low-E', '平方米', [2000, 40000]],
    },
    {
      type: 'subcontract',
      category: '基坑支护分包',
      q: ['地基基础工程专业承包', '二级'],
      item: ['钻孔灌注桩', 'φ800', '米', [2000, 30000]],
    },
    {
      type: 'subcontract',
      category: '劳务分包',
      q: ['施工劳务', '不限'],
      item: ['主体结构劳务', '钢筋、模板、混凝土', '平方米', [10000, 200000]],
    },
    { type: 'procurement', category: '钢筋采购', q: ['', '不限'], item: ['螺纹钢', 'HRB400E Φ25', '吨', [200, 6000]] },
    {
      type: 'procurement',
      category: '商品混凝土采购',
      q: ['', '不限'],
      item: ['商品混凝土', 'C30', '立方米', [2000, 60000]],
    },
    {
      type: 'procurement',
      category: '塔吊租赁',
      q: ['', '不限'],
      item: ['塔式起重机租赁', 'QTZ80 臂长56米', '台·月', [6, 48]],
    },
  ] as const;
  const demands = [];
  for (let i = 0; i < COUNTS.demands; i++) {
    const kind = r.pick(demandKinds);
    const [cityCode, city] = r.pick(CITIES);
    const county = countyOf(r, cityCode);
    const owner = r.pick(gcs);
    const project = `${city}${r.pick(PLACES)}${r.pick(SUBJECTS.building)}${r.pick(PHASES)}工程`;
    const quantity = r.int(kind.item[3][0], kind.item[3][1]);
    const createdAt = daysAgo(120);
    const pending = i < COUNTS.pendingDemands;
    const attached = files.get(owner.orgId) as { feasibility: string; funds: string };
    demands.push({
      orgId: owner.orgId,
      orgName: owner.orgName,
      createdBy: owner.userId,
      createdAt: pending ? new Date(now - i * 7 * 3_600_000) : createdAt,
      approvedAt: pending ? null : new Date(createdAt.getTime() + r.int(2, 40) * 3_600_000),
      reviewerId: reviewer?.id ?? null,
      type: kind.type,
      title: `${project} ${kind.category}`,
      projectName: project,
      category: kind.category,
      items: [{ name: kind.item[0], spec: kind.item[1], unit: kind.item[2], quantity }],
      budgetFen: quantity * r.int(300, 6000) * 100,
      qualificationKind: kind.q[0],
      qualificationGrade: kind.q[1],
      regionCode: county,
      siteAddress: `${findRegion(county)?.name ?? city}${r.pick(['建设路', '创业大道', '滨河路'])}${r.int(1, 300)}号`,
      location: near(r, county),
      deadline: date(new Date(now + r.int(10, 90) * 86_400_000)),
      description: `${project}${kind.category}，工程量约${quantity}${kind.item[2]}，要求${kind.q[0] ? `具备${kind.q[0]}${kind.q[1]}及以上资质，` : ''}按期保质完成。`,
      tags: [kind.category.slice(0, 3)],
      feasibilityFileId: attached.feasibility,
      fundsProofFileId: attached.funds,
    });
  }
  await createDemandsDirect(ctx, demands);
  return [];
}
