import { shanghaiDateTime } from '../../infra/calendar/working-days';
import { PdfWriter } from '../../infra/pdf/pdf-writer';

export function yuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export interface ReceiptDocument {
  receiptNo: string;
  period: string;
  orgName: string;
  creditCode: string;
  issuedAt: Date;
  lines: {
    date: string;
    item: string;
    description: string;
    quantity: number;
    listFen: bigint;
    amountFen: bigint;
    exempt: boolean;
  }[];
  totalFen: bigint;
  exemptFen: bigint;
}

/**
 * 收费凭证 the platform's receipt for one organisation's charges of one month. It is a receipt, not a 增值税发票:
 * VAT invoices come from the tax-control system, which the platform does not connect to yet.
 */
export async function renderReceiptPdf(doc: ReceiptDocument): Promise<Buffer> {
  const w = await PdfWriter.create({ title: `收费凭证 ${doc.receiptNo}`, footer: `凭证号 ${doc.receiptNo}` });
  w.heading('筑合平台 服务收费凭证', 18);
  w.text(`凭证号：${doc.receiptNo}    所属期间：${doc.period}`, { gap: 4 });
  w.text(`付款单位：${doc.orgName}`, { size: 10 });
  w.text(`统一社会信用代码：${doc.creditCode}`, { size: 10 });
  w.text(`开具时间：${shanghaiDateTime(doc.issuedAt)}`, { size: 10, gap: 8 });
  w.table(
    [
      { title: '日期', width: 70 },
      { title: '项目', width: 90 },
      { title: '说明', width: 150 },
      { title: '数量', width: 35 },
      { title: '标准金额', width: 75 },
      { title: '应收金额', width: 75 },
    ],
    doc.lines.map((l) => [
      l.date,
      l.item,
      l.exempt ? `${l.description}（种子用户免收）` : l.description,
      String(l.quantity),
      yuan(l.listFen),
      yuan(l.amountFen),
    ]),
  );
  w.space(8);
  w.text(`合计应收：${yuan(doc.totalFen)}    种子用户计划减免：${yuan(doc.exemptFen)}`, { size: 11, gap: 8 });
  w.text(
    '说明：基础服务免费；增值服务按平台收费标准计费。本凭证为平台服务收费凭证，不作增值税发票使用，增值税发票另行开具。',
    { size: 9 },
  );
  return w.save();
}
