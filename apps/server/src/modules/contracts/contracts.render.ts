import { shanghaiDateTime } from '../../infra/calendar/working-days';
import { sha256Hex } from '../../infra/crypto';
import { PdfWriter } from '../../infra/pdf/pdf-writer';
import { contractErrors } from './contracts.errors';
import type { ContractTemplateDef, TemplateField } from './contracts.templates';

export type Variables = Record<string, string | number>;

/** ¥1,234,567.89 from integer fen. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

function formatValue(field: TemplateField, value: string | number | undefined): string {
  if (value === undefined || value === '') return '—';
  switch (field.type) {
    case 'money':
      return `${formatFen(Number(value))} 元`;
    case 'percent':
      return `${(Number(value) / 100).toFixed(2).replace(/\.00$/, '')}%`;
    default:
      return String(value);
  }
}

/** Checks values against the template: required fields present, money/percent integers, dates real. */
export function validateVariables(template: ContractTemplateDef, variables: Variables): Variables {
  const known = new Map(template.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(variables))
    if (!known.has(key)) throw contractErrors.raise('CONTRACT_FIELD_UNKNOWN', { field: key });
  const clean: Variables = {};
  for (const field of template.fields) {
    const value = variables[field.key];
    const label = field.label['zh-CN'];
    if (value === undefined || value === '') {
      if (field.required) throw contractErrors.raise('CONTRACT_FIELD_MISSING', { field: label });
      continue;
    }
    const ok =
      field.type === 'money' || field.type === 'integer'
        ? Number.isSafeInteger(value) && (value as number) >= 0
        : field.type === 'percent'
          ? Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10_000
          : field.type === 'date'
            ? typeof value === 'string' &&
              /^\d{4}-\d{2}-\d{2}$/.test(value) &&
              !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
            : typeof value === 'string' && value.trim().length > 0;
    if (!ok) throw contractErrors.raise('CONTRACT_FIELD_INVALID', { field: label });
    clean[field.key] = typeof value === 'string' ? value.trim() : value;
  }
  return clean;
}

export interface PartyInfo {
  role: 'party_a' | 'party_b';
  name: string;
  creditCode: string;
}

const ROLE_NAME = { party_a: '甲方', party_b: '乙方' } as const;

/** The contract text of one version: title, parties and clauses with the values filled in. */
export function renderBody(
  template: ContractTemplateDef,
  title: string,
  parties: PartyInfo[],
  variables: Variables,
): string {
  const fields = new Map(template.fields.map((f) => [f.key, f]));
  const filled = (key: string) => variables[key] !== undefined && variables[key] !== '';
  const clauses = template.clauses
    .filter(
      (clause) =>
        !clause.startsWith('?') || [...clause.matchAll(/\{\{(\w+)\}\}/g)].every((m) => filled(m[1] as string)),
    )
    .map((clause) =>
      clause.replace(/^\?/, '').replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
        const field = fields.get(key);
        return field ? formatValue(field, variables[key]) : '—';
      }),
    );
  return [
    `${template.title['zh-CN']}：${title}`,
    ...parties.map((p) => `${ROLE_NAME[p.role]}：${p.name}（统一社会信用代码 ${p.creditCode}）`),
    ...clauses,
  ].join('\n');
}

export function bodyHash(body: string): string {
  return sha256Hex(body);
}

/** Line diff (longest common subsequence) between two versions' texts. */
export function diffLines(from: string, to: string): { op: 'same' | 'add' | 'del'; text: string }[] {
  const a = from.split('\n');
  const b = to.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] =
        a[i] === b[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
    }
  }
  const out: { op: 'same' | 'add' | 'del'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i] as string });
      i++;
      j++;
    } else if (((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
      out.push({ op: 'del', text: a[i++] as string });
    else out.push({ op: 'add', text: b[j++] as string });
  }
  while (i < a.length) out.push({ op: 'del', text: a[i++] as string });
  while (j < b.length) out.push({ op: 'add', text: b[j++] as string });
  return out;
}

export interface SignatoryLine {
  role: 'party_a' | 'party_b';
  orgName: string;
  creditCode: string;
  signerName: string;
  signedAt: Date;
}

/**
 * The final PDF: the contract text, then a signing page (签署页) that lists the signers and their times, the
 * SHA-256 of the contract text and where to verify it. The seals' digital signatures are added afterwards.
 */
export async function renderContractPdf(input: {
  template: ContractTemplateDef;
  title: string;
  contractId: string;
  versionNo: number;
  body: string;
  signatories: SignatoryLine[];
  verifyUrl: string;
}): Promise<Buffer> {
  const writer = await PdfWriter.create({
    title: `${input.template.title['zh-CN']} · ${input.title}`,
    footer: `合同编号 ${input.contractId} · 第 ${input.versionNo} 版`,
  });
  const [heading, ...rest] = input.body.split('\n');
  writer.heading(heading ?? input.title, 18);
  writer.text(`合同编号：${input.contractId}    版本：第 ${input.versionNo} 版`, {
    size: 9,
    color: [0.4, 0.4, 0.4],
    gap: 10,
  });
  for (const line of rest) writer.text(line, { gap: 6 });
  writer.newPage();
  writer.heading('签署页', 16);
  writer.table(
    [
      { title: '签约方', width: 0.12 },
      { title: '组织名称', width: 0.3 },
      { title: '统一社会信用代码', width: 0.22 },
      { title: '授权签署人', width: 0.14 },
      { title: '签署时间（北京时间）', width: 0.22 },
    ],
    input.signatories.map((s) => [
      ROLE_NAME[s.role],
      s.orgName,
      s.creditCode,
      s.signerName,
      shanghaiDateTime(s.signedAt),
    ]),
  );
  writer.text(`合同正文 SHA-256：${bodyHash(input.body)}`, { size: 9 });
  writer.text(
    '各签约方的授权签署人已通过二次身份验证（动态口令）确认签署；各方电子印章以数字签名（PAdES）附于本文件，可用常见 PDF 阅读器或 pdfsig 校验。',
    { size: 9 },
  );
  writer.text(`在线核验：${input.verifyUrl}（选择本文件即可核验存证记录）`, { size: 9 });
  return writer.save();
}
