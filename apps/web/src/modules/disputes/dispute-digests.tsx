import { useQuery } from '@tanstack/react-query';
import { DisputeDigestList } from '@zhuhe/contracts';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { formatDate } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';

const LEVEL_KEYS = { 1: 'levels.l1', 2: 'levels.l2', 3: 'levels.l3' } as const;

/**
 * 案例公示 the decided cases as published: case number, type, level, outcome, amounts and a summary without the
 * parties' names or personal data, so members see how the platform decides.
 */
export function DisputeDigests() {
  const { t } = useTranslation('disputes');
  const query = useQuery({
    queryKey: ['dispute-digests'],
    queryFn: () => apiRequest('GET', '/api/disputes/digests', DisputeDigestList),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  return (
    <Card title={t('digests.title')} extra={<Typography.Text type="secondary">{t('digests.hint')}</Typography.Text>}>
      <List
        dataSource={query.data.items}
        locale={{ emptyText: t('digests.empty') }}
        renderItem={(d) => (
          <List.Item data-testid="dispute-digest">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={6}>
                <Typography.Text strong>{d.caseNo}</Typography.Text>
                <Tag>{t(`types.${d.type}`)}</Tag>
                <Tag color="blue">{t(LEVEL_KEYS[d.level as 1 | 2 | 3] ?? 'levels.l1')}</Tag>
                <Tag color="gold">{t(`outcomes.${d.outcome}`)}</Tag>
                <Typography.Text type="secondary">{formatDate(d.decidedAt)}</Typography.Text>
              </Space>
              <Typography.Text>
                {t('digests.amounts', {
                  claimed: formatFen(d.amountInDisputeFen),
                  awarded: formatFen(d.awardedToClaimantFen),
                })}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {d.summary}
              </Typography.Paragraph>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
