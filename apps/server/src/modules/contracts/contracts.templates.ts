import type { ContractKind } from '@zhuhe/contracts';

export type FieldType = 'text' | 'textarea' | 'money' | 'date' | 'percent' | 'integer';
export interface TemplateField {
  key: string;
  label: { 'zh-CN': string; en: string };
  type: FieldType;
  required: boolean;
}
export interface ContractTemplateDef {
  kind: ContractKind;
  /** bump when the clauses change; contracts keep the version they were made with */
  version: number;
  title: { 'zh-CN': string; en: string };
  fields: TemplateField[];
  /** clause paragraphs with {{field}} placeholders, after the parties block */
  clauses: string[];
}

const f = (key: string, zh: string, en: string, type: FieldType, required = true): TemplateField => ({
  key,
  label: { 'zh-CN': zh, en },
  type,
  required,
});

/** 工程量清单 the priced bill of quantities, filled when the contract comes from a tender award. */
const BOQ_FIELD = (): TemplateField =>
  f('billOfQuantities', '工程量清单（中标价）', 'Priced bill of quantities', 'textarea', false);
/** A clause starting with `?` appears only when its fields have values. */
const BOQ_CLAUSE = '?附件 工程量清单（中标价）：\n{{billOfQuantities}}';

const COMMON_TAIL = [
  '争议解决：因本合同引起的争议，双方应协商解决；协商不成的，提交{{disputeVenue}}解决。双方同意先通过筑合平台在线调解。',
  '电子签署：本合同以电子形式订立，经双方授权签署人通过身份核验后加盖电子印章（数字签名）生效，与纸质合同具有同等法律效力。合同文本及签署记录已记入筑合存证日志，可在平台公开验证页核验。',
];

/** Templates after the structure of the national model texts (e.g. GF-2017-0201), shortened to their core terms. */
export const CONTRACT_TEMPLATES: Record<ContractKind, ContractTemplateDef> = {
  subcontract: {
    kind: 'subcontract',
    version: 1,
    title: { 'zh-CN': '建设工程专业分包合同', en: 'Construction subcontract' },
    fields: [
      f('projectName', '工程名称', 'Project name', 'text'),
      f('projectLocation', '工程地点', 'Project location', 'text'),
      f('scope', '分包范围及内容', 'Scope of the subcontract', 'textarea'),
      f('amountFen', '合同价款（元）', 'Contract price (CNY)', 'money'),
      f('startDate', '计划开工日期', 'Planned start', 'date'),
      f('endDate', '计划竣工日期', 'Planned completion', 'date'),
      f('advanceBp', '预付款比例', 'Advance payment', 'percent'),
      f('retentionBp', '质量保证金比例', 'Retention', 'percent'),
      f('paymentTerms', '进度款支付方式', 'Progress payment terms', 'textarea'),
      f('qualityStandard', '质量标准', 'Quality standard', 'text'),
      f('disputeVenue', '争议解决机构', 'Dispute venue', 'text'),
      BOQ_FIELD(),
    ],
    clauses: [
      '第一条 工程概况：工程名称 {{projectName}}；工程地点 {{projectLocation}}。',
      '第二条 分包范围：{{scope}}',
      '第三条 合同价款：本合同价款为人民币 {{amountFen}}（含税），为固定总价，除经双方书面确认的变更外不作调整。',
      '第四条 工期：计划开工日期 {{startDate}}，计划竣工日期 {{endDate}}。因乙方原因延误工期的，按每日合同价款的万分之五向甲方支付违约金。',
      '第五条 预付款与进度款：甲方在合同生效后支付合同价款的 {{advanceBp}} 作为预付款；进度款支付方式：{{paymentTerms}}。款项经筑合平台资金监管账户按节点支付。',
      '第六条 质量与保修：工程质量应达到 {{qualityStandard}}；甲方按结算价款的 {{retentionBp}} 预留质量保证金，缺陷责任期满后无息返还。',
      '第七条 农民工工资：乙方应按月足额支付农民工工资，人工费通过农民工工资专用账户发放。',
      '第八条 安全文明施工：乙方应遵守国家及地方安全生产规定，承担其施工范围内的安全责任。',
      ...COMMON_TAIL,
      BOQ_CLAUSE,
    ],
  },
  purchase: {
    kind: 'purchase',
    version: 1,
    title: { 'zh-CN': '建筑材料采购合同', en: 'Building materials purchase contract' },
    fields: [
      f('projectName', '使用工程', 'Project', 'text'),
      f('goods', '货物名称、规格及数量', 'Goods, specification and quantity', 'textarea'),
      f('amountFen', '合同总价（元）', 'Total price (CNY)', 'money'),
      f('deliveryPlace', '交货地点', 'Place of delivery', 'text'),
      f('deliveryDate', '交货日期', 'Delivery date', 'date'),
      f('qualityStandard', '质量标准', 'Quality standard', 'text'),
      f('paymentTerms', '付款方式', 'Payment terms', 'textarea'),
      f('disputeVenue', '争议解决机构', 'Dispute venue', 'text'),
      BOQ_FIELD(),
    ],
    clauses: [
      '第一条 标的：{{goods}}，用于 {{projectName}}。',
      '第二条 价款：合同总价为人民币 {{amountFen}}（含税、含运费），单价在合同有效期内不作调整。',
      '第三条 交货：乙方于 {{deliveryDate}} 前将货物运至 {{deliveryPlace}}，随货提供出厂合格证、质量证明书及检测报告。',
      '第四条 质量与验收：货物应符合 {{qualityStandard}}；甲方在到货后 3 个工作日内组织验收，抽检不合格的，乙方负责退换并承担费用。',
      '第五条 付款：{{paymentTerms}}。款项经筑合平台资金监管账户支付。',
      '第六条 违约责任：乙方逾期交货的，每日按未交货部分价款的千分之一支付违约金；甲方逾期付款的，每日按应付未付款项的万分之五支付违约金。',
      ...COMMON_TAIL,
      BOQ_CLAUSE,
    ],
  },
  lease: {
    kind: 'lease',
    version: 1,
    title: { 'zh-CN': '施工机械设备租赁合同', en: 'Construction equipment lease' },
    fields: [
      f('projectName', '使用工程', 'Project', 'text'),
      f('equipment', '设备名称、型号及数量', 'Equipment, model and quantity', 'textarea'),
      f('leaseStart', '租赁开始日期', 'Lease start', 'date'),
      f('leaseEnd', '租赁结束日期', 'Lease end', 'date'),
      f('amountFen', '租金总额（元）', 'Total rent (CNY)', 'money'),
      f('depositFen', '押金（元）', 'Deposit (CNY)', 'money', false),
      f('operatorTerms', '操作人员及维保约定', 'Operators and maintenance', 'textarea'),
      f('disputeVenue', '争议解决机构', 'Dispute venue', 'text'),
      BOQ_FIELD(),
    ],
    clauses: [
      '第一条 租赁设备：{{equipment}}，用于 {{projectName}}。',
      '第二条 租期：自 {{leaseStart}} 起至 {{leaseEnd}} 止。',
      '第三条 租金与押金：租金总额为人民币 {{amountFen}}，押金为人民币 {{depositFen}}，租赁期满设备完好归还后押金无息退还。',
      '第四条 进出场与安装：设备进出场、安装拆卸及检测由乙方负责，须取得特种设备使用登记。',
      '第五条 操作与维保：{{operatorTerms}}',
      '第六条 安全：甲方应按操作规程使用设备，不得超载、违章作业。',
      ...COMMON_TAIL,
      BOQ_CLAUSE,
    ],
  },
};
