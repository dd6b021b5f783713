import type { VerificationPackage } from '@zhuhe/contracts';
import { idCardBirthDate } from '@zhuhe/contracts';
import type { StoredCheck } from './verification.tables';

/**
 * 自动核验 the automatic checks of a verification package. Pure: everything they need is passed in, so they are
 * tested without a database. A `fail` sends the submission back to the applicant (needs_correction) before any
 * reviewer sees it; a `warn` is shown to both but does not block; `pass` results are kept for the reviewer.
 *
 * Problems that make the input unusable (a forged check digit, an expired document) are refused before this
 * runs, by the contract schemas and by `documentProblems`, so nothing is stored for them.
 */
export interface CheckContext {
  orgName: string;
  orgCreditCode: string;
  /** today in Asia/Shanghai, YYYY-MM-DD */
  today: string;
  /** another organisation whose open or approved verification uses the same credit code */
  duplicateOrgName: string | null;
}

export const EXPIRY_WARNING_DAYS = 30;

type Pkg = {
  licence: Omit<VerificationPackage['licence'], 'creditCode'> & { creditCode: string };
  idCard: Omit<VerificationPackage['idCard'], 'number'> & { number: string };
  qualifications: VerificationPackage['qualifications'];
};

/** Company names compare without spaces and with full-width brackets made half-width: （） and () are the same. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** valid, expiring (within 30 days) or expired, for a document valid until `validUntil` (null: 长期). */
export function credentialStatus(validUntil: string | null, today: string): 'valid' | 'expiring' | 'expired' {
  if (validUntil === null) return 'valid';
  if (validUntil < today) return 'expired';
  return daysBetween(today, validUntil) <= EXPIRY_WARNING_DAYS ? 'expiring' : 'valid';
}

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function validity(code: string, field: string, validUntil: string | null, today: string): StoredCheck {
  const status = credentialStatus(validUntil, today);
  return {
    code,
    status: status === 'expiring' ? 'warn' : status === 'expired' ? 'fail' : 'pass',
    field,
    params: { date: validUntil ?? '长期', days: validUntil ? daysBetween(today, validUntil) : 0 },
  };
}

export function runAutomaticChecks(pkg: Pkg, c: CheckContext): StoredCheck[] {
  const { licence, idCard } = pkg;
  const checks: StoredCheck[] = [];
  checks.push({ code: 'credit_code_check_digit', status: 'pass', field: 'licence.creditCode', params: {} });
  checks.push({
    code: 'credit_code_matches_org',
    status: licence.creditCode === c.orgCreditCode ? 'pass' : 'fail',
    field: 'licence.creditCode',
    params: { licence: licence.creditCode, org: c.orgCreditCode },
  });
  checks.push({
    code: 'credit_code_unique',
    status: c.duplicateOrgName ? 'fail' : 'pass',
    field: 'licence.creditCode',
    params: { other: c.duplicateOrgName ?? '' },
  });
  checks.push({
    code: 'company_name_matches_org',
    status: normaliseName(licence.companyName) === normaliseName(c.orgName) ? 'pass' : 'fail',
    field: 'licence.companyName',
    params: { licence: licence.companyName, org: c.orgName },
  });
  checks.push({
    code: 'legal_representative_matches_id_card',
    status: normaliseName(licence.legalRepresentative) === normaliseName(idCard.name) ? 'pass' : 'fail',
    field: 'idCard.name',
    params: { licence: licence.legalRepresentative, idCard: idCard.name },
  });
  checks.push({ code: 'id_check_digit', status: 'pass', field: 'idCard.number', params: {} });
  const birth = idCardBirthDate(idCard.number) ?? '';
  const age = birth ? ageOn(birth, c.today) : 0;
  checks.push({
    code: 'legal_representative_adult',
    status: birth && age >= 18 ? 'pass' : 'fail',
    field: 'idCard.number',
    params: { birthDate: birth, age },
  });
  checks.push(validity('licence_valid', 'licence.validUntil', licence.validUntil, c.today));
  checks.push(validity('id_card_valid', 'idCard.validUntil', idCard.validUntil, c.today));
  const seen = new Map<string, number>();
  pkg.qualifications.forEach((q, i) => {
    const check = validity('qualification_valid', `qualifications.${i}.validUntil`, q.validUntil, c.today);
    checks.push({ ...check, params: { ...check.params, number: q.number } });
    const key = q.number.trim().toUpperCase();
    if (seen.has(key)) {
      checks.push({
        code: 'qualification_number_repeated',
        status: 'fail',
        field: `qualifications.${i}.number`,
        params: { number: q.number, first: (seen.get(key) ?? 0) + 1, second: i + 1 },
      });
    } else seen.set(key, i);
  });
  return checks;
}

/** Documents that cannot be accepted at all: expired, dates reversed, or not yet valid. Refused, nothing stored. */
export type DocumentProblem = {
  code: 'VERIFICATION_DOCUMENT_EXPIRED' | 'VERIFICATION_DATE_RANGE_INVALID' | 'VERIFICATION_NOT_YET_VALID';
  document: string;
  documentEn: string;
  date: string;
  path: string;
};

