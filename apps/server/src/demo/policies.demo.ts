import type { CreatePolicyBody } from '@zhuhe/contracts';
import type { AppContext } from '../infra/context';
import {
  createPolicy,
  notifySubscribers,
  policyDetail,
  publishPolicy,
  subscribe,
  updatePolicy,
  withdrawPolicy,
} from '../modules/policies';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

/**
 * The texts are short generic summaries written for the demo, not official text; where the document number is
 * not that of a real document it is marked 示例. The official text published by the issuing authority prevails.
 */
const NOTE = '（演示摘要，非官方全文；以发文机关公布的文本为准。）';

type DemoPolicy = Omit<CreatePolicyBody, 'pdfFileId' | 'expiryDate' | 'regionCode' | 'tags' | 'docNumber'> & {
  docNumber?: string;
  expiryDate?: string | null;
  regionCode?: string | null;
  tags?: string[];
};

const POLICIES: DemoPolicy[] = [
  {
    title: '保障农民工工资支付条例',
    issuer: '国务院',
    docNumber: '国务院令第724号',
    issueDate: '2019-12-30',
    effectiveDate: '2020-05-01',
    category: 'wages',
    tags: ['农民工工资', '工资专用账户', '实名制'],
    fullText: `条例对工程建设领域农民工工资支付作出专门规定：人工费用与其他工程款分账管理、农民工工资专用账户、施工总承包单位代发工资、工资保证金和维权信息公示等。${NOTE}`,
    keyPoints:
      '1. 建设单位按约定将人工费用及时足额拨付到工资专用账户\n2. 施工总承包单位对分包单位的农民工工资支付负总责，可代发工资\n3. 推行实名制管理和工资保证金制度',
    impact: '总承包单位需开设工资专用账户、按月代发工资并保存考勤与工资支付台账；拖欠工资将影响信用记录。',
    affected: '建设单位、施工总承包单位、专业分包和劳务分包企业、农民工本人',
  },
  {
    title: '工程建设领域农民工工资专用账户管理办法（示例）',
    issuer: '人力资源社会保障部 等',
    docNumber: '人社部发〔2021〕示例01号',
    issueDate: '2021-07-07',
    effectiveDate: '2021-07-07',
    category: 'wages',
    tags: ['工资专用账户', '农民工工资'],
    fullText: `规定工资专用账户的开立、使用、撤销和监管：按工程项目开立，专款专用，不得因争议冻结或划拨。${NOTE}`,
    keyPoints: '1. 以工程项目为单位开立专用账户\n2. 账户资金专门用于支付农民工工资\n3. 工程完工且无拖欠后方可撤销',
    impact: '项目开工前须完成开户备案；银行按月向监管部门推送账户流水。',
    affected: '施工总承包单位、开户银行、各地人社部门',
  },
  {
    title: '建筑业企业资质管理规定',
    issuer: '住房和城乡建设部',
    docNumber: '住房和城乡建设部令第22号',
    issueDate: '2015-01-22',
    effectiveDate: '2015-03-01',
    category: 'qualification',
    tags: ['资质', '建筑业企业'],
    fullText: `规定建筑业企业资质的申请、许可、延续、变更和监督管理，资质分为施工总承包、专业承包和施工劳务三个序列。${NOTE}`,
    keyPoints:
      '1. 企业须取得相应资质后方可在许可范围内承揽工程\n2. 资质证书有效期届满前需申请延续\n3. 发生重大质量安全事故的企业资质将受到处理',
    impact: '承揽工程前须核对资质类别与等级；分包时须核验分包单位资质。',
    affected: '施工总承包、专业承包和施工劳务企业',
  },
  {
    title: '建设工程企业资质管理制度改革方案',
    issuer: '住房和城乡建设部',
    docNumber: '建市〔2020〕94号',
    issueDate: '2020-11-30',
    effectiveDate: '2020-11-30',
    category: 'qualification',
    tags: ['资质改革', '资质压减'],
    fullText: `大幅压减企业资质类别和等级，放宽准入限制，加强事中事后监管。${NOTE}`,
    keyPoints: '1. 压减资质类别和等级\n2. 施工劳务资质改为专业作业资质备案\n3. 强化个人执业资格管理',
    impact: '企业资质将按新标准换证；部分专业承包资质合并。',
    affected: '勘察、设计、施工、监理企业',
  },
  {
    title: '关于加快推进实施工程担保制度的指导意见',
    issuer: '住房和城乡建设部 等',
    docNumber: '建市〔2019〕68号',
    issueDate: '2019-06-20',
    effectiveDate: '2019-06-20',
    category: 'payment',
    tags: ['工程款支付担保', '履约担保', '保函'],
    fullText: `推行银行保函替代保证金，加快推行投标担保、履约担保、工程质量保证担保和农民工工资支付担保，实行工程款支付担保。${NOTE}`,
    keyPoints:
      '1. 推行以银行保函替代现金保证金\n2. 建设单位要求施工单位提供履约担保的，应同时提供工程款支付担保\n3. 担保额度与合同额相匹配',
    impact: '施工企业可用保函释放被占用的现金；发包方需提供对等的工程款支付担保。',
    affected: '建设单位、施工企业、银行和担保机构',
  },
  {
    title: '绿色建筑创建行动方案',
    issuer: '住房和城乡建设部 等',
    docNumber: '建标〔2020〕65号',
    issueDate: '2020-07-15',
    effectiveDate: '2020-07-15',
    category: 'green',
    tags: ['绿色建筑', '节能'],
    fullText: `提出到2022年当年城镇新建建筑中绿色建筑面积占比达到70%等目标，推动新建建筑全面执行绿色建筑标准。${NOTE}`,
    keyPoints: '1. 提高城镇新建建筑中绿色建筑占比\n2. 推广装配化建造和绿色建材\n3. 加强绿色建筑标识管理',
    impact: '设计和施工需按绿色建筑标准组织；绿色建材采购比例提高。',
    affected: '建设单位、设计单位、施工企业、建材供应商',
  },
  {
    title: '必须招标的工程项目规定',
    issuer: '国家发展和改革委员会',
    docNumber: '国家发展改革委令第16号',
    issueDate: '2018-03-27',
    effectiveDate: '2018-06-01',
    category: 'bidding',
    tags: ['招标', '依法必须招标'],
    fullText: `规定全部或部分使用国有资金投资或国家融资的项目等必须招标的范围和规模标准。${NOTE}`,
    keyPoints:
      '1. 明确必须招标的项目范围\n2. 施工单项合同估算价400万元人民币以上的必须招标\n3. 不得将项目化整为零规避招标',
    impact: '国有资金项目需核对规模标准，达到标准的须依法招标。',
    affected: '国有资金投资项目的建设单位、招标代理机构、投标企业',
  },
  {
    title: '关于规范招标投标领域信用评价应用的通知（示例）',
    issuer: '国家发展和改革委员会',
    docNumber: '发改法规〔2025〕示例02号',
    issueDate: '2025-09-01',
    effectiveDate: '2025-10-01',
    category: 'bidding',
    tags: ['信用评价', '招标投标'],
    fullText: `要求各地规范信用评价在招标投标中的应用，不得以信用评价设置不合理的地域限制。${NOTE}`,
    keyPoints: '1. 信用评价结果全国互认\n2. 禁止以本地信用作为投标门槛\n3. 评价标准公开',
    impact: '外地企业投标不再因缺少本地信用记录被排除。',
    affected: '招标人、招标代理机构、跨地区投标企业',
  },
  {
    title: '浙江省建筑业农民工工资保证金管理实施细则（示例）',
    issuer: '浙江省住房和城乡建设厅',
    docNumber: '浙建〔2025〕示例03号',
    issueDate: '2025-06-01',
    effectiveDate: '2025-07-01',
    regionCode: '330000',
    category: 'wages',
    tags: ['工资保证金', '农民工工资', '银行保函'],
    fullText: `规定省内施工总承包单位按工程合同额的一定比例存储工资保证金，可用银行保函替代。${NOTE}`,
    keyPoints: '1. 按合同额比例存储工资保证金\n2. 连续两年无拖欠的可降低比例',
    impact: '在浙江省内承接工程的总承包单位需在开工前存储保证金。',
    affected: '在浙江省内承接房屋建筑和市政工程的施工总承包企业',
  },
  {
    title: '江苏省绿色建筑发展条例',
    issuer: '江苏省人民代表大会常务委员会',
    docNumber: '',
    issueDate: '2015-03-27',
    effectiveDate: '2015-07-01',
    regionCode: '320000',
    category: 'green',
    tags: ['绿色建筑', '地方性法规'],
    fullText: `江苏省在全省范围推进绿色建筑发展的地方性法规，规定新建民用建筑的绿色建筑标准要求和各方责任。${NOTE}`,
    keyPoints: '1. 新建民用建筑按绿色建筑标准规划、设计、建设\n2. 明确建设、设计、施工、监理单位责任',
    impact: '在江苏省内的新建民用建筑项目需满足绿色建筑标准并接受验收。',
    affected: '在江苏省内开展民用建筑建设的建设、设计、施工和监理单位',
  },
  {
    title: '广东省工程款支付担保实施办法（示例）',
    issuer: '广东省住房和城乡建设厅',
    docNumber: '粤建〔2024〕示例04号',
    issueDate: '2024-03-01',
    effectiveDate: '2024-04-01',
    expiryDate: '2029-03-31',
    regionCode: '440000',
    category: 'payment',
    tags: ['工程款支付担保', '保函'],
    fullText: `规定省内房屋建筑和市政工程项目工程款支付担保的提供方式、额度和索赔程序。${NOTE}`,
    keyPoints: '1. 建设单位提供工程款支付担保\n2. 担保额度不低于合同约定的单笔最大付款额',
    impact: '施工企业可凭担保在拖欠时向担保方索赔。',
    affected: '在广东省内承接工程的施工企业、建设单位',
  },
  {
    title: '四川省房屋市政工程安全生产标准化管理办法（示例）',
    issuer: '四川省住房和城乡建设厅',
    docNumber: '川建〔2025〕示例05号',
    issueDate: '2025-04-10',
    effectiveDate: '2025-05-01',
    regionCode: '510000',
    category: 'safety',
    tags: ['安全生产', '标准化'],
    fullText: `要求省内在建房屋市政工程开展安全生产标准化考评，考评结果与企业信用挂钩。${NOTE}`,
    keyPoints: '1. 在建项目开展安全生产标准化考评\n2. 考评不合格的项目限期整改',
    impact: '项目部需按标准化要求整理安全台账，考评结果影响投标信用分。',
    affected: '在四川省内施工的总承包企业及项目部',
  },
];

