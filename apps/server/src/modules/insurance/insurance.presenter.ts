import type { InsuranceClaimView, InsurancePolicyView, InsuranceProductView } from '@zhuhe/contracts';
import type * as repo from './insurance.repository';

export function presentProduct(p: repo.ProductRow, insurerOrgName: string): InsuranceProductView {
  return {
    id: p.id,
    insurerOrgId: p.insurerOrgId,
    insurerOrgName,
    name: p.name,
    premiumBp: p.premiumBp,
    coverageBp: p.coverageBp,
    maxInsuredFen: Number(p.maxInsuredFen),
    minGrade: p.minGrade as InsuranceProductView['minGrade'],
    regions: p.regions,
    termDays: p.termDays,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
  };
}

export function presentClaim(c: repo.ClaimRow, policyNo: string, contractId: string): InsuranceClaimView {
  return {
    id: c.id,
    policyId: c.policyId,
    policyNo,
    contractId,
    amountFen: Number(c.amountFen),
    reason: c.reason,
    evidence: c.evidence,
    status: c.status as InsuranceClaimView['status'],
    filedAt: c.filedAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    rejectReason: c.rejectReason,
    paidFen: c.status === 'approved' ? Number(c.amountFen) : 0,
  };
}

/** A policy as one of its three parties sees it, with its claims. */
export function presentPolicy(
  p: repo.PolicyRow,
  names: Map<string, string>,
  productName: string,
  claims: repo.ClaimRow[],
  readerRole: InsurancePolicyView['readerRole'],
): InsurancePolicyView {
  return {
    id: p.id,
    policyNo: p.policyNo,
    productId: p.productId,
    productName,
    insurerOrgId: p.insurerOrgId,
    insurerOrgName: names.get(p.insurerOrgId) ?? '',
    holderOrgId: p.holderOrgId,
    holderOrgName: names.get(p.holderOrgId) ?? '',
    beneficiaryOrgId: p.beneficiaryOrgId,
    beneficiaryOrgName: names.get(p.beneficiaryOrgId) ?? '',
    contractId: p.contractId,
    readerRole,
    bondRequiredFen: Number(p.bondRequiredFen),
    insuredFen: Number(p.insuredFen),
    premiumBp: p.premiumBp,
    premiumFen: Number(p.premiumFen),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status as InsurancePolicyView['status'],
    issuedAt: p.issuedAt.toISOString(),
    pdfSha256: p.pdfSha256,
    evidenceIndex: p.evidenceIndex,
    claims: claims.filter((c) => c.policyId === p.id).map((c) => presentClaim(c, p.policyNo, p.contractId)),
  };
}
