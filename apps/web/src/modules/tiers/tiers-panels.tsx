import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OrgTier, TierOverview, TierRunResult } from '@zhuhe/contracts';
import { App, Button, Card, Col, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../app/format-date';
import { useBilingual } from '../../app/language';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';

/** 用户等级 an organisation's tier, its history and the rules still waiting for data. */
export function OrgTierCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('tiers');
  const bilingual = useBilingual();
  const query = useQuery({
    queryKey: ['tiers', orgId],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/tier`, OrgTier),
  });
  if (query.isError || !query.data) return null;
  const d = query.data;
  return (
    <Card size="small" title={t('title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        <Tag color="blue" data-testid="org-tier">
          {t(`tiers.${d.tier}`)}
        </Tag>{' '}
        {t('since', { date: formatDate(d.since) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('rules')}
      </Typography.Paragraph>
      {d.pendingData.length ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('pending')} {d.pendingData.map((p) => bilingual(p)).join('；')}
        </Typography.Paragraph>
      ) : null}
      {d.history.length ? (
        <List
          size="small"
          header={t('history')}
          dataSource={d.history}
          renderItem={(h) => (
            <List.Item>
              {h.quarter}：{t(`tiers.${h.fromTier}`)} → {t(`tiers.${h.toTier}`)}（
              {h.reasons.map((r) => bilingual(r)).join('；')}）
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

export function TierOverviewPanel() {
  const { t } = useTranslation('tiers');
  const bilingual = useBilingual();
  const client = useQueryClient();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const query = useQuery({
    queryKey: ['tiers', 'overview'],
    queryFn: () => apiRequest('GET', '/api/staff/tiers', TierOverview),
  });
  const run = useMutation({
    mutationFn: () => apiRequest('POST', '/api/staff/tiers/evaluate', TierRunResult),
    onSuccess: (r) => {
      void message.info(t('ran', r));
      void client.invalidateQueries({ queryKey: ['tiers', 'overview'] });
    },
    onError: feedback.show,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card
      title={t('overview')}
      extra={
        <Button loading={run.isPending} onClick={() => run.mutate()}>
          {t('run')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('rules')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(query.data?.counts ?? []).map((c) => (
          <Col key={c.tier} xs={12} md={6}>
            <Statistic title={t(`tiers.${c.tier}`)} value={c.count} />
          </Col>
        ))}
      </Row>
      <Table
        rowKey={(r) => `${r.orgId}-${r.computedAt}`}
        size="small"
        loading={query.isPending}
        dataSource={query.data?.recent ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('organisation'), dataIndex: 'orgName' },
          { title: t('quarter'), dataIndex: 'quarter' },
          { title: t('change'), render: (_, r) => `${t(`tiers.${r.fromTier}`)} → ${t(`tiers.${r.toTier}`)}` },
          { title: t('reasons'), render: (_, r) => r.reasons.map((x) => bilingual(x)).join('；') },
          { title: '', render: (_, r) => formatDateTime(r.computedAt) },
        ]}
      />
    </Card>
  );
}
