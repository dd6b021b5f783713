import type { ExpertApplicationBody } from '@zhuhe/contracts';
import type { AppContext } from '../infra/context';
import { accept, answer, apply, ask, decideApplication, rate, uploadCertificate } from '../modules/experts';
import { createUserDirect } from '../modules/identity';
import { DEMO_PASSWORD, type DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

const CERTIFICATE = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

type Profile = Omit<ExpertApplicationBody, 'certificateFileIds'>;

const EXPERTS: { email: string; profile: Profile; verify: boolean }[] = [
  {
    email: 'expert.cost@example.com',
    verify: true,
    profile: {
      name: '钱立群',
      title: '一级造价工程师',
      employer: '浙江中衡工程造价咨询有限公司',
      years: 21,
      specialities: ['cost', 'bidding'],
      regions: ['330000', '320000', '310000'],
      feeYuan: 300,
      bio: '从事房建、市政工程造价咨询二十余年，主持过多个大型项目的全过程造价控制和结算审核，熟悉清单计价规范与价格调整条款。',
    },
  },
  {
    email: 'expert.structure@example.com',
    verify: true,
    profile: {
      name: '冯志远',
      title: '教授级高级工程师',
      employer: '华东建筑设计研究院（退休）',
      years: 35,
      specialities: ['structure', 'geotechnical'],
      regions: ['310000', '330000'],
      feeYuan: null,
      bio: '长期从事高层建筑结构设计与深基坑支护方案评审，退休后为中小施工企业提供免费技术咨询。',
    },
  },
  {
    email: 'expert.legal@example.com',
    verify: true,
    profile: {
      name: '沈嘉文',
      title: '律师（建设工程专业）',
      employer: '上海申衡律师事务所',
      years: 14,
      specialities: ['legal', 'bidding'],
      regions: ['310000', '320000', '330000', '440000'],
      feeYuan: 500,
      bio: '专注建设工程施工合同、分包与工程款纠纷，代理过多起工程价款优先受偿权案件。',
    },
  },
  {
    email: 'expert.green@example.com',
    verify: true,
    profile: {
      name: '陆婷',
      title: '高级工程师 · 绿色建筑评价专家',
      employer: '江苏省建筑科学研究院',
      years: 12,
      specialities: ['green', 'mep'],
      regions: ['320000'],
      feeYuan: null,
      bio: '参与多项绿色建筑评价标识项目，擅长暖通空调节能设计和机电系统调试。',
    },
  },
  {
    email: 'expert.pending@example.com',
    verify: false,
    profile: {
      name: '韩涛',
      title: '注册安全工程师',
      employer: '宁波市建设工程安全质量监督站（原）',
      years: 18,
      specialities: ['safety'],
      regions: ['330200'],
      feeYuan: 200,
      bio: '从事施工现场安全监督十八年，熟悉危大工程专项方案论证和安全生产标准化考评。',
    },
  },
];

/**
 * 专家智库: four verified experts and one application waiting for reviewer@; public questions of gc@ and gc2@ with
 * accepted, rated answers, one still open; gc@'s private consultation of the lawyer at his fee, answered.
 */
export async function seedExpertsDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const reviewer = await demoActor(ctx, 'reviewer@example.com', ['reviewer']);
  const ids = new Map<string, string>();
  for (const e of EXPERTS) {
    await createUserDirect(ctx, { identifier: e.email, password: DEMO_PASSWORD, displayName: e.profile.name });
    const actor = await demoActor(ctx, e.email);
    const certificate = await uploadCertificate(ctx, actor, `${e.profile.name}-资格证书.pdf`, CERTIFICATE);
    const application = await apply(ctx, actor, { ...e.profile, certificateFileIds: [certificate.id] });
    ids.set(e.email, application.id);
    if (e.verify)
      await decideApplication(ctx, reviewer, application.id, {
        decision: 'verified',
        reason: '职称证书、执业资格与工作单位经核验一致',
      });
    logins.push({
      who: `${e.profile.name}（专家${e.verify ? '' : '·待审核'}）`,
      identifier: e.email,
      password: DEMO_PASSWORD,
    });
  }

  const gc = await demoActor(ctx, 'gc@example.com');
  const gc2 = await demoActor(ctx, 'gc2@example.com');
  const sub = await demoActor(ctx, 'sub@example.com');
  const cost = await demoActor(ctx, 'expert.cost@example.com');
  const structure = await demoActor(ctx, 'expert.structure@example.com');
  const legal = await demoActor(ctx, 'expert.legal@example.com');

  const steel = await ask(ctx, gc, gc.activeOrgId as string, {
    visibility: 'public',
    expertId: null,
    speciality: 'cost',
    title: '钢筋价格大幅上涨，固定单价合同能否调整价款？',
    body: '我司承建的住宅项目为固定综合单价合同，开工后螺纹钢价格上涨约 18%。合同约定主要材料价格波动超过 5% 的部分可调，但业主认为应按投标时的信息价为基准。请问基准价应如何确定？',
  });
  const steelAnswer = await answer(
    ctx,
    cost,
    steel,
    '1. 先看专用条款：约定了基准价的按约定；未约定的，一般以投标截止日前 28 天的造价管理机构发布的信息价为基准。\n2. 涨幅超过 5% 的部分按实调整，调整时应扣除承包人在投标报价中已考虑的风险幅度。\n3. 建议按月收集信息价和采购发票，及时提交价格调整申请，逾期可能被视为放弃。',
  );
  const steelSecond = await answer(
    ctx,
    structure,
    steel,
    '从技术角度补充：如条件允许，可与设计单位沟通用 HRB500 代换部分 HRB400 钢筋以减少用量，需经设计确认并办理变更。',
  );
  await accept(ctx, gc, steel, steelAnswer);
  await rate(ctx, gc, steel, steelAnswer, { stars: 5, text: '依据清楚，已按建议提交调价申请。' });
  await rate(ctx, gc, steel, steelSecond, { stars: 4, text: '思路有用。' });

  const pit = await ask(ctx, gc2, gc2.activeOrgId as string, {
    visibility: 'public',
    expertId: null,
    speciality: 'geotechnical',
    title: '软土地区 8 米深基坑，支护选型怎么比较经济？',
    body: '项目位于杭州城东，场地为淤泥质黏土，基坑开挖深度约 8 米，周边 15 米处有多层住宅。设计给出钻孔灌注桩加一道内支撑和 SMW 工法桩两个方案，想了解哪个更经济、风险更可控。',
  });
  const pitAnswer = await answer(
    ctx,
    structure,
    pit,
    '8 米深、软土、周边有浅基础住宅，变形控制是关键。SMW 工法桩型钢可回收，造价通常低 15%–25%，但在淤泥质土中止水和刚度稍弱；灌注桩加内支撑变形更可控。建议按周边建筑的允许沉降反算控制标准，若要求严格，选灌注桩方案，并做好监测预警值。',
  );
  await accept(ctx, gc2, pit, pitAnswer);
  await rate(ctx, gc2, pit, pitAnswer, { stars: 4, text: '分析到位，监测建议很实用。' });

  await ask(ctx, sub, sub.activeOrgId as string, {
    visibility: 'public',
    expertId: null,
    speciality: 'safety',
    title: '高支模专项方案需要专家论证的范围怎么判断？',
    body: '我们承接的厂房项目有一段屋面梁搭设高度 7.5 米，施工总荷载约 12 kN/㎡，是否属于超过一定规模的危大工程，需要组织专家论证？',
  });

  const consultation = await ask(ctx, gc, gc.activeOrgId as string, {
    visibility: 'private',
    expertId: ids.get('expert.legal@example.com') as string,
    speciality: 'legal',
    title: '分包单位以签证未盖章为由拒绝结算，怎么处理？',
    body: '我司与劳务分包单位结算时，对方认为部分现场签证只有项目经理签字、没有盖公章，不予认可，但这些签证的工程量已实际发生。想了解签证效力和后续处理方式。',
  });
  await answer(
    ctx,
    legal,
    consultation,
    '签证单虽未加盖公章，但由贵司授权的项目经理签字确认，并有监理签认、现场照片、施工日志等佐证的，可以作为结算依据。建议：1. 汇总证据形成签证台账；2. 书面函告对方限期确认；3. 协商不成可申请造价鉴定。具体证据清单可另行沟通。',
  );
  return logins;
}
