import type { Contract, ContractKind } from '@zhuhe/contracts';
import type { getContract } from './contracts.service';
import { signingDueAt } from './contracts.signing-clock';

type Loaded = Awaited<ReturnType<typeof getContract>>;

export function presentContract(loaded: Loaded, userNames: Map<string, string>): Contract {
  const { contract, parties, versions, signatures } = loaded;
  const orgName = (id: string) => parties.find((p) => p.orgId === id)?.name ?? '—';
  return {
    id: contract.id,
    kind: contract.kind as ContractKind,
    title: contract.title,
    status: contract.status as Contract['status'],
    parties: parties.map((p) => ({ orgId: p.orgId, orgName: p.name, role: p.role, creditCode: p.creditCode })),
    currentVersion: contract.currentVersion,
    amendmentCount: contract.amendmentCount,
    versions: versions.map((v) => ({
      no: v.versionNo,
      sha256: v.bodySha256,
      note: v.note,
      proposedBy: {
        orgId: v.proposedByOrgId,
        orgName: orgName(v.proposedByOrgId),
        userName: userNames.get(v.proposedByUserId) ?? '—',
      },
      createdAt: v.createdAt.toISOString(),
      variables: v.variables,
    })),
    signatures: signatures.map((s) => ({
      orgId: s.orgId,
      orgName: orgName(s.orgId),
      versionNo: s.versionNo,
      signerName: s.signerName,
      signedAt: s.signedAt.toISOString(),
    })),
    signed:
      contract.signedVersion && contract.signedSha256 && contract.signedAt && contract.signedEvidenceIndex !== null
        ? {
            versionNo: contract.signedVersion,
            sha256: contract.signedSha256,
            signedAt: contract.signedAt.toISOString(),
            evidenceIndex: contract.signedEvidenceIndex,
          }
        : null,
    signingDueAt: (() => {
      // the deadline of the version awaiting signatures (FLOW-4); none once it is signed
      const current = versions.find((v) => v.versionNo === contract.currentVersion);
      return current && contract.signedVersion !== contract.currentVersion
        ? signingDueAt(current.createdAt).toISOString()
        : null;
    })(),
    createdAt: contract.createdAt.toISOString(),
  };
}
