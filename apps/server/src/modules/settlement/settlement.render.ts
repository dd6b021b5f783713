import { shanghaiDateTime } from '../../infra/calendar/working-days';
import { PdfWriter } from '../../infra/pdf/pdf-writer';
import { quantity, yuan } from './settlement.statement';
import type { StatementData } from './settlement.tables';

export const ROLE_NAME = { gc: '甲方（总包）', payee: '乙方（施工/供货方）', supervisor: '监理单位' } as const;
export type SettlementRole = keyof typeof ROLE_NAME;
export const PLATFORM_ROLE_NAME = '平台';

/**
 * 结算单 PDF: the measured quantities × unit prices, variations, deductions, retention, amounts paid before and the
 * amount payable now, then a signing page for the three parties. The seals' PAdES signatures are added after.
 */
export async function renderStatementPdf(input: {
  settlementId: string;
  contractTitle: string;
  milestoneTitle: string;
  parties: { role: SettlementRole; orgName: string; creditCode: string }[];
  statement: StatementData;
  statementSha256: string;
  signatories: { role: SettlementRole; orgName: string; signerName: string; signedAt: Date }[];
  /** 平台签章: added automatically after the parties' signatures */
  platformSeal: { orgName: string; sealedAt: Date };
  verifyUrl: string;
}): Promise<Buffer> {
  const s = input.statement;
  const writer = await PdfWriter.create({
    title: `工程结算单 · ${input.contractTitle} · ${input.milestoneTitle}`,
    footer: `结算单编号 ${input.settlementId}`,
  });
  writer.heading('工程结算单', 18);
  writer.text(`合同：${input.contractTitle}    节点：${input.milestoneTitle}`, { gap: 4 });
  writer.text(`结算单编号：${input.settlementId}`, { size: 9, color: [0.4, 0.4, 0.4], gap: 8 });
  for (const p of input.parties) writer.text(`${ROLE_NAME[p.role]}：${p.orgName}（${p.creditCode}）`, { size: 10 });
  writer.space(6);
  writer.heading('一、经三方确认的累计完成工程量', 12);
  writer.table(
    [
      { title: '清单编码', width: 0.14 },
      { title: '项目名称', width: 0.32 },
      { title: '单位', width: 0.08 },
      { title: '确认工程量', width: 0.14 },
      { title: '综合单价', width: 0.14 },
      { title: '合价', width: 0.18 },
    ],
    s.lines.map((l) => [l.code, l.name, l.unit, quantity(l.quantityMilli), yuan(l.unitPriceFen), yuan(l.amountFen)]),
  );
  writer.heading('二、结算金额', 12);
  writer.table(
    [
      { title: '项目', width: 0.6 },
      { title: '金额', width: 0.4 },
    ],
    [
      ['工程量合价（累计）', yuan(s.quantitiesFen)],
      ['加：变更（累计）', yuan(s.variationsFen)],
      ['减：扣款（累计）', yuan(s.deductionsFen)],
      ['累计结算额', yuan(s.valueToDateFen)],
      ['减：质量保证金（累计）', yuan(s.retentionToDateFen)],
      ['减：以前期已付', yuan(s.paidBeforeFen)],
      ['本期应付', yuan(s.payableNowFen)],
      ['其中：人工费（农民工工资专用账户）', yuan(s.labourFen)],
    ],
    10,
  );
  if (s.note) writer.text(`说明：${s.note}`, { size: 10 });
  writer.text(`结算数据 SHA-256：${input.statementSha256}`, { size: 9 });
  writer.newPage();
  writer.heading('签署页（三方签署 · 平台签章）', 16);
  writer.table(
    [
      { title: '签署方', width: 0.22 },
      { title: '组织名称', width: 0.36 },
      { title: '授权签署人', width: 0.18 },
      { title: '签署时间（北京时间）', width: 0.24 },
    ],
    [
      ...input.signatories.map((x) => [ROLE_NAME[x.role], x.orgName, x.signerName, shanghaiDateTime(x.signedAt)]),
      [PLATFORM_ROLE_NAME, input.platformSeal.orgName, '自动签章', shanghaiDateTime(input.platformSeal.sealedAt)],
    ],
  );
  writer.text(
    '三方授权签署人已通过二次身份验证（动态口令）确认签署；各方电子印章以数字签名（PAdES）附于本文件。三方签署后，平台以自有电子印章自动签章，见证本结算单经三方签署、签署过程在平台完成且文件此后未被改动；平台签章不代表平台对工程量、质量或金额作出确认。平台随后按本期应付金额自资金监管账户放款。',
    { size: 9 },
  );
  writer.text(`在线核验：${input.verifyUrl}`, { size: 9 });
  return writer.save();
}
