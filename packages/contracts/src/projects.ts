import { z } from 'zod';
import { Id } from './common';
import { FileMeta } from './files';
import { AmountFen, DateOnly, Location, PlacedLocation, plainText, Tags } from './library-fields';
import { RegionCode } from './organisation';

/** 工程类型 engineering type (INFO-1). */
export const ENGINEERING_TYPES = [
  'building',
  'municipal',
  'highway',
  'railway',
  'water',
  'power',
  'landscape',
  'decoration',
  'other',
] as const;
export const EngineeringType = z.enum(ENGINEERING_TYPES);
export type EngineeringType = z.infer<typeof EngineeringType>;
/** Chinese names, also indexed for search so that 房建 or 市政 find projects of that type. */
export const ENGINEERING_TYPE_NAMES: Record<EngineeringType, string> = {
  building: '房建',
  municipal: '市政',
  highway: '公路',
  railway: '铁路',
  water: '水利',
  power: '电力',
  landscape: '园林',
  decoration: '装饰',
  other: '其他',
};

/** 项目状态 筹备 / 招标中 / 在建 / 已完工. */
export const PROJECT_STATUSES = ['planning', 'tendering', 'under_construction', 'completed'] as const;
export const ProjectStatus = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** 公开 anyone on ZhuHe; 邀请 only the invited organisations (and the owner). */
export const Visibility = z.enum(['public', 'invited']);
export type Visibility = z.infer<typeof Visibility>;

const ProjectFields = {
  name: plainText(2, 100),
  engineeringType: EngineeringType,
  /** 投资额 in fen */
  investmentFen: AmountFen,
  regionCode: RegionCode,
  address: plainText(0, 200).optional(),
  /** the site picked on the map; without it the region's centre is used */
  location: Location.optional(),
  tags: Tags.default([]),
  startDate: DateOnly.optional(),
  endDate: DateOnly.optional(),
  tenderDeadline: DateOnly.optional(),
  status: ProjectStatus.default('tendering'),
  description: plainText(0, 5000).default(''),
  visibility: Visibility.default('public'),
  invitedOrgIds: z.array(Id).max(50).default([]),
  /** 招标文件 files already uploaded to the organisation (POST /api/orgs/:orgId/files) */
  tenderFileIds: z.array(Id).max(10).default([]),
};

const datesInOrder = (v: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;

export const CreateProjectBody = z
  .object(ProjectFields)
  .refine(datesInOrder, { message: 'DATE_RANGE_INVALID', path: ['endDate'] });
export type CreateProjectBody = z.input<typeof CreateProjectBody>;

export const UpdateProjectBody = z
  .object({
    name: ProjectFields.name.optional(),
    engineeringType: EngineeringType.optional(),
    investmentFen: AmountFen.optional(),
    regionCode: RegionCode.optional(),
    address: plainText(0, 200).nullable().optional(),
    location: Location.nullable().optional(),
    tags: Tags.optional(),
    startDate: DateOnly.nullable().optional(),
    endDate: DateOnly.nullable().optional(),
    tenderDeadline: DateOnly.nullable().optional(),
    status: ProjectStatus.optional(),
    description: plainText(0, 5000).optional(),
    visibility: Visibility.optional(),
    invitedOrgIds: z.array(Id).max(50).optional(),
    tenderFileIds: z.array(Id).max(10).optional(),
  })
  .refine((v) => datesInOrder({ startDate: v.startDate ?? undefined, endDate: v.endDate ?? undefined }), {
    message: 'DATE_RANGE_INVALID',
    path: ['endDate'],
  });

export const Project = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  name: z.string(),
  engineeringType: EngineeringType,
  investmentFen: z.number(),
  regionCode: z.string(),
  /** 浙江省 / 杭州市 / 萧山区 */
  regionName: z.string(),
  address: z.string().nullable(),
  location: PlacedLocation,
  tags: z.array(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  tenderDeadline: z.string().nullable(),
  status: ProjectStatus,
  description: z.string(),
  visibility: Visibility,
  /** only for the owner */
  invitedOrgIds: z.array(Id).nullable(),
  tenderFiles: z.array(FileMeta),
  questionCount: z.number().int(),
  /** the viewer's organisation owns it */
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Project = z.infer<typeof Project>;
export const ProjectList = z.object({ items: z.array(Project) });

export const ProjectParams = z.object({ projectId: Id });
export const OrgProjectParams = z.object({ orgId: Id, projectId: Id });
export const ProjectFileParams = z.object({ projectId: Id, fileId: Id });
export const ProjectQuestionParams = z.object({ orgId: Id, projectId: Id, questionId: Id });

/** 答疑 a bidder's question and the owner's answer. Askers stay anonymous to other bidders, as in tendering. */
export const ProjectQuestion = z.object({
  id: Id,
  question: z.string(),
  answer: z.string().nullable(),
  askedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  /** asked by the viewer's organisation */
  mine: z.boolean(),
  /** the asking organisation's name: only the project owner sees it */
  askerOrgName: z.string().nullable(),
});
export type ProjectQuestion = z.infer<typeof ProjectQuestion>;
export const ProjectQuestionList = z.object({ items: z.array(ProjectQuestion) });
export const AskQuestionBody = z.object({ question: plainText(5, 1000) });
export const AnswerQuestionBody = z.object({ answer: plainText(1, 2000) });
