import { z } from 'zod';
import { BusinessRole, Id, StaffRole } from './common';

export const StaffUser = z.object({
  id: Id,
  displayName: z.string(),
  contact: z.string(),
  staffRoles: z.array(StaffRole),
  totpEnabled: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export const StaffUserList = z.object({ items: z.array(StaffUser) });
export const StaffUserQuery = z.object({ q: z.string().trim().max(100).optional() });

export const StaffOrganisation = z.object({
  id: Id,
  name: z.string(),
  creditCode: z.string(),
  businessRoles: z.array(BusinessRole),
  regionCode: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export const StaffOrganisationList = z.object({ items: z.array(StaffOrganisation) });

/** 双人复核 a sensitive staff action waiting for a second staff member. */
export const DualControlRequest = z.object({
  id: Id,
  action: z.string(),
  summary: z.object({ 'zh-CN': z.string(), en: z.string() }),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'executed', 'rejected']),
  requestedBy: z.object({ id: Id, displayName: z.string() }),
  decidedBy: z.object({ id: Id, displayName: z.string() }).nullable(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type DualControlRequest = z.infer<typeof DualControlRequest>;
export const DualControlList = z.object({ items: z.array(DualControlRequest) });
export const DualControlQuery = z.object({ status: z.enum(['pending', 'executed', 'rejected']).optional() });
export const DualControlParams = z.object({ requestId: Id });
export const DecideBody = z.object({ reason: z.string().trim().max(500).optional() });

export const GrantStaffRoleBody = z.object({ userId: Id, role: StaffRole });
export const RevokeStaffRoleBody = z.object({ userId: Id, role: StaffRole });

export const AuditEntry = z.object({
  seq: z.number().int(),
  actorUserId: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  digest: z.string(),
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
  hash: z.string(),
});
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  beforeSeq: z.coerce.number().int().positive().optional(),
});
/** `nextBeforeSeq`: pass as `beforeSeq` for the next (older) page; null at the start of the log. */
export const AuditList = z.object({ items: z.array(AuditEntry), nextBeforeSeq: z.number().int().nullable() });
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});

export const ProductEvent = z.object({
  id: Id,
  name: z.string(),
  userId: z.string().nullable(),
  orgId: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
  occurredAt: z.iso.datetime(),
});
export const ProductEventList = z.object({ items: z.array(ProductEvent) });
export const ProductEventQuery = z.object({
  name: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** 业务时钟 the time business rules read; movable only in acceptance deployments (CLOCK_ADJUSTABLE) */
export const BusinessClockView = z.object({ now: z.string(), adjustable: z.boolean() });
export type BusinessClockView = z.infer<typeof BusinessClockView>;

export const AdvanceClockBody = z.object({ days: z.number().int().min(1).max(400) });
export type AdvanceClockBody = z.infer<typeof AdvanceClockBody>;
