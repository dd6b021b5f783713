import type { QualificationGrade, QualificationKind, Verification, VerificationStatus } from '@zhuhe/contracts';
import { presentFile } from '../files';
import { checkMessage, credentialStatus } from './verification.checks';
import type { VerificationView } from './verification.service';

function fileOf(view: VerificationView, id: string) {
  const file = view.files.get(id);
  return file ? presentFile(file) : null;
}

/** The ID number is always masked here; a reviewer reveals it through its own audited route. */
export function presentVerification(view: VerificationView): Verification {
  const { row, today } = view;
  const expiredOr = (stored: string, until: string | null) =>
    stored === 'expired' ? ('expired' as const) : credentialStatus(until, today);
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: view.orgName,
    purpose: row.purpose as Verification['purpose'],
    status: row.status as VerificationStatus,
    licence: {
      creditCode: row.licenceCreditCode,
      companyName: row.licenceCompanyName,
      legalRepresentative: row.licenceLegalRepresentative,
      registeredCapitalFen: row.licenceCapitalFen,
      address: row.licenceAddress,
      validFrom: row.licenceValidFrom,
      validUntil: row.licenceValidUntil,
      file: fileOf(view, row.licenceFileId),
      status: expiredOr(row.licenceStatus, row.licenceValidUntil),
    },
    idCard: {
      name: row.idName,
      numberMasked: row.idNumberMasked,
      birthDate: row.idBirthDate,
      validUntil: row.idValidUntil,
      frontFile: fileOf(view, row.idFrontFileId),
      backFile: fileOf(view, row.idBackFileId),
      status: expiredOr(row.idStatus, row.idValidUntil),
    },
    qualifications: view.qualifications.map((q) => ({
      id: q.id,
      kind: q.kind as QualificationKind,
      category: q.category,
      grade: q.grade as QualificationGrade,
      number: q.number,
      issuer: q.issuer,
      validFrom: q.validFrom,
      validUntil: q.validUntil,
      file: fileOf(view, q.fileId),
      status: expiredOr(q.status, q.validUntil),
    })),
    checks: row.checks.map((c) => ({ code: c.code, status: c.status, field: c.field, message: checkMessage(c) })),
    decision:
      row.decision && row.decidedAt
        ? {
            decision: row.decision as 'approve' | 'reject',
            reasons: row.decisionReasons,
            decidedBy: row.decidedByName ?? '—',
            decidedAt: row.decidedAt.toISOString(),
          }
        : null,
    submittedAt: row.submittedAt.toISOString(),
  };
}
