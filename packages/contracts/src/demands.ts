import { z } from 'zod';
import { Id, PageQuery } from './common';
import { FileMeta } from './files';
import { AmountFen, DateOnly, Location, PlacedLocation, plainText, Tags } from './library-fields';
import { RegionCode } from './organisation';

/** 需求类型 分包 subcontracting or 采购 procurement (INFO-3). */
export const DEMAND_TYPES = ['subcontract', 'procurement'] as const;
export const DemandType = z.enum(DEMAND_TYPES);
export type DemandType = z.infer<typeof DemandType>;

/** 资质等级 as written on 资质证书. */
/**
 * The grade a demand asks for, as buyers write it. Debt: verification stores certificate grades as codes
 * (QUALIFICATION_GRADES: special, first, … in verification.ts); matching and prequalification must map between
 * them (特级→special, 一级→first, 二级→second, 三级→third, 甲级→grade_a, 乙级→grade_b) until both use one enum.
 */
export const DEMAND_QUALIFICATION_GRADES = ['特级', '一级', '二级', '三级', '甲级', '乙级', '不限'] as const;
export const DemandQualificationGrade = z.enum(DEMAND_QUALIFICATION_GRADES);

/** 待审核 → 已发布 / 已驳回; 已关闭 when the owner closes it. */
export const DEMAND_STATUSES = ['pending_review', 'published', 'rejected', 'closed'] as const;
export const DemandStatus = z.enum(DEMAND_STATUSES);
export type DemandStatus = z.infer<typeof DemandStatus>;

/** 工程量清单 one line of the bill of quantities. */
export const DemandItem = z.object({
  name: plainText(1, 100),
  spec: plainText(0, 100).default(''),
  unit: plainText(1, 10),
  quantity: z.number().positive({ message: 'QUANTITY_INVALID' }).max(1e9, { message: 'QUANTITY_INVALID' }),
});

export const DemandFields = z.object({
  type: DemandType,
  title: plainText(4, 100),
  projectName: plainText(2, 100),
  /** e.g. 钢结构分包, 钢筋采购 */
  category: plainText(2, 30),
  items: z.array(DemandItem).max(200).default([]),
  budgetFen: AmountFen,
  qualificationKind: plainText(0, 50).default(''),
  qualificationGrade: DemandQualificationGrade.default('不限'),
  regionCode: RegionCode,
  siteAddress: plainText(0, 200).default(''),
  location: Location.optional(),
  /** 截止日期 last day to respond */
  deadline: DateOnly,
  description: plainText(0, 5000).default(''),
  tags: Tags.default([]),
});

/** Publish a demand: the fields, plus 可行性报告 and 资金证明 (required) and the imported tender file if any. */
export const CreateDemandBody = DemandFields.extend({
  feasibilityFileId: Id,
  fundsProofFileId: Id,
  sourceFileId: Id.optional(),
});
export type CreateDemandBody = z.input<typeof CreateDemandBody>;

export const Demand = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  type: DemandType,
  title: z.string(),
  projectName: z.string(),
  category: z.string(),
  items: z.array(z.object({ name: z.string(), spec: z.string(), unit: z.string(), quantity: z.number() })),
  budgetFen: z.number(),
  qualificationKind: z.string(),
  qualificationGrade: DemandQualificationGrade,
  regionCode: z.string(),
  regionName: z.string(),
  siteAddress: z.string(),
  location: PlacedLocation,
  deadline: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  status: DemandStatus,
  /** owner and staff only: the attachments */
  attachments: z
    .object({ feasibility: FileMeta.nullable(), fundsProof: FileMeta.nullable(), source: FileMeta.nullable() })
    .nullable(),
  /** owner and staff only: the latest review */
  review: z
    .object({
      submittedAt: z.iso.datetime(),
      dueAt: z.iso.datetime(),
      decidedAt: z.iso.datetime().nullable(),
      decision: z.enum(['approved', 'rejected']).nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export type Demand = z.infer<typeof Demand>;
export const DemandList = z.object({ items: z.array(Demand) });
/** 本单位需求 one page of the organisation's own demands, newest first. */
export const OrgDemandListQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** the id of the last demand of the previous page */
  after: Id.optional(),
  status: DemandStatus.optional(),
});
export type OrgDemandListQuery = z.infer<typeof OrgDemandListQuery>;
export const OrgDemandPage = z.object({
  items: z.array(Demand),
  /** the `after` of the next page; null on the last page */
  nextCursor: Id.nullable(),
});
export const DemandParams = z.object({ demandId: Id });

/** 一键导入招标文件: what was found in the file, for the user to confirm. Absent fields were not found. */
/**
 * 识别可信度 of one pre-filled field: `rule` — `labelled` when read after its own label (招标控制价：…), `inferred` when
 * guessed from a heading or the running text; `ocr` — the mean OCR confidence (0–100) of the line it was read from,
 * null for a text layer; `level` — `low` when either is weak, so the form highlights it.
 */
export const ImportFieldConfidence = z.object({
  rule: z.enum(['labelled', 'inferred']),
  ocr: z.number().min(0).max(100).nullable(),
  level: z.enum(['high', 'low']),
});
export type ImportFieldConfidence = z.infer<typeof ImportFieldConfidence>;