/**
 * 政策库 demo: twelve policies of 国务院, 住建部, 发改委, 人社部 and provinces, written and published by admin@ (who
 * holds the editor role); the Zhejiang one has two versions, the Guangdong one is withdrawn (废止). gc@ subscribes
 * to Zhejiang before it is published and has the notification.
 */
export async function seedPoliciesDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const editor = await demoActor(ctx, 'admin@example.com', ['editor']);
  const gc = await demoActor(ctx, 'gc@example.com');
  const ids = new Map<string, string>();
  for (const p of POLICIES) {
    // gc@ subscribes to Zhejiang just before the Zhejiang policy is published (after the earlier ones)
    if (p.regionCode === '330000') await subscribe(ctx, gc, { regionCode: '330000', category: null, keyword: null });
    const body: CreatePolicyBody = {
      ...p,
      docNumber: p.docNumber ?? '',
      expiryDate: p.expiryDate ?? null,
      regionCode: p.regionCode ?? null,
      tags: p.tags ?? [],
      pdfFileId: null,
    };
    const id = await createPolicy(ctx, editor, body);
    await publishPolicy(ctx, editor, id);
    ids.set(p.title, id);
  }
  const zhejiang = POLICIES.find((p) => p.regionCode === '330000') as DemoPolicy;
  const zhejiangId = ids.get(zhejiang.title) as string;
  const current = await policyDetail(ctx, zhejiangId, true);
  await updatePolicy(ctx, editor, zhejiangId, {
    ...current.current,
    pdfFileId: null,
    keyPoints: `${zhejiang.keyPoints}\n3. 工资保证金可用银行保函替代`,
    impact: '在浙江省内承接工程的总承包单位需在开工前存储保证金，或提交银行保函。',
    revision: current.revision,
    changeNote: '补充：可用银行保函替代现金保证金',
  });
  // gc@ is told now (the after-commit delivery of the same event finds the notice already given)
  await notifySubscribers(ctx, zhejiangId);
  const guangdong = ids.get('广东省工程款支付担保实施办法（示例）') as string;
  await withdrawPolicy(ctx, editor, guangdong, '示例：已被新发布的省级工程担保管理办法替代');
  return [];
}
