import {
  bigint,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export interface StoredCheck {
  code: string;
  status: 'pass' | 'warn' | 'fail';
  field: string | null;
  params: Record<string, string | number>;
}

/** 实名核验 one submission of the 三重核验 package: business licence, legal representative's ID card, 资质. */
export const verificationSubmissions = pgTable(
  'verification_submissions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** organisation: 实名核验 on its own; merchant: part of a merchant application, decided there */
    purpose: text('purpose').notNull(),
    /** needs_correction | pending | approved | rejected | superseded */
    status: text('status').notNull(),
    licenceCreditCode: text('licence_credit_code').notNull(),
    licenceCompanyName: text('licence_company_name').notNull(),
    licenceLegalRepresentative: text('licence_legal_representative').notNull(),
    licenceCapitalFen: bigint('licence_capital_fen', { mode: 'number' }).notNull(),
    licenceAddress: text('licence_address').notNull(),
    licenceValidFrom: day('licence_valid_from').notNull(),
    licenceValidUntil: day('licence_valid_until'),
    licenceFileId: uuid('licence_file_id').notNull(),
    /** valid | expired (set by the daily expiry watch) */
    licenceStatus: text('licence_status').notNull().default('valid'),
    idName: text('id_name').notNull(),
    /** AES-256-GCM (infra/crypto), never stored in clear */
    idNumberEnc: text('id_number_enc').notNull(),
    /** keyed hash for lookup without decrypting */
    idNumberHash: text('id_number_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    idBirthDate: day('id_birth_date').notNull(),
    idValidUntil: day('id_valid_until'),
    idFrontFileId: uuid('id_front_file_id').notNull(),
    idBackFileId: uuid('id_back_file_id').notNull(),
    idStatus: text('id_status').notNull().default('valid'),
    checks: jsonb('checks').$type<StoredCheck[]>().notNull(),
    decision: text('decision'),
    decisionReasons: jsonb('decision_reasons').$type<string[]>().notNull().default([]),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: ts('decided_at'),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('verification_submissions_id_idx').on(t.id),
    index('verification_submissions_status_idx').on(t.status, t.submittedAt),
    index('verification_submissions_credit_code_idx').on(t.licenceCreditCode),
  ],
);

/** 资质证书 a qualification certificate of a submission. */
export const verificationQualifications = pgTable(
  'verification_qualifications',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    verificationId: uuid('verification_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    grade: text('grade').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    validFrom: day('valid_from').notNull(),
    validUntil: day('valid_until').notNull(),
    fileId: uuid('file_id').notNull(),
    status: text('status').notNull().default('valid'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('verification_qualifications_verification_idx').on(t.verificationId),
    index('verification_qualifications_valid_until_idx').on(t.validUntil),
  ],
);

/** 到期提醒 what the expiry watch already did, so each warning and suspension happens once. */
export const expiryNotices = pgTable(
  'expiry_notices',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** licence:<verificationId> | id_card:<verificationId> | qualification:<id> */
    subject: text('subject').notNull(),
    /** warning | expired */
    kind: text('kind').notNull(),
    validUntil: day('valid_until').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('expiry_notices_subject_idx').on(t.orgId, t.subject, t.kind, t.validUntil),
  ],
);
