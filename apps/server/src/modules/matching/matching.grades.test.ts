import { DEMAND_QUALIFICATION_GRADES, QUALIFICATION_GRADES } from '@zhuhe/contracts';
import { describe, expect, it } from 'vitest';
import { certificateGradeOf, gradeSatisfies, qualificationCovers } from './matching.grades';

describe('qualification grades', () => {
  it('maps every demand grade onto a certificate grade (不限 onto none)', () => {
    for (const g of DEMAND_QUALIFICATION_GRADES) {
      const mapped = certificateGradeOf(g);
      if (g === '不限') expect(mapped).toBeNull();
      else expect(QUALIFICATION_GRADES).toContain(mapped);
    }
  });

  it('accepts the grade asked for or better, on the same ladder only', () => {
    expect(gradeSatisfies('first', '二级')).toBe(true);
    expect(gradeSatisfies('second', '二级')).toBe(true);
    expect(gradeSatisfies('third', '二级')).toBe(false);
    expect(gradeSatisfies('special', '一级')).toBe(true);
    expect(gradeSatisfies('grade_a', '乙级')).toBe(true);
    expect(gradeSatisfies('grade_b', '甲级')).toBe(false);
    expect(gradeSatisfies('grade_a', '二级')).toBe(false);
    expect(gradeSatisfies('ungraded', '不限')).toBe(true);
  });

  it('matches the certificate category against what the demand names', () => {
    expect(qualificationCovers({ kind: 'specialty_contracting', category: '钢结构工程' }, '钢结构工程专业承包')).toBe(
      true,
    );
    expect(qualificationCovers({ kind: 'specialty_contracting', category: '地基基础工程' }, '钢结构工程专业承包')).toBe(
      false,
    );
  });
});
