import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RewardsStaffOverview } from '@zhuhe/contracts';
import { App, Button, Card, Flex, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { PointsEntriesTable } from './points-view';
import { ReferralTable } from './referral-view';
import { fetchStaffRewards, reverseEntry, rewardsKeys } from './rewards.api';

type Redemption = RewardsStaffOverview['redemptions'][number];

/** 积分与推荐台账 for 运营 and 财务: points entries (财务 reverses), voucher uses, referrals and refused rewards. */
export function StaffRewardsBoard({ canReverse }: { canReverse: boolean }) {
  const { t } = useTranslation('rewards');
  const { modal } = App.useApp();
  const feedback = useErrorFeedback();
  const queryClient = useQueryClient();
  const [refusedOnly, setRefusedOnly] = useState(false);
  const query = useQuery({ queryKey: rewardsKeys.staff, queryFn: fetchStaffRewards });
  const reverse = useMutation({
    mutationFn: reverseEntry,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rewardsKeys.staff }),
    onError: (error) => feedback.show(error),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  const reversed = new Set(d.entries.flatMap((e) => (e.reversesId ? [e.reversesId] : [])));
  const referrals = refusedOnly
    ? d.referrals.filter((r) => r.rewards.some((w) => w.status === 'refused'))
    : d.referrals;
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('staff.referrals')}
        extra={
          <Flex gap={8} align="center">
            <Typography.Text>{t('staff.refusals')}</Typography.Text>
            <Switch checked={refusedOnly} onChange={setRefusedOnly} />
          </Flex>
        }
      >
        <ReferralTable rows={referrals} showReferrer />
      </Card>
      <Card title={t('staff.redemptions')}>
        <Table<Redemption>
          rowKey={(r) => `${r.voucherId}:${r.chargeId}`}
          size="small"
          dataSource={d.redemptions}
          scroll={{ x: 560 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('points.when'), render: (_, r) => formatDateTime(r.redeemedAt) },
            { title: t('staff.org'), dataIndex: 'orgName' },
            { title: t('staff.voucher'), dataIndex: 'voucherCode' },
            { title: t('staff.discount'), render: (_, r) => formatFen(r.discountFen) },
            { title: t('staff.by'), dataIndex: 'redeemedBy' },
          ]}
        />
      </Card>
      <Card title={t('staff.entries')}>
        <PointsEntriesTable
          entries={d.entries}
          showOrg
          action={
            canReverse
              ? (e) =>
                  e.kind === 'reverse' ? null : reversed.has(e.id) ? (
                    <Typography.Text type="secondary">{t('staff.reversed')}</Typography.Text>
                  ) : (
                    <Button
                      size="small"
                      onClick={() =>
                        modal.confirm({
                          title: t('staff.confirmReverse'),
                          onOk: () => reverse.mutateAsync(e.id).catch(() => undefined),
                        })
                      }
                    >
                      {t('staff.reverse')}
                    </Button>
                  )
              : undefined
          }
        />
      </Card>
    </Flex>
  );
}
