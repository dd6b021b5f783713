import { z } from 'zod';
import { BusinessRole, Id, LoginIdentifier, MembershipRole, SelfServiceBusinessRole } from './common';
import { isValidCreditCode } from './credit-code';
import { plainText } from './library-fields';

export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: 'ORG_CREDIT_CODE_INVALID' });

/** GB/T 2260 administrative division code, 6 digits. */
export const RegionCode = z.string().regex(/^\d{6}$/, { message: 'REGION_CODE_INVALID' });

export const CreateOrganisationBody = z.object({
  name: z.string().trim().min(2).max(100),
  creditCode: CreditCode,
  businessRoles: z.array(SelfServiceBusinessRole).min(1).max(6),
  regionCode: RegionCode.optional(),
  address: z.string().trim().max(200).optional(),
});

export const UpdateOrganisationBody = z.object({
  name: z.string().trim().min(2).max(100).optional(),
  businessRoles: z.array(SelfServiceBusinessRole).min(1).max(6).optional(),
  regionCode: RegionCode.nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
});

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  creditCode: z.string(),
  businessRoles: z.array(BusinessRole),
  regionCode: z.string().nullable(),
  address: z.string().nullable(),
  /** 实名核验状态 verification status; set by the verification module */
  verification: z.enum(['unverified', 'pending', 'verified', 'rejected', 'expired']),
  createdAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrgParams = z.object({ orgId: Id });
export const MemberParams = z.object({ orgId: Id, userId: Id });
export const InvitationParams = z.object({ orgId: Id, invitationId: Id });
export const MyInvitationParams = z.object({ invitationId: Id });

export const Member = z.object({
  userId: Id,
  displayName: z.string(),
  /** masked e-mail or phone */
  contact: z.string(),
  role: MembershipRole,
  joinedAt: z.iso.datetime(),
});
export const MemberList = z.object({ items: z.array(Member) });
export const UpdateMemberBody = z.object({ role: MembershipRole });

export const CreateInvitationBody = z.object({ identifier: LoginIdentifier, role: MembershipRole.exclude(['owner']) });
export const Invitation = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  identifier: z.string(),
  role: MembershipRole,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export const InvitationList = z.object({ items: z.array(Invitation) });

export const SwitchContextBody = z.object({ role: BusinessRole });

/** 组织目录 look an organisation up by its credit code (public registry data), e.g. to name a counterparty. */
export const OrgDirectoryQuery = z.object({ creditCode: CreditCode });
/** 监理单位查找: part of a supervisor's name, e.g. 监理 or 浙江 (2–50 characters, no control characters). */
export const SupervisorSearchQuery = z.object({
  q: plainText(2, 50),
});
/** Only what a buyer needs to pick a supervisor: its name and 统一社会信用代码, nothing more of the organisation. */
export const SupervisorDirectoryList = z.object({
  items: z.array(z.object({ name: z.string(), creditCode: z.string() })),
});
export type SupervisorDirectoryList = z.infer<typeof SupervisorDirectoryList>;
export const OrgDirectoryEntry = z.object({
  id: Id,
  name: z.string(),
  businessRoles: z.array(BusinessRole),
  verification: z.enum(['unverified', 'pending', 'verified', 'rejected']),
});
