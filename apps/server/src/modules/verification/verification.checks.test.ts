import { describe, expect, it } from 'vitest';
import { idNumber } from '../../test/onboarding';
import { checkMessage, credentialStatus, documentProblems, runAutomaticChecks } from './verification.checks';

const files = { fileId: 'f', frontFileId: 'f', backFileId: 'f' };
function pkg(over: { company?: string; rep?: string; idName?: string; id?: string; certs?: string[] } = {}) {
  return {
    licence: {
      creditCode: '91440300708461136T',
      companyName: over.company ?? '腾讯科技（深圳）有限公司',
      legalRepresentative: over.rep ?? '马化腾',
      registeredCapitalFen: 1,
      address: '深圳',
      validFrom: '2000-02-24',
      validUntil: null,
      fileId: 'f',
    },
    idCard: {
      name: over.idName ?? '马化腾',
      number: over.id ?? idNumber('19711029', '440301'),
      validUntil: null,
      ...files,
    },
    qualifications: (over.certs ?? ['2027-01-01']).map((until, i) => ({
      kind: 'design' as const,
      category: '建筑行业',
      grade: 'grade_a' as const,
      number: i === 2 ? 'A1' : `A${i}`,
      issuer: '住建部',
      validFrom: '2020-01-01',
      validUntil: until,
      fileId: 'f',
    })),
  };
}
const ctx = {
  orgName: '腾讯科技(深圳)有限公司',
  orgCreditCode: '91440300708461136T',
  today: '2026-11-20',
  duplicateOrgName: null,
};
const failing = (checks: ReturnType<typeof runAutomaticChecks>) =>
  checks.filter((c) => c.status === 'fail').map((c) => c.code);

describe('automatic verification checks', () => {
  it('passes a consistent package (full-width and half-width brackets are the same name)', () => {
    expect(failing(runAutomaticChecks(pkg(), ctx))).toEqual([]);
  });

  it('finds names that differ across documents, a foreign credit code and a duplicate', () => {
    expect(failing(runAutomaticChecks(pkg({ rep: '马化云' }), ctx))).toEqual(['legal_representative_matches_id_card']);
    expect(failing(runAutomaticChecks(pkg({ company: '腾讯控股有限公司' }), ctx))).toEqual([
      'company_name_matches_org',
    ]);
    expect(
      failing(runAutomaticChecks(pkg(), { ...ctx, orgCreditCode: '91350100M000100Y43', duplicateOrgName: '某公司' })),
    ).toEqual(['credit_code_matches_org', 'credit_code_unique']);
  });

  it('warns 30 days ahead of expiry and flags a minor legal representative and a repeated certificate number', () => {
    const checks = runAutomaticChecks(
      pkg({ certs: ['2026-12-10', '2028-01-01', '2028-01-01'], id: idNumber('20100101') }),
      ctx,
    );
    const warn = checks.find((c) => c.status === 'warn');
    expect(warn && checkMessage(warn)['zh-CN']).toBe('资质证书 A0 将于 2026-12-10 到期（20 天后）');
    expect(failing(checks)).toEqual(['legal_representative_adult', 'qualification_number_repeated']);
    expect(credentialStatus('2026-12-20', '2026-11-20')).toBe('expiring'); // 30 days ahead
    expect(credentialStatus('2026-12-21', '2026-11-20')).toBe('valid'); // 31 days ahead
    expect(credentialStatus('2026-11-19', '2026-11-20')).toBe('expired');
    expect(credentialStatus(null, '2026-11-21')).toBe('valid');
  });

  it('refuses expired documents, reversed dates and documents not yet valid', () => {
    expect(documentProblems(pkg({ certs: ['2026-11-19'] }), '2026-11-20').map((p) => [p.code, p.path])).toEqual([
      ['VERIFICATION_DOCUMENT_EXPIRED', 'qualifications.0.validUntil'],
    ]);
    expect(documentProblems(pkg({ certs: ['2026-11-20'] }), '2026-11-20')).toEqual([]);
    expect(documentProblems(pkg({ certs: ['2019-01-01'] }), '2026-11-20')[0]?.code).toBe(
      'VERIFICATION_DATE_RANGE_INVALID',
    );
  });
});
