import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The platform's seal CA (one row, id 'root'); its private key encrypted under the master key. */
export const signingAuthority = pgTable('signing_authority', {
  id: text('id').primaryKey(),
  certPem: text('cert_pem').notNull(),
  keyEnc: text('key_enc').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 电子印章 an organisation's seal: key pair and certificate issued by the platform CA. */
export const orgSeals = pgTable(
  'org_seals',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    certPem: text('cert_pem').notNull(),
    keyEnc: text('key_enc').notNull(),
    serialHex: text('serial_hex').notNull(),
    certSha256: text('cert_sha256').notNull(),
    notAfter: ts('not_after').notNull(),
    revokedAt: ts('revoked_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
