import type { DemandDraft, DemandType } from '@zhuhe/contracts';
import { findRegionInText } from '../regions';

/**
 * 招标文件解析 finds the fields of a demand in the text of a tender notice. Chinese tender notices follow the
 * model texts of the 标准施工招标文件 closely (项目名称, 建设地点, 招标控制价, 资质要求, 投标截止时间), so labelled
 * patterns find most fields; whatever is not found stays empty for the user to fill in.
 */
type Fields = DemandDraft['fields'];

const GRADES = ['特级', '一级', '二级', '三级', '甲级', '乙级'] as const;
const TRADES = [
  '钢结构',
  '幕墙',
  '基坑支护',
  '桩基',
  '土方',
  '劳务',
  '机电安装',
  '消防',
  '装饰装修',
  '防水',
  '园林绿化',
  '市政',
];
const GOODS = ['钢筋', '商品混凝土', '混凝土', '水泥', '型钢', '塔吊', '挖掘机', '汽车吊', '脚手架', '电缆'];

function labelled(text: string, labels: readonly string[]): string | undefined {
  for (const label of labels) {
    // a scan's colon is often read as ; or , (OCR), so any one or two of those separate the label from its value
    const m = text.match(new RegExp(`${label}\\s*[：:；;，,.]{1,2}\\s*([^\\n]{2,120})`, 'u'));
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

/** Amount in fen from "2860万元", "28,600,000.00元", "1.2亿元". */
export function parseAmountFen(text: string): number | undefined {
  const m = text.match(/([\d][\d,，]*(?:\.\d+)?)\s*(亿元|万元|元)/u);
  if (!m?.[1] || !m[2]) return undefined;
  const value = Number(m[1].replace(/[,，]/g, ''));
  if (!Number.isFinite(value)) return undefined;
  const yuan = m[2] === '亿元' ? value * 1e8 : m[2] === '万元' ? value * 1e4 : value;
  const fen = Math.round(yuan * 100);
  return fen > 0 && fen <= 1e15 ? fen : undefined;
}

/** YYYY-MM-DD from "2026年12月18日", "2026-12-18" or "2026/12/18". */
export function parseDate(text: string): string | undefined {
  const m = text.match(/(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/u);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export type TenderField = keyof Fields;

/**
 * How sure the rule that found a field is: `labelled` — read after its own label (项目名称：…, 招标控制价：…), so
 * only the reading of the characters can be wrong; `inferred` — guessed from a heading or the running text.
 */
export type RuleCertainty = 'labelled' | 'inferred';

export interface ParsedTender {
  fields: Fields;
  found: TenderField[];
  rules: Partial<Record<TenderField, RuleCertainty>>;
  /** the text each field was read from (a line or a phrase), so OCR can tell how well that text was recognised */
  evidence: Partial<Record<TenderField, string>>;
}

export function parseTender(raw: string): ParsedTender {
  // Text from PDFs often breaks lines mid-sentence; keep line breaks but drop stray spaces between Chinese.
  const text = raw
    .replace(/\r/g, '')
    .replace(/(\p{Script=Han})[ \t]+(?=\p{Script=Han})/gu, '$1')
    .replace(/[ \t]+/g, ' ');
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const fields: Fields = {};
  const rules: ParsedTender['rules'] = {};
  const evidence: ParsedTender['evidence'] = {};
  const from = (field: TenderField, rule: RuleCertainty, source: string | undefined) => {
    rules[field] = rule;
    if (source) evidence[field] = source;
  };

  const labelledName = labelled(text, ['项目名称', '工程名称', '招标项目名称']);
  const projectName =
    labelledName ??
    text.match(/本招标项目\s*([^\n，,。]{4,60}?)\s*(?:已由|已经)/u)?.[1] ??
    lines.find((l) => /(工程|项目)$/u.test(l) && l.length <= 60);
  if (projectName) {
    fields.projectName = projectName.replace(/[。；;，,]+$/u, '').slice(0, 100);
    from('projectName', labelledName ? 'labelled' : 'inferred', projectName);
  }

  const heading = lines.find((l) => /(招标公告|招标文件|采购公告|询价|比选公告)/u.test(l) && l.length <= 60);
  const subject = heading?.replace(/(招标公告|招标文件|采购公告|比选公告)$/u, '').trim();
  if (projectName || subject) {
    const title = [fields.projectName, subject].filter(Boolean).join(' ');
    fields.title = title.slice(0, 100);
    from('title', 'inferred', heading ?? projectName);
  }

  const typeSource = `${heading ?? ''}\n${text.slice(0, 2000)}`;
  const type: DemandType | undefined = /分包/u.test(typeSource)
    ? 'subcontract'
    : /(采购|租赁|供货|供应)/u.test(typeSource)
      ? 'procurement'
      : undefined;
  if (type) {
    fields.type = type;
    from('type', 'inferred', heading);
  }
  const trade = TRADES.find((t) => typeSource.includes(t));
  const goods = GOODS.find((g) => typeSource.includes(g));
  if (type === 'subcontract' && trade) fields.category = `${trade}分包`;
  else if (type === 'procurement' && goods)
    fields.category = /租赁/u.test(typeSource) ? `${goods}租赁` : `${goods}采购`;
  if (fields.category) from('category', 'inferred', heading);

  const budgetLine = labelled(text, [
    '招标控制价',
    '最高投标限价',
    '最高限价',
    '控制价',
    '预算金额',
    '项目预算',
    '采购预算',
    '估算价',
  ]);
  const budget = budgetLine ? parseAmountFen(budgetLine) : undefined;
  if (budget !== undefined) {
    fields.budgetFen = budget;
    from('budgetFen', 'labelled', budgetLine);
  }

  const labelledDeadline = labelled(text, [
    '投标截止时间',
    '递交截止时间',
    '响应文件递交截止时间',
    '报名截止时间',
    '截止时间',
  ]);
  const deadlineLine = labelledDeadline ?? text.match(/截止时间[^\n]{0,20}/u)?.[0];
  const deadline = deadlineLine ? parseDate(deadlineLine) : undefined;
  if (deadline) {
    fields.deadline = deadline;
    from('deadline', labelledDeadline ? 'labelled' : 'inferred', deadlineLine);
  }

  const qualification = text.match(
    /具[备有]\s*([\p{Script=Han}（）()]{2,30}?)\s*(特级|一级|二级|三级|甲级|乙级)\s*(?:及以上|或以上)?\s*(?:资质|资格)/u,
  );
  if (qualification?.[1] && qualification[2]) {
    fields.qualificationKind = qualification[1].replace(/^(有效的|相应的)/u, '').slice(0, 50);
    fields.qualificationGrade = qualification[2] as (typeof GRADES)[number];
    from('qualificationKind', 'labelled', qualification[0]);
    from('qualificationGrade', 'labelled', qualification[0]);
  }

  const site = labelled(text, ['建设地点', '项目地点', '工程地点', '项目地址', '施工地点', '交货地点', '供货地点']);
  if (site) {
    fields.siteAddress = site.replace(/[\s，,。；;：:]+$/u, '').slice(0, 200);
    from('siteAddress', 'labelled', site);
  }
  const region = findRegionInText(site ?? text.slice(0, 3000));
  if (region) {
    fields.regionCode = region.code;
    from('regionCode', site ? 'labelled' : 'inferred', site);
  }

  const scope = labelled(text, ['招标范围', '采购内容', '工程规模', '采购范围']);
  const scale = labelled(text, ['工程规模', '建设规模']);
  const description = [scope, scale && scale !== scope ? scale : undefined].filter(Boolean).join('\n');
  if (description) {
    fields.description = description.slice(0, 5000);
    from('description', 'labelled', scope ?? scale);
  }

  const order = [
    'title',
    'projectName',
    'type',
    'category',
    'budgetFen',
    'deadline',
    'qualificationKind',
    'qualificationGrade',
    'regionCode',
    'siteAddress',
    'description',
  ] as const;
  return { fields, found: order.filter((k) => fields[k] !== undefined), rules, evidence };
}
