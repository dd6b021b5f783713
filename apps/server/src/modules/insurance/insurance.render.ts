import { shanghaiDateTime } from '../../infra/calendar/working-days';
import { PdfWriter } from '../../infra/pdf/pdf-writer';
import { yuan } from './insurance.rules';

export interface PolicyDocument {
  policyNo: string;
  productName: string;
  insurerName: string;
  holderName: string;
  beneficiaryName: string;
  contractId: string;
  bondRequiredFen: bigint;
  insuredFen: bigint;
  premiumBp: number;
  premiumFen: bigint;
  startsOn: string;
  endsOn: string;
  issuedAt: Date;
}

/**
 * 履约保证保险单 the policy the contractor files in place of the cash bond. The insurer is a FIN organisation on the
 * platform; the document states the terms the platform enforces (the bond rule, claims through the platform).
 */
export async function renderPolicyPdf(doc: PolicyDocument): Promise<Buffer> {
  const w = await PdfWriter.create({ title: `履约保证保险单 ${doc.policyNo}`, footer: `保单号 ${doc.policyNo}` });
  w.heading('履约保证保险单', 18);
  w.text(`保单号：${doc.policyNo}    出单时间：${shanghaiDateTime(doc.issuedAt)}`, { gap: 8 });
  w.table(
    [
      { title: '项目', width: 0.3 },
      { title: '内容', width: 0.7 },
    ],
    [
      ['保险产品', doc.productName],
      ['保险人', doc.insurerName],
      ['投保人（承包方）', doc.holderName],
      ['被保险人 / 受益人（发包方）', doc.beneficiaryName],
      ['监管合同编号', doc.contractId],
      ['应缴履约保证金', `¥${yuan(doc.bondRequiredFen)}`],
      ['保险金额', `¥${yuan(doc.insuredFen)}`],
      ['保险费率 / 保险费', `${(doc.premiumBp / 100).toFixed(2)}% / ¥${yuan(doc.premiumFen)}`],
      ['保险期间', `${doc.startsOn} 至 ${doc.endsOn}`],
    ],
  );
  w.space(8);
  w.text(
    '保障责任：保险期间内，投保人未按合同约定履行义务、依合同应没收履约保证金时，受益人可通过筑合平台申请理赔，保险人审核后在保险金额内赔付。',
    { size: 10 },
  );
  w.text('本保单经筑合平台资金监管确认，以保单替代现金履约保证金（FUND-2）；保单文件的 SHA-256 已记入平台存证日志。', {
    size: 10,
  });
  return w.save();
}
