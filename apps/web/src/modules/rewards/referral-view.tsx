import { useQuery } from '@tanstack/react-query';
import type { Referral } from '@zhuhe/contracts';
import { App, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { fetchReferrals, rewardsKeys } from './rewards.api';

const STATUS_COLOURS: Record<Referral['status'], string> = {
  registered: 'default',
  organisation: 'processing',
  verified: 'success',
  transacted: 'gold',
};

export function RewardTags({ referral }: { referral: Referral }) {
  const { t } = useTranslation('rewards');
  if (referral.rewards.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {referral.rewards.map((w) => {
        const milestone = t(`referral.milestones.${w.milestone}`);
        return w.status === 'granted' ? (
          <Tag key={w.milestone} color="green" data-testid="referral-reward">
            {t('referral.rewardGranted', { milestone })}
          </Tag>
        ) : (
          <Tag key={w.milestone} color="red" data-testid="referral-refused">
            {t('referral.rewardRefused', { milestone, reason: t(`referral.reasons.${w.reason ?? 'self_referral'}`) })}
          </Tag>
        );
      })}
    </Flex>
  );
}

export function ReferralTable({ rows, showReferrer = false }: { rows: Referral[]; showReferrer?: boolean }) {
  const { t } = useTranslation('rewards');
  return (
    <Table<Referral>
      rowKey="id"
      size="small"
      dataSource={rows}
      locale={{ emptyText: t('referral.empty') }}
      scroll={{ x: 640 }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        ...(showReferrer ? [{ title: t('staff.referrer'), dataIndex: 'referrerOrgName' }] : []),
        { title: t('referral.user'), dataIndex: 'userName' },
        {
          title: t('referral.org'),
          render: (_, r) => r.orgName ?? <Typography.Text type="secondary">{t('referral.noOrg')}</Typography.Text>,
        },
        {
          title: t('referral.status'),
          render: (_, r) => <Tag color={STATUS_COLOURS[r.status]}>{t(`referral.statuses.${r.status}`)}</Tag>,
        },
        { title: t('referral.rewards'), render: (_, r) => <RewardTags referral={r} /> },
        { title: t('referral.registeredAt'), width: 110, render: (_, r) => formatDate(r.registeredAt) },
      ]}
    />
  );
}

/** 推荐有礼 the user's code and link, the organisations invited and what each earned. */
export function ReferralView({ orgId }: { orgId: string }) {
  const { t } = useTranslation('rewards');
  const { message } = App.useApp();
  const query = useQuery({ queryKey: rewardsKeys.referrals(orgId), queryFn: () => fetchReferrals(orgId) });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  const link = `${window.location.origin}${d.path}`;
  return (
    <Flex vertical gap={16}>
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('referral.myCode')}>
            <Typography.Text strong copyable data-testid="referral-code" style={{ fontSize: 18 }}>
              {d.code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('referral.link')}>
            <Flex gap={8} wrap align="center" style={{ minWidth: 0 }}>
              <Typography.Text data-testid="referral-link" style={{ wordBreak: 'break-all' }}>
                {link}
              </Typography.Text>
              <Button
                size="small"
                onClick={() =>
                  void navigator.clipboard?.writeText(link).then(() => message.success(t('referral.copied')))
                }
              >
                {t('referral.copy')}
              </Button>
            </Flex>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('referral.granted', { granted: d.granted, cap: d.cap })} · {t('referral.rules')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('referral.invited')}>
        <ReferralTable rows={d.invited} />
      </Card>
    </Flex>
  );
}