export const DemandDraft = z.object({
  sourceFile: FileMeta,
  fields: z.object({
    title: z.string().optional(),
    projectName: z.string().optional(),
    type: DemandType.optional(),
    category: z.string().optional(),
    budgetFen: z.number().optional(),
    deadline: z.string().optional(),
    qualificationKind: z.string().optional(),
    qualificationGrade: DemandQualificationGrade.optional(),
    regionCode: z.string().optional(),
    siteAddress: z.string().optional(),
    description: z.string().optional(),
  }),
  /** names of the fields found, in the order above */
  found: z.array(z.string()),
  /** the first characters of the extracted text, so the user sees what was read */
  textPreview: z.string(),
  pages: z.number().int().nullable(),
  /** `text`: the file's own text layer (text PDF, DOCX); `ocr`: recognised from a scan or photo (ADR 0125) */
  source: z.enum(['text', 'ocr']),
  /** per field found: how sure the reading is; `low` fields are highlighted and every OCR field awaits confirmation */
  confidence: z.record(z.string(), ImportFieldConfidence),
  /** the recognition's figures when the text came from OCR */
  ocr: z
    .object({
      meanConfidence: z.number().min(0).max(100),
      pagesRead: z.number().int().min(1),
      engine: z.string(),
    })
    .nullable(),
});
export type DemandDraft = z.infer<typeof DemandDraft>;

/** 需求模板 a starting point for a common demand. */
export interface DemandTemplate {
  key: string;
  name: string;
  type: DemandType;
  category: string;
  qualificationKind: string;
  qualificationGrade: z.infer<typeof DemandQualificationGrade>;
  items: { name: string; spec: string; unit: string; quantity: number }[];
}
export const DEMAND_TEMPLATES: readonly DemandTemplate[] = [
  {
    key: 'steel_structure',
    name: '钢结构工程分包',
    type: 'subcontract',
    category: '钢结构分包',
    qualificationKind: '钢结构工程专业承包',
    qualificationGrade: '二级',
    items: [
      { name: '钢结构制作安装', spec: 'Q355B H型钢', unit: '吨', quantity: 1 },
      { name: '防火涂料', spec: '厚型 2.5h', unit: '平方米', quantity: 1 },
    ],
  },
  {
    key: 'curtain_wall',
    name: '幕墙工程分包',
    type: 'subcontract',
    category: '幕墙分包',
    qualificationKind: '建筑幕墙工程专业承包',
    qualificationGrade: '一级',
    items: [{ name: '单元式玻璃幕墙', spec: '6+12A+6 Low-E', unit: '平方米', quantity: 1 }],
  },
  {
    key: 'foundation_pit',
    name: '基坑支护及土方',
    type: 'subcontract',
    category: '基坑支护分包',
    qualificationKind: '地基基础工程专业承包',
    qualificationGrade: '二级',
    items: [
      { name: '钻孔灌注桩', spec: 'φ800', unit: '米', quantity: 1 },
      { name: '土方开挖外运', spec: '', unit: '立方米', quantity: 1 },
    ],
  },
  {
    key: 'labour',
    name: '主体结构劳务分包',
    type: 'subcontract',
    category: '劳务分包',
    qualificationKind: '施工劳务',
    qualificationGrade: '不限',
    items: [{ name: '主体结构劳务', spec: '钢筋、模板、混凝土', unit: '平方米', quantity: 1 }],
  },
  {
    key: 'rebar',
    name: '钢筋采购',
    type: 'procurement',
    category: '钢筋采购',
    qualificationKind: '',
    qualificationGrade: '不限',
    items: [
      { name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 1 },
      { name: '螺纹钢', spec: 'HRB400E Φ16', unit: '吨', quantity: 1 },
    ],
  },
  {
    key: 'tower_crane',
    name: '塔吊租赁',
    type: 'procurement',
    category: '塔吊租赁',
    qualificationKind: '',
    qualificationGrade: '不限',
    items: [{ name: '塔式起重机租赁', spec: 'QTZ80 臂长 60m', unit: '台·月', quantity: 1 }],
  },
];

/** 审核队列 a demand waiting for staff review, with its SLA (2 working days, INFO-3). */
export const DemandReview = z.object({
  id: Id,
  demand: Demand,
  submittedAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  /** working days left until due (negative when overdue) */
  workingDaysLeft: z.number(),
  overdue: z.boolean(),
  decidedAt: z.iso.datetime().nullable(),
  decision: z.enum(['approved', 'rejected']).nullable(),
});
export type DemandReview = z.infer<typeof DemandReview>;
export const DemandReviewList = z.object({ items: z.array(DemandReview) });
export const DemandReviewQuery = z.object({ state: z.enum(['pending', 'decided']).default('pending') });
export const DemandReviewParams = z.object({ reviewId: Id });
export const DemandReviewFileParams = z.object({ reviewId: Id, fileId: Id });
export const DecideDemandReviewBody = z
  .object({ decision: z.enum(['approved', 'rejected']), reason: plainText(0, 500).default('') })
  .refine((v) => v.decision === 'approved' || v.reason.length >= 2, {
    message: 'REJECT_REASON_REQUIRED',
    path: ['reason'],
  });
