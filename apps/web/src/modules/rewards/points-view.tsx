import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PointsCatalogueItem, PointsEntry, Voucher, VoucherList } from '@zhuhe/contracts';
import { Alert, App, Button, Card, Col, Flex, List, Modal, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { useBilingual } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { fetchPoints, fetchVouchers, redeemPoints, redeemVoucher, rewardsKeys } from './rewards.api';

const KIND_COLOURS: Record<PointsEntry['kind'], string> = { earn: 'green', redeem: 'blue', reverse: 'orange' };
const STATE_COLOURS: Record<Voucher['state'], string> = {
  available: 'green',
  used: 'default',
  expired: 'red',
  not_yet_valid: 'orange',
};

export function PointsEntriesTable({
  entries,
  showOrg = false,
  action,
}: {
  entries: PointsEntry[];
  showOrg?: boolean;
  action?: (entry: PointsEntry) => React.ReactNode;
}) {
  const { t } = useTranslation('rewards');
  const bilingual = useBilingual();
  return (
    <Table<PointsEntry>
      rowKey="id"
      size="small"
      dataSource={entries}
      locale={{ emptyText: t('points.empty') }}
      scroll={{ x: 640 }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('points.when'), width: 150, render: (_, e) => formatDateTime(e.createdAt) },
        ...(showOrg ? [{ title: t('staff.org'), dataIndex: 'orgName' }] : []),
        {
          title: t('points.what'),
          render: (_, e) => (
            <Flex gap={4} wrap>
              <Tag color={KIND_COLOURS[e.kind]}>{t(`points.kinds.${e.kind}`)}</Tag>
              <span>{bilingual(e.label)}</span>
            </Flex>
          ),
        },
        {
          title: t('points.change'),
          align: 'right',
          render: (_, e) => (
            <Typography.Text type={e.points > 0 ? 'success' : undefined}>
              {e.points > 0 ? `+${e.points}` : e.points}
            </Typography.Text>
          ),
        },
        { title: t('points.after'), align: 'right', dataIndex: 'balanceAfter' },
        { title: t('points.who'), render: (_, e) => e.userName ?? '—' },
        ...(action ? [{ title: '', render: (_: unknown, e: PointsEntry) => action(e) }] : []),
      ]}
    />
  );
}

function Catalogue({
  orgId,
  items,
  balance,
  manager,
}: {
  orgId: string;
  items: PointsCatalogueItem[];
  balance: number;
  manager: boolean;
}) {
  const { t } = useTranslation('rewards');
  const bilingual = useBilingual();
  const { message, modal } = App.useApp();
  const feedback = useErrorFeedback();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (code: string) => redeemPoints(orgId, code),
    onSuccess: (data) => {
      queryClient.setQueryData(rewardsKeys.points(orgId), data);
      message.success(t('points.done'));
    },
    onError: (error) => feedback.show(error),
  });
  return (
    <List
      grid={{ gutter: 12, xs: 1, sm: 2, md: 2, lg: 4 }}
      dataSource={items}
      renderItem={(item) => (
        <List.Item>
          <Card size="small" data-testid={`catalogue-${item.code}`}>
            <Flex vertical gap={8}>
              <Tag style={{ alignSelf: 'flex-start' }}>{t(`points.${item.kind}`)}</Tag>
              <Typography.Text strong>{bilingual(item.name)}</Typography.Text>
              <Typography.Text>{t('points.unit', { points: item.points })}</Typography.Text>
              {manager ? (
                <Button
                  type={item.points <= balance ? 'primary' : 'default'}
                  loading={mutation.isPending && mutation.variables === item.code}
                  onClick={() =>
                    modal.confirm({
                      title: t('points.confirm', { points: item.points, name: bilingual(item.name) }),
                      onOk: () => mutation.mutateAsync(item.code).catch(() => undefined),
                    })
                  }
                >
                  {item.points <= balance ? t('points.redeem') : `${t('points.redeem')}（${t('points.notEnough')}）`}
                </Button>
              ) : null}
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}

function VoucherTerms({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation('rewards');
  const items = voucher.eligibleItems.map((code) => t(`vouchers.items.${code}`, { defaultValue: code })).join('、');
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong style={{ fontSize: 18 }}>
        {voucher.kind === 'amount'
          ? t('vouchers.amountOff', { amount: formatFen(voucher.valueFen) })
          : t('vouchers.percentOff', { percent: voucher.percent })}
        {voucher.maxDiscountFen ? `，${t('vouchers.upTo', { amount: formatFen(voucher.maxDiscountFen) })}` : ''}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('vouchers.validity', { from: formatDate(voucher.validFrom), until: formatDate(voucher.validUntil) })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {voucher.eligibleItems.length ? t('vouchers.eligible', { items }) : t('vouchers.allServices')}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('vouchers.uses', { used: voucher.used, uses: voucher.usesPerOrg })} · {voucher.code}
      </Typography.Text>
    </Flex>
  );
}

function RedeemVoucherModal({
  orgId,
  voucher,
  list,
  onClose,
}: {
  orgId: string;
  voucher: Voucher;
  list: VoucherList;
  onClose: () => void;
}) {
  const { t } = useTranslation('rewards');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const queryClient = useQueryClient();
  const charges = list.openCharges.filter(
    (c) => !c.voucherApplied && (voucher.eligibleItems.length === 0 || voucher.eligibleItems.includes(c.itemCode)),
  );
  const [chargeId, setChargeId] = useState<string | undefined>(charges[0]?.id);
  const mutation = useMutation({
    mutationFn: () => redeemVoucher(orgId, voucher.id, chargeId as string),
    onSuccess: (r) => {
      message.success(t('vouchers.redeemed', { amount: formatFen(r.discountFen) }));
      void queryClient.invalidateQueries({ queryKey: rewardsKeys.vouchers(orgId) });
      void queryClient.invalidateQueries({ queryKey: ['fees', orgId] });
      onClose();
    },
    onError: (error) => feedback.show(error),
  });
  return (
    <Modal
      open
      title={t('vouchers.chooseCharge')}
      onCancel={onClose}
      okButtonProps={{ disabled: !chargeId, loading: mutation.isPending }}
      okText={t('vouchers.use')}
      onOk={() => mutation.mutate()}
    >
      {charges.length === 0 ? (
        <Alert type="info" showIcon title={t('vouchers.noCharges')} />
      ) : (
        <Select
          style={{ width: '100%' }}
          value={chargeId}
          onChange={setChargeId}
          data-testid="voucher-charge"
          options={charges.map((c) => ({
            value: c.id,
            label: `${formatDate(c.chargedAt)} ${c.description} ${formatFen(c.amountFen)}`,
          }))}
        />
      )}
    </Modal>
  );
}

function Vouchers({ orgId, manager }: { orgId: string; manager: boolean }) {
  const { t } = useTranslation('rewards');
  const bilingual = useBilingual();
  const [using, setUsing] = useState<Voucher | null>(null);
  const query = useQuery({ queryKey: rewardsKeys.vouchers(orgId), queryFn: () => fetchVouchers(orgId) });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const list = query.data;
  return (
    <>
      <List
        grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 3 }}
        dataSource={list.vouchers}
        locale={{ emptyText: t('vouchers.empty') }}
        renderItem={(v) => (
          <List.Item>
            <Card
              size="small"
              data-testid="voucher"
              title={bilingual(v.title)}
              extra={<Tag color={STATE_COLOURS[v.state]}>{t(`vouchers.states.${v.state}`)}</Tag>}
            >
              <VoucherTerms voucher={v} />
              {v.redemptions.map((r) => (
                <Typography.Paragraph key={r.chargeId} type="success" style={{ margin: '4px 0 0' }}>
                  {t('vouchers.used', { amount: formatFen(r.discountFen) })} · {formatDateTime(r.redeemedAt)}
                </Typography.Paragraph>
              ))}
              {manager && v.state === 'available' ? (
                <Button type="primary" style={{ marginTop: 8 }} onClick={() => setUsing(v)}>
                  {t('vouchers.use')}
                </Button>
              ) : null}
            </Card>
          </List.Item>
        )}
      />
      {using ? <RedeemVoucherModal orgId={orgId} voucher={using} list={list} onClose={() => setUsing(null)} /> : null}
    </>
  );
}

