import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import * as api from './growth.api';
import { growthKeys, Loaded } from './growth-shared';

const pct = (n: number | undefined) => `${((n ?? 0) * 100).toFixed(1)}%`;
const STATUS_COLOUR = { open: 'red', acknowledged: 'gold', resolved: 'green' } as const;

/**
 * 商家预警: the growth team's list of every merchant's alerts (acknowledge, resolve, check now), or with `orgId` the
 * merchant's own (its managers acknowledge).
 */
export function MerchantAlertsCard({ orgId }: { orgId?: string }) {
  const { t } = useTranslation('growth');
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = [...growthKeys.all, 'merchant-alerts', orgId ?? 'staff'];
  const alerts = useQuery({ queryKey: key, queryFn: () => api.fetchMerchantAlerts(orgId) });
  const update = useMutation({
    mutationFn: (v: { id: string; status: 'acknowledged' | 'resolved' }) =>
      api.updateMerchantAlert(v.id, v.status, orgId),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
  const check = useMutation({
    mutationFn: api.checkMerchantAlerts,
    onSuccess: (r) => {
      message.success(t('alerts.checked', { count: r.raised }));
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const evidence = (a: api.MerchantAlertData) =>
    a.rule === 'complaint_rate'
      ? t('alerts.complaints', { ...a.evidence, rate: pct(a.evidence.rate) })
      : t('alerts.drop', { ...a.evidence, share: pct(a.evidence.share) });
  return (
    <Card
      title={t('alerts.title')}
      extra={
        orgId ? null : (
          <Button size="small" onClick={() => check.mutate()} loading={check.isPending}>
            {t('alerts.check')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('alerts.subtitle')}</Typography.Paragraph>
      <Loaded query={alerts}>
        {(data) => (
          <Table
            data-testid="merchant-alerts"
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: true }}
            locale={{ emptyText: t('alerts.empty') }}
            dataSource={data.items}
            columns={[
              ...(orgId
                ? []
                : [
                    {
                      title: t('alerts.merchant'),
                      key: 'org',
                      render: (_: unknown, a: api.MerchantAlertData) => a.orgName ?? a.orgId.slice(0, 8),
                    },
                  ]),
              { title: t('alerts.week'), dataIndex: 'weekStart' },
              {
                title: t('alerts.rule'),
                dataIndex: 'rule',
                render: (r: api.MerchantAlertData['rule']) => t(`alerts.rules.${r}`),
              },
              {
                title: t('alerts.evidence'),
                key: 'evidence',
                render: (_: unknown, a: api.MerchantAlertData) => evidence(a),
              },
              {
                title: t('alerts.status'),
                dataIndex: 'status',
                render: (s: api.MerchantAlertData['status']) => (
                  <Tag color={STATUS_COLOUR[s]}>{t(`alerts.statuses.${s}`)}</Tag>
                ),
              },
              {
                title: '',
                key: 'actions',
                render: (_: unknown, a: api.MerchantAlertData) => (
                  <Space>
                    {a.status === 'open' ? (
                      <Button size="small" onClick={() => update.mutate({ id: a.id, status: 'acknowledged' })}>
                        {t('alerts.acknowledge')}
                      </Button>
                    ) : null}
                    {!orgId && a.status !== 'resolved' ? (
                      <Button size="small" onClick={() => update.mutate({ id: a.id, status: 'resolved' })}>
                        {t('alerts.resolve')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}
