import type { QualificationGrade } from '@zhuhe/contracts';

/**
 * The one place that maps the grade a demand asks for (DEMAND_QUALIFICATION_GRADES, as buyers write it) to the
 * certificate grades verification stores (QUALIFICATION_GRADES), and decides whether a held grade is enough.
 */
const DEMAND_TO_CERTIFICATE: Record<string, QualificationGrade | null> = {
  特级: 'special',
  一级: 'first',
  二级: 'second',
  三级: 'third',
  甲级: 'grade_a',
  乙级: 'grade_b',
  不限: null,
};

export function certificateGradeOf(demandGrade: string): QualificationGrade | null {
  return DEMAND_TO_CERTIFICATE[demandGrade] ?? null;
}

/** Higher is better, within one ladder: 特级 > 一级 > 二级 > 三级; 甲级 > 乙级. */
const LADDER: Record<string, [ladder: string, level: number]> = {
  special: ['contracting', 4],
  first: ['contracting', 3],
  second: ['contracting', 2],
  third: ['contracting', 1],
  grade_a: ['design', 2],
  grade_b: ['design', 1],
  ungraded: ['none', 0],
};

/** Whether a certificate of `held` grade satisfies a demand asking for `demandGrade` (不限 takes any). */
export function gradeSatisfies(held: string, demandGrade: string): boolean {
  const required = certificateGradeOf(demandGrade);
  if (!required) return true;
  const [heldLadder, heldLevel] = LADDER[held] ?? ['none', 0];
  const [reqLadder, reqLevel] = LADDER[required] as [string, number];
  return heldLadder === reqLadder && heldLevel >= reqLevel;
}

/** Whether a certificate's kind and category cover what the demand names (e.g. 钢结构工程专业承包). */
export function qualificationCovers(held: { kind: string; category: string }, demandKind: string): boolean {
  const want = demandKind.replace(/资质|证书|\s/g, '');
  if (!want) return true;
  const category = held.category.replace(/资质|证书|\s/g, '');
  return category.length > 0 && (want.includes(category) || category.includes(want));
}
