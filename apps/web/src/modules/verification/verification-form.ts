import type { VerificationPackage } from '@zhuhe/contracts';
import type { FormInstance } from 'antd';
import { isApiError } from '../../app/api-client';
import { currentLanguage } from '../../app/language';

/** What the form holds; `toPackage` turns it into the contract's request body. */
export interface VerificationFormValues {
  licence: {
    creditCode: string;
    companyName: string;
    legalRepresentative: string;
    capitalWan: number;
    address: string;
    validFrom: string;
    longTerm?: boolean;
    validUntil?: string;
    fileId: string;
  };
  idCard: {
    name: string;
    number: string;
    longTerm?: boolean;
    validUntil?: string;
    frontFileId: string;
    backFileId: string;
  };
  qualifications: {
    kind: VerificationPackage['qualifications'][number]['kind'];
    category: string;
    grade: VerificationPackage['qualifications'][number]['grade'];
    number: string;
    issuer: string;
    validFrom: string;
    validUntil: string;
    fileId: string;
  }[];
}

export function toPackage(v: VerificationFormValues): VerificationPackage {
  return {
    licence: {
      creditCode: v.licence.creditCode.trim().toUpperCase(),
      companyName: v.licence.companyName.trim(),
      legalRepresentative: v.licence.legalRepresentative.trim(),
      // 万元 → fen, integer
      registeredCapitalFen: Math.round(Number(v.licence.capitalWan) * 1_000_000),
      address: v.licence.address.trim(),
      validFrom: v.licence.validFrom,
      validUntil: v.licence.longTerm ? null : (v.licence.validUntil ?? null),
      fileId: v.licence.fileId,
    },
    idCard: {
      name: v.idCard.name.trim(),
      number: v.idCard.number.trim().toUpperCase(),
      validUntil: v.idCard.longTerm ? null : (v.idCard.validUntil ?? null),
      frontFileId: v.idCard.frontFileId,
      backFileId: v.idCard.backFileId,
    },
    qualifications: v.qualifications.map((q) => ({ ...q, number: q.number.trim(), category: q.category.trim() })),
  };
}

/**
 * Puts a problem's issues on the nested form fields they name (`verification.idCard.number`,
 * `qualifications.0.validUntil`, `profile` …). Returns false when no field matched.
 */
export function showIssuesOnForm(
  form: FormInstance,
  error: unknown,
  prefix: string | null,
  topLevel: readonly string[],
): boolean {
  if (!isApiError(error) || !error.problem?.issues?.length) return false;
  const language = currentLanguage();
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of error.problem.issues) {
    const parts: (string | number)[] = issue.path
      .split('.')
      .filter((p) => p !== '' && p !== 'body')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (parts.length === 0) continue;
    const first = String(parts[0]);
    let name = parts;
    if (first === 'licence' && parts[1] === 'registeredCapitalFen') name = ['licence', 'capitalWan'];
    if (prefix && first !== prefix && !topLevel.includes(first)) name = [prefix, ...name];
    if (prefix && first === prefix && parts[2] === 'registeredCapitalFen') name = [prefix, 'licence', 'capitalWan'];
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message[language]);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}
