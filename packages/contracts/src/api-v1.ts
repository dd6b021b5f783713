import { z } from 'zod';

/**
 * The third-party contract of `/api/v1` (PLAT-5). These schemas are declared here on their own and must not be
 * built from the internal ones: a change to an internal route may not change what a partner's integration
 * receives. Adding an optional field is allowed; renaming or removing one needs `/api/v2`.
 */
const V1Id = z.uuid();

export const V1PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** the `nextCursor` of the previous page */
  after: V1Id.optional(),
});
export type V1PageQuery = z.infer<typeof V1PageQuery>;

export const V1Project = z.object({
  id: V1Id,
  name: z.string(),
  engineeringType: z.string(),
  investmentFen: z.number().int(),
  regionCode: z.string(),
  status: z.string(),
  visibility: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const V1ProjectPage = z.object({ items: z.array(V1Project), nextCursor: V1Id.nullable() });
export type V1Project = z.infer<typeof V1Project>;

export const V1Demand = z.object({
  id: V1Id,
  type: z.enum(['subcontract', 'procurement']),
  title: z.string(),
  projectName: z.string(),
  category: z.string(),
  budgetFen: z.number().int(),
  regionCode: z.string(),
  deadline: z.string(),
  /** pending_review → published / rejected; closed */
  status: z.string(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export type V1Demand = z.infer<typeof V1Demand>;
export const V1DemandPage = z.object({ items: z.array(V1Demand), nextCursor: V1Id.nullable() });

/** A demand created through the API goes to the platform's review, as one created in the web pages does. */
export const V1CreateDemandBody = z.object({
  type: z.enum(['subcontract', 'procurement']),
  title: z.string().min(4).max(100),
  projectName: z.string().min(2).max(100),
  category: z.string().min(2).max(30),
  items: z
    .array(
      z.object({
        name: z.string().min(1).max(100),
        spec: z.string().max(100).default(''),
        unit: z.string().min(1).max(10),
        quantity: z.number().positive().max(1e9),
      }),
    )
    .max(200)
    .default([]),
  budgetFen: z.number().int().positive(),
  qualificationKind: z.string().max(50).default(''),
  qualificationGrade: z.enum(['特级', '一级', '二级', '三级', '甲级', '乙级', '不限']).default('不限'),
  /** GB/T 2260 county code, e.g. 330106 */
  regionCode: z.string().regex(/^\d{6}$/),
  siteAddress: z.string().max(200).default(''),
  /** last day to respond, YYYY-MM-DD */
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  description: z.string().max(5000).default(''),
  tags: z.array(z.string().min(1).max(20)).max(10).default([]),
  /** 可行性报告 and 资金证明: files the organisation uploaded in the web pages */
  feasibilityFileId: V1Id,
  fundsProofFileId: V1Id,
});
export type V1CreateDemandBody = z.infer<typeof V1CreateDemandBody>;

export const V1Tender = z.object({
  id: V1Id,
  title: z.string(),
  projectName: z.string(),
  mode: z.string(),
  status: z.string(),
  deadline: z.iso.datetime(),
  /** how many bids were submitted; never their content */
  bidCount: z.number().int(),
});
export const V1TenderList = z.object({ items: z.array(V1Tender) });

export const V1MoneyAccount = z.object({
  code: z.string(),
  /** org_wallet, escrow, retention, bond, labour … */
  kind: z.string(),
  contractId: V1Id.nullable(),
  balanceFen: z.number().int(),
  heldFen: z.number().int(),
  availableFen: z.number().int(),
});
export const V1Money = z.object({ accounts: z.array(V1MoneyAccount) });
