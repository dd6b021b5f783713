import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { apiRequest } from '../../app/api-client';

/*
 * The grade badges live apart from the credit panels: the workspace home renders a badge on the first page, and a
 * file reached from the first page goes into its chunk whole, with every component its other exports use.
 */

const GRADE_COLOURS: Record<string, string> = { AAA: 'gold', AA: 'green', A: 'blue', B: 'orange', C: 'red' };

/** 信用等级 badge, wherever an organisation is shown. */
export function CreditGradeBadge({ grade }: { grade: string | null | undefined }) {
  if (!grade) return null;
  return (
    <Tag color={GRADE_COLOURS[grade] ?? 'default'} data-testid="credit-grade-badge" style={{ fontWeight: 600 }}>
      {grade}
    </Tag>
  );
}

/** 信用档案 the organisation's credit page: grade, five dimensions with indicators, history, explanation, advice. */

const GradeOnly = z.object({ grade: z.object({ grade: z.string() }).nullable() });

/** The organisation's grade in force as a badge linking to its credit page (header of the workspace). */
export function OrgCreditBadge({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['credit-grade', orgId],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/credit-grade`, GradeOnly),
  });
  const grade = query.data?.grade?.grade;
  if (!grade) return null;
  return (
    <Link to="/workspace/credit">
      <Space size={4}>
        <Typography.Text type="secondary">{t('header.creditGrade')}</Typography.Text>
        <CreditGradeBadge grade={grade} />
      </Space>
    </Link>
  );
}
