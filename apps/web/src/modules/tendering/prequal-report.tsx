import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { useLanguage } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { prequalPdfUrl } from './tendering.api';
import { usePrequal } from './tendering.queries';

/** 预审报告: the bidder's own, or (for the buyer, after opening) one bidder's. */
export function PrequalReport({
  orgId,
  tenderId,
  bidderOrgId,
}: {
  orgId: string;
  tenderId: string;
  bidderOrgId?: string;
}) {
  const { t } = useTranslation('tendering');
  const lang = useLanguage();
  const reports = usePrequal(orgId, tenderId, bidderOrgId);
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  if (!reports.data) return <LoadingState />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/workspace/tenders/${tenderId}`}>{t('prequal.back')}</Link>
      {reports.data.map((r) => (
        <Card
          key={r.bidderOrgId}
          title={r.bidderName}
          extra={
            <Button href={prequalPdfUrl(orgId, tenderId, r.bidderOrgId)} target="_blank" data-testid="prequal-pdf">
              {t('prequal.pdf')}
            </Button>
          }
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('prequal.requirement')}>
              {r.requirement.kind || '—'} {r.requirement.grade}
            </Descriptions.Item>
            <Descriptions.Item label={t('prequal.checkedAt')}>{formatDateTime(r.checkedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('prequal.result')}>
              <Tag color={r.result === 'passed' ? 'success' : 'error'} data-testid="prequal-result">
                {t(`prequal.${r.result}`)}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={r.checks}
            columns={[
              { title: '', dataIndex: 'key', render: (k: 'credit') => t(`prequal.keys.${k}`) },
              {
                title: t('prequal.result'),
                dataIndex: 'passed',
                render: (p: boolean) => (
                  <Tag color={p ? 'success' : 'error'}>{p ? t('prequal.passed') : t('prequal.failed')}</Tag>
                ),
              },
              { title: '', render: (_, c) => c.detail[lang] },
            ]}
          />
          {r.reasons.map((reason) => (
            <Typography.Paragraph key={reason['zh-CN']} type="danger" style={{ marginTop: 8 }}>
              {reason[lang]}
            </Typography.Paragraph>
          ))}
        </Card>
      ))}
    </Space>
  );
}
