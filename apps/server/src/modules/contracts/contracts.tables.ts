import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 电子合同 a contract between two organisations, negotiated in versions and signed with seals. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey(),
    initiatorOrgId: uuid('initiator_org_id').notNull(),
    kind: text('kind').notNull(),
    templateVersion: integer('template_version').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    currentVersion: integer('current_version').notNull(),
    amendmentCount: integer('amendment_count').notNull().default(0),
    signedVersion: integer('signed_version'),
    signedFileId: uuid('signed_file_id'),
    signedSha256: text('signed_sha256'),
    signedAt: ts('signed_at'),
    signedEvidenceIndex: bigint('signed_evidence_index', { mode: 'number' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contracts_initiator_idx').on(t.initiatorOrgId, t.id)],
);

/** The organisations party to a contract: 甲方 party_a (initiator) and 乙方 party_b. */
export const contractParties = pgTable(
  'contract_parties',
  {
    orgId: uuid('org_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.contractId] })],
);

/** 合同版本 one negotiated version: the variables and the text rendered from them. */
export const contractVersions = pgTable(
  'contract_versions',
  {
    contractId: uuid('contract_id').notNull(),
    versionNo: integer('version_no').notNull(),
    variables: jsonb('variables').$type<Record<string, string | number>>().notNull(),
    bodyText: text('body_text').notNull(),
    bodySha256: text('body_sha256').notNull(),
    note: text('note'),
    proposedByOrgId: uuid('proposed_by_org_id').notNull(),
    proposedByUserId: uuid('proposed_by_user_id').notNull(),
    /** the version's time on the business clock: it starts the signing clock (FLOW-4) */
    createdAt: ts('created_at').notNull().defaultNow(),
    /** when the parties that had not signed were reminded of the signing deadline (once per version) */
    signingRemindedAt: ts('signing_reminded_at'),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.versionNo] })],
);

/** 签署 an authorised signer's consent (after step-up 2FA) to sign one version for their organisation. */
export const contractSignatures = pgTable(
  'contract_signatures',
  {
    contractId: uuid('contract_id').notNull(),
    versionNo: integer('version_no').notNull(),
    orgId: uuid('org_id').notNull(),
    signerUserId: uuid('signer_user_id').notNull(),
    signerName: text('signer_name').notNull(),
    signedAt: ts('signed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.versionNo, t.orgId] })],
);