export function documentProblems(pkg: Pkg, today: string): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const docs: { document: string; documentEn: string; from: string | null; until: string | null; path: string }[] = [
    {
      document: '营业执照',
      documentEn: 'business licence',
      from: pkg.licence.validFrom,
      until: pkg.licence.validUntil,
      path: 'licence',
    },
    { document: '法定代表人身份证', documentEn: 'ID card', from: null, until: pkg.idCard.validUntil, path: 'idCard' },
    ...pkg.qualifications.map((q, i) => ({
      document: `资质证书 ${q.number}`,
      documentEn: `qualification certificate ${q.number}`,
      from: q.validFrom,
      until: q.validUntil,
      path: `qualifications.${i}`,
    })),
  ];
  for (const d of docs) {
    const base = { document: d.document, documentEn: d.documentEn };
    if (d.from && d.until && d.from > d.until)
      problems.push({ code: 'VERIFICATION_DATE_RANGE_INVALID', ...base, date: d.until, path: `${d.path}.validUntil` });
    else if (d.until && d.until < today)
      problems.push({ code: 'VERIFICATION_DOCUMENT_EXPIRED', ...base, date: d.until, path: `${d.path}.validUntil` });
    else if (d.from && d.from > today)
      problems.push({ code: 'VERIFICATION_NOT_YET_VALID', ...base, date: d.from, path: `${d.path}.validFrom` });
  }
  return problems;
}

type Messages = { 'zh-CN': string; en: string };
type Catalogue = Record<string, Partial<Record<StoredCheck['status'], Messages>>>;

/** What each check says, per result; `{name}` is filled from the check's params. */
const CATALOGUE: Catalogue = {
  credit_code_check_digit: {
    pass: {
      'zh-CN': '统一社会信用代码校验位正确（GB 32100）',
      en: 'Credit code check character is correct (GB 32100)',
    },
  },
  credit_code_matches_org: {
    pass: { 'zh-CN': '营业执照信用代码与组织登记一致', en: 'Licence credit code matches the organisation' },
    fail: {
      'zh-CN': '营业执照信用代码 {licence} 与组织登记的 {org} 不一致',
      en: 'Licence credit code {licence} differs from the registered {org}',
    },
  },
  credit_code_unique: {
    pass: { 'zh-CN': '信用代码未被其他组织用于核验', en: 'No other organisation uses this credit code' },
    fail: {
      'zh-CN': '该信用代码已被「{other}」用于实名核验，请联系客服',
      en: 'This credit code is already used by {other}; contact support',
    },
  },
  company_name_matches_org: {
    pass: { 'zh-CN': '营业执照企业名称与组织名称一致', en: 'Licence company name matches the organisation' },
    fail: {
      'zh-CN': '营业执照企业名称「{licence}」与组织名称「{org}」不一致',
      en: 'Licence company name “{licence}” differs from the organisation name “{org}”',
    },
  },
  legal_representative_matches_id_card: {
    pass: { 'zh-CN': '法定代表人与身份证姓名一致', en: 'Legal representative matches the ID card' },
    fail: {
      'zh-CN': '营业执照法定代表人「{licence}」与身份证姓名「{idCard}」不一致',
      en: 'Legal representative on the licence “{licence}” differs from the name on the ID card “{idCard}”',
    },
  },
  id_check_digit: {
    pass: { 'zh-CN': '身份证号码校验位正确（GB 11643）', en: 'ID number check character is correct (GB 11643)' },
  },
  legal_representative_adult: {
    pass: { 'zh-CN': '出生日期 {birthDate} 真实有效，已成年', en: 'Birth date {birthDate} is real; an adult' },
    fail: {
      'zh-CN': '法定代表人未满 18 周岁（出生日期 {birthDate}）',
      en: 'The legal representative is under 18 ({birthDate})',
    },
  },
  licence_valid: {
    pass: { 'zh-CN': '营业执照在有效期内（至 {date}）', en: 'Business licence valid (until {date})' },
    warn: {
      'zh-CN': '营业执照将于 {date} 到期（{days} 天后），请尽快更新',
      en: 'Business licence expires on {date} (in {days} days); renew it soon',
    },
  },
  id_card_valid: {
    pass: { 'zh-CN': '身份证在有效期内（至 {date}）', en: 'ID card valid (until {date})' },
    warn: { 'zh-CN': '身份证将于 {date} 到期（{days} 天后）', en: 'ID card expires on {date} (in {days} days)' },
  },
  qualification_valid: {
    pass: { 'zh-CN': '资质证书 {number} 在有效期内（至 {date}）', en: 'Certificate {number} valid (until {date})' },
    warn: {
      'zh-CN': '资质证书 {number} 将于 {date} 到期（{days} 天后）',
      en: 'Certificate {number} expires on {date} (in {days} days)',
    },
    fail: { 'zh-CN': '资质证书 {number} 已于 {date} 过期', en: 'Certificate {number} expired on {date}' },
  },
  qualification_number_repeated: {
    fail: {
      'zh-CN': '第 {second} 张资质证书编号 {number} 与第 {first} 张重复',
      en: 'Certificate {second} repeats the number {number} of certificate {first}',
    },
  },
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function checkMessage(check: StoredCheck): Messages {
  const m = CATALOGUE[check.code]?.[check.status];
  if (!m) return { 'zh-CN': check.code, en: check.code };
  return { 'zh-CN': fill(m['zh-CN'], check.params), en: fill(m.en, check.params) };
}
