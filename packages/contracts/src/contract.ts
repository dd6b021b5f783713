import { z } from 'zod';
import { Id } from './common';

/** 合同类型: 分包合同 subcontract, 采购合同 purchase, 租赁合同 lease. */
export const CONTRACT_KINDS = ['subcontract', 'purchase', 'lease'] as const;
export const ContractKind = z.enum(CONTRACT_KINDS);
export type ContractKind = z.infer<typeof ContractKind>;

export const TemplateFieldType = z.enum(['text', 'textarea', 'money', 'date', 'percent', 'integer']);
export const ContractTemplate = z.object({
  kind: ContractKind,
  version: z.number().int(),
  title: z.object({ 'zh-CN': z.string(), en: z.string() }),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.object({ 'zh-CN': z.string(), en: z.string() }),
      type: TemplateFieldType,
      required: z.boolean(),
    }),
  ),
});
export const ContractTemplateList = z.object({ items: z.array(ContractTemplate) });

/** Values for the template's fields: money in integer fen, percentages in basis points, dates YYYY-MM-DD. */
export const ContractVariables = z.record(z.string().max(60), z.union([z.string().max(4000), z.number().int()]));

export const CreateContractBody = z.object({
  kind: ContractKind,
  counterpartyOrgId: Id,
  title: z.string().trim().min(2).max(120),
  variables: ContractVariables,
});

export const ProposeVersionBody = z.object({
  variables: ContractVariables,
  note: z.string().trim().max(500).optional(),
});

export const CONTRACT_STATUSES = ['negotiating', 'signed', 'amending'] as const;
export const ContractStatus = z.enum(CONTRACT_STATUSES);

const OrgRef = z.object({ orgId: Id, orgName: z.string() });

export const ContractVersion = z.object({
  no: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  proposedBy: OrgRef.extend({ userName: z.string() }),
  createdAt: z.iso.datetime(),
  variables: ContractVariables,
});

export const ContractSignature = OrgRef.extend({
  versionNo: z.number().int(),
  signerName: z.string(),
  signedAt: z.iso.datetime(),
});

export const Contract = z.object({
  id: Id,
  kind: ContractKind,
  title: z.string(),
  status: ContractStatus,
  parties: z.array(OrgRef.extend({ role: z.enum(['party_a', 'party_b']), creditCode: z.string() })),
  currentVersion: z.number().int(),
  /** signed versions after the first (变更次数), read by the risk module */
  amendmentCount: z.number().int(),
  versions: z.array(ContractVersion),
  /** consents given for the current version */
  signatures: z.array(ContractSignature),
  signed: z
    .object({
      versionNo: z.number().int(),
      sha256: z.string(),
      signedAt: z.iso.datetime(),
      evidenceIndex: z.number().int(),
    })
    .nullable(),
  /** 签署时限 the current version's signing deadline, 1 working day after it was proposed (FLOW-4); null once signed */
  signingDueAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Contract = z.infer<typeof Contract>;

export const ContractSummary = z.object({
  id: Id,
  kind: ContractKind,
  title: z.string(),
  status: ContractStatus,
  counterparty: OrgRef,
  currentVersion: z.number().int(),
  amendmentCount: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export const ContractList = z.object({ items: z.array(ContractSummary) });

export const ContractParams = z.object({ orgId: Id, contractId: Id });
export const ContractVersionParams = z.object({ orgId: Id, contractId: Id, versionNo: z.coerce.number().int().min(1) });
export const DiffQuery = z.object({ against: z.coerce.number().int().min(1) });
export const VersionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  lines: z.array(z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() })),
});
