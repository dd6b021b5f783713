import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 组织 an organisation (company) on the platform. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** 统一社会信用代码 unified social credit code (GB 32100) */
  creditCode: text('credit_code').notNull().unique(),
  /** 业务角色 GC/SUB/SUP/DES/SVR/FIN */
  businessRoles: text('business_roles').array().notNull(),
  /** GB/T 2260 code */
  regionCode: text('region_code'),
  address: text('address'),
  /** 实名核验 status, owned by the verification module once it exists */
  verification: text('verification').notNull().default('unverified'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 成员 membership of a user in an organisation. */
export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/**
 * 邀请 an invitation to join an organisation, addressed to an e-mail or mobile number. A mobile number is never stored
 * in plaintext (PLAT-2): `identifier` holds its keyed look-up hash (`phone#<hex>`, the same hash as
 * `users.phone_hash`) and `identifier_enc` the number under the field keyring; an e-mail is stored as it is.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    identifier: text('identifier').notNull(),
    identifierEnc: text('identifier_enc'),
    role: text('role').notNull(),
    status: text('status').notNull().default('pending'),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    uniqueIndex('invitations_org_id_idx').on(t.orgId, t.id),
    index('invitations_identifier_idx').on(t.identifier),
  ],
);
