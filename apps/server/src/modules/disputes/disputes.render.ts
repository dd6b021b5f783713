import { shanghaiDateTime } from '../../infra/calendar/working-days';
import { PdfWriter } from '../../infra/pdf/pdf-writer';

/** The platform arbitration committee signs its decisions with its own seal from the platform CA. */
export const COMMITTEE = {
  id: '01900000-0000-7000-8000-00000000a7b1',
  name: '筑合平台仲裁委员会',
  creditCode: '91330100MA2ZHUHE01',
};

export const TYPE_NAME = { payment: '款项纠纷', quality: '质量纠纷', schedule: '工期纠纷', other: '其他纠纷' } as const;
export const OUTCOME_NAME = {
  claimant: '支持申请人请求',
  respondent: '驳回申请人请求',
  split: '部分支持申请人请求',
  withdrawn: '申请人撤回',
} as const;

export function yuan(fen: bigint | null): string {
  if (fen === null) return '—';
  const whole = (fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${whole}.${(fen % 100n).toString().padStart(2, '0')}`;
}

export interface CaseDocument {
  title: string;
  caseNo: string;
  contractTitle: string;
  type: keyof typeof TYPE_NAME;
  claimant: string;
  respondent: string;
  amountInDisputeFen: bigint | null;
  claim: string;
  filedAt: Date;
  mediationNote: string | null;
  evidence: { side: string; name: string; sha256: string; evidenceIndex: number }[];
  votes: { arbitrator: string; outcome: string; awardedFen: bigint | null; reasons: string }[];
  decision: { outcome: keyof typeof OUTCOME_NAME; awardedFen: bigint | null; reasons: string; decidedAt: Date } | null;
}

/** 裁决书 / 案件材料: the case, the evidence with its hashes, the votes and (when decided) the decision. */
export async function renderCasePdf(doc: CaseDocument): Promise<Buffer> {
  const w = await PdfWriter.create({ title: `${doc.title} · ${doc.caseNo}`, footer: `案号 ${doc.caseNo}` });
  w.heading(doc.title, 18);
  w.text(`案号：${doc.caseNo}    类型：${TYPE_NAME[doc.type]}`, { gap: 4 });
  w.text(`合同：${doc.contractTitle}`, { gap: 4 });
  w.text(`申请人：${doc.claimant}`, { size: 10 });
  w.text(`被申请人：${doc.respondent}`, { size: 10 });
  w.text(`争议金额：${yuan(doc.amountInDisputeFen)}    立案时间：${shanghaiDateTime(doc.filedAt)}`, {
    size: 10,
    gap: 8,
  });
  w.heading('一、申请人的请求', 12);
  w.text(doc.claim, { size: 10, gap: 8 });
  if (doc.mediationNote) {
    w.heading('二、调解情况', 12);
    w.text(doc.mediationNote, { size: 10, gap: 8 });
  }
  w.heading('三、证据（哈希已存证）', 12);
  w.table(
    [
      { title: '提交方', width: 0.12 },
      { title: '文件', width: 0.3 },
      { title: '存证序号', width: 0.1 },
      { title: 'SHA-256', width: 0.48 },
    ],
    doc.evidence.map((e) => [e.side, e.name, String(e.evidenceIndex), e.sha256]),
    8,
  );
  if (doc.votes.length > 0) {
    w.heading('四、仲裁员表决', 12);
    w.table(
      [
        { title: '仲裁员', width: 0.16 },
        { title: '意见', width: 0.2 },
        { title: '裁决金额', width: 0.16 },
        { title: '理由', width: 0.48 },
      ],
      doc.votes.map((v) => [v.arbitrator, v.outcome, yuan(v.awardedFen), v.reasons]),
      8,
    );
  }
  if (doc.decision) {
    w.heading('五、裁决', 12);
    w.text(`裁决结果：${OUTCOME_NAME[doc.decision.outcome]}`, { size: 11 });
    w.text(`裁决支付申请人：${yuan(doc.decision.awardedFen)}（由资金监管账户冻结款项执行，余额退回监管账户）`, {
      size: 10,
    });
    w.text(`裁决理由：${doc.decision.reasons}`, { size: 10 });
    w.text(`裁决时间：${shanghaiDateTime(doc.decision.decidedAt)}`, { size: 10, gap: 8 });
  }
  w.text(`${COMMITTEE.name}（电子签章）`, { size: 11 });
  return w.save();
}
