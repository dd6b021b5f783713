import { z } from 'zod';
import { Id } from './common';

/** 已保存的分析 a growth analysis saved under a name, its query as the analysis route takes it. */

export const SavedAnalysisKind = z.enum(['funnel', 'cohorts', 'rfm', 'channels']);
export type SavedAnalysisKind = z.infer<typeof SavedAnalysisKind>;

/** The page's query parameters (`from`, `to`, `steps` …), checked against the analysis' own query when saved. */
export const SavedAnalysisQuery = z.record(z.string().max(40), z.union([z.string().max(400), z.number()]));

export const SavedAnalysisBody = z.object({
  kind: SavedAnalysisKind,
  name: z.string().trim().min(1).max(80),
  query: SavedAnalysisQuery,
  /** 共享给增长团队 */
  shared: z.boolean().default(false),
});
export const SavedAnalysisPatch = z
  .object({ name: z.string().trim().min(1).max(80).optional(), shared: z.boolean().optional() })
  .refine((p) => p.name !== undefined || p.shared !== undefined, 'name or shared');
export const SavedAnalysisParams = z.object({ analysisId: Id });
export const SavedAnalysisListQuery = z.object({ kind: SavedAnalysisKind.optional() });

export const SavedAnalysis = z.object({
  id: Id,
  kind: SavedAnalysisKind,
  name: z.string(),
  query: SavedAnalysisQuery,
  shared: z.boolean(),
  ownerUserId: Id,
  /** the reader saved it (and may rename or delete it) */
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SavedAnalysis = z.infer<typeof SavedAnalysis>;
export const SavedAnalysisList = z.object({ items: z.array(SavedAnalysis) });