const deliveryUrl = (orgId: string, entryId: string) =>
  `/api/orgs/${orgId}/rewards/points/redemptions/${entryId}/delivery.pdf`;

/** 我的兑换 what the organisation redeemed: reports to download, tickets with their admission number. */
function Redemptions({ orgId, entries }: { orgId: string; entries: PointsEntry[] }) {
  const { t } = useTranslation('rewards');
  const bilingual = useBilingual();
  const redeemed = entries.filter((e) => e.delivery !== null);
  return (
    <List
      dataSource={redeemed}
      locale={{ emptyText: t('delivery.empty') }}
      renderItem={(e) => (
        <List.Item
          data-testid="redemption"
          actions={
            e.delivery?.reversed
              ? [<Tag key="reversed">{t('delivery.reversed')}</Tag>]
              : [
                  <Button key="get" size="small" href={deliveryUrl(orgId, e.id)} download>
                    {e.delivery?.kind === 'ticket' ? t('delivery.ticket') : t('delivery.report')}
                  </Button>,
                ]
          }
        >
          <List.Item.Meta
            title={bilingual(e.label)}
            description={
              <Flex gap={8} wrap>
                <span>{formatDateTime(e.createdAt)}</span>
                {e.delivery?.ticketNo ? (
                  <Typography.Text copyable={{ text: e.delivery.ticketNo }}>
                    {t('delivery.ticketNo', { no: e.delivery.ticketNo })}
                  </Typography.Text>
                ) : null}
              </Flex>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 积分与优惠券 the balance, the catalogue, the ledger and the vouchers of the organisation. */
export function PointsView({ orgId, manager }: { orgId: string; manager: boolean }) {
  const { t } = useTranslation('rewards');
  const query = useQuery({ queryKey: rewardsKeys.points(orgId), queryFn: () => fetchPoints(orgId) });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  return (
    <Flex vertical gap={16}>
      <Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={8}>
            <Statistic title={t('points.balance')} value={d.balance} data-testid="points-balance" />
          </Col>
          <Col xs={12} sm={8}>
            <Statistic title={t('points.earned')} value={d.earned} />
          </Col>
          <Col xs={12} sm={8}>
            <Statistic title={t('points.redeemed')} value={d.redeemed} />
          </Col>
        </Row>
        {manager ? null : <Typography.Text type="secondary">{t('points.managersOnly')}</Typography.Text>}
      </Card>
      <Card title={t('vouchers.title')}>
        <Vouchers orgId={orgId} manager={manager} />
      </Card>
      <Card title={t('points.catalogue')}>
        <Catalogue orgId={orgId} items={d.catalogue} balance={d.balance} manager={manager} />
      </Card>
      <Card title={t('delivery.title')}>
        <Redemptions orgId={orgId} entries={d.entries} />
      </Card>
      <Card title={t('points.ledger')}>
        <PointsEntriesTable entries={d.entries} />
      </Card>
    </Flex>
  );
}
