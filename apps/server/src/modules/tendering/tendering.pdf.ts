import type { PrequalReport } from '@zhuhe/contracts';
import { PdfWriter } from '../../infra/pdf/pdf-writer';

/** ¥1,234,567.89 from integer fen. */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** Points kept as hundredths, shown with two decimals. */
export function points(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

/** 2026-11-22 14:30:05 in Asia/Shanghai. */
export function shanghaiTime(at: Date | string): string {
  return new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export interface OpeningRecordDoc {
  tenderId: string;
  title: string;
  buyerName: string;
  tenderVersion: number;
  deadline: string;
  openedAt: string;
  bids: {
    bidderName: string;
    envelopeSha256: string;
    status: string;
    confirmedVersion: number;
    valid: boolean;
    invalidReason: { 'zh-CN': string; en: string } | null;
    totalFen: number | null;
  }[];
}

/** 开标记录 the bid opening record. */
export async function renderOpeningPdf(doc: OpeningRecordDoc): Promise<Buffer> {
  const pdf = await PdfWriter.create({ title: `开标记录 ${doc.title}` });
  pdf.heading('开标记录');
  pdf.text(`招标项目：${doc.title}（编号 ${doc.tenderId}）`);
  pdf.text(`招标人：${doc.buyerName}`);
  pdf.text(`招标文件版本：第 ${doc.tenderVersion} 版（含补遗）`);
  pdf.text(`投标截止时间：${shanghaiTime(doc.deadline)}（北京时间）`);
  pdf.text(`开标时间：${shanghaiTime(doc.openedAt)}（北京时间，以数据库时钟为准）`);
  pdf.space();
  pdf.table(
    [
      { title: '投标人', width: 0.24 },
      { title: '投标报价', width: 0.16 },
      { title: '确认版本', width: 0.1 },
      { title: '有效性', width: 0.2 },
      { title: '密封投标文件哈希 (SHA-256)', width: 0.3 },
    ],
    doc.bids.map((b) => [
      b.bidderName,
      b.totalFen === null ? '—' : yuan(b.totalFen),
      `第 ${b.confirmedVersion} 版`,
      b.valid ? '有效' : `无效：${b.invalidReason?.['zh-CN'] ?? ''}`,
      b.envelopeSha256,
    ]),
  );
  pdf.text('说明：投标文件在截止前以招标专用公钥加密保存，私钥仅在截止时间后由数据库释放。各投标人可凭回执哈希核对。', {
    size: 9,
  });
  return pdf.save();
}

export interface EvaluationDoc {
  tenderId: string;
  title: string;
  buyerName: string;
  weights: { price: number; technical: number; credit: number; performance: number };
  finalisedAt: string;
  evaluators: string[];
  rows: {
    rank: number;
    bidderName: string;
    totalFen: number;
    price: number;
    technical: number;
    credit: number;
    performance: number;
    total: number;
  }[];
  history: { bidderName: string; evaluatorName: string; score: number; note: string; createdAt: string }[];
}

/** 评分表 the scoring table and ranking, with every score entered and changed. */
export async function renderEvaluationPdf(doc: EvaluationDoc): Promise<Buffer> {
  const pdf = await PdfWriter.create({ title: `评分表 ${doc.title}` });
  pdf.heading('评标报告：评分表及排名');
  pdf.text(`招标项目：${doc.title}（编号 ${doc.tenderId}）`);
  pdf.text(`招标人：${doc.buyerName}`);
  pdf.text(
    `权重：价格 ${doc.weights.price} 分，技术 ${doc.weights.technical} 分，信用 ${doc.weights.credit} 分，业绩 ${doc.weights.performance} 分`,
  );
  pdf.text('价格分 = 价格权重 × 最低有效报价 ÷ 本投标报价；技术分 = 技术权重 × 评标专家评分平均值 ÷ 100。', {
    size: 9,
  });
  pdf.text(`评标专家：${doc.evaluators.join('、')}`);
  pdf.text(`定稿时间：${shanghaiTime(doc.finalisedAt)}（北京时间）`);
  pdf.space();
  pdf.table(
    [
      { title: '排名', width: 0.07 },
      { title: '投标人', width: 0.25 },
      { title: '报价', width: 0.17 },
      { title: '价格', width: 0.1 },
      { title: '技术', width: 0.1 },
      { title: '信用', width: 0.1 },
      { title: '业绩', width: 0.1 },
      { title: '总分', width: 0.11 },
    ],
    doc.rows.map((r) => [
      String(r.rank),
      r.bidderName,
      yuan(r.totalFen),
      points(r.price),
      points(r.technical),
      points(r.credit),
      points(r.performance),
      points(r.total),
    ]),
  );
  pdf.heading('评分记录（含修改）', 12);
  pdf.table(
    [
      { title: '时间', width: 0.24 },
      { title: '评标专家', width: 0.16 },
      { title: '投标人', width: 0.26 },
      { title: '技术评分', width: 0.1 },
      { title: '说明', width: 0.24 },
    ],
    doc.history.map((h) => [shanghaiTime(h.createdAt), h.evaluatorName, h.bidderName, String(h.score), h.note || '—']),
  );
  return pdf.save();
}

/** 预审报告 prequalification report of one bidder. */
export async function renderPrequalPdf(title: string, report: PrequalReport): Promise<Buffer> {
  const pdf = await PdfWriter.create({ title: `资格预审报告 ${report.bidderName}` });
  const names = { qualification: '资质', credit: '信用等级', performance: '平台履约业绩', verification: '实名核验' };
  pdf.heading('资格预审报告');
  pdf.text(`招标项目：${title}（编号 ${report.tenderId}）`);
  pdf.text(`投标人：${report.bidderName}`);
  pdf.text(`资质要求：${report.requirement.kind || '不限类别'}，${report.requirement.grade}`);
  pdf.text(`审查时间：${shanghaiTime(report.checkedAt)}（北京时间）`);
  pdf.space();
  pdf.table(
    [
      { title: '审查项', width: 0.2 },
      { title: '结果', width: 0.12 },
      { title: '说明', width: 0.68 },
    ],
    report.checks.map((c) => [names[c.key], c.passed ? '通过' : '不通过', c.detail['zh-CN']]),
  );
  pdf.text(`结论：${report.result === 'passed' ? '通过资格预审' : '未通过资格预审'}`, { size: 13 });
  for (const r of report.reasons) pdf.text(`· ${r['zh-CN']}`);
  return pdf.save();
}
