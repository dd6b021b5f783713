import type { EscrowStatus } from '@zhuhe/contracts';
import { Alert, Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useContractMoney } from './escrow.api';

type EventKind = keyof typeof import('./escrow.i18n').escrowZhCN.money.events;

/** 资金监管视图 a contract's money: funded, held, released, retained, frozen, with its timeline. */
export function MoneyView({ orgId, contractId }: { orgId: string; contractId: string }) {
  const query = useContractMoney(orgId, contractId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <MoneyDetails status={query.data} />;
}

export function MoneyDetails({ status }: { status: EscrowStatus }) {
  const { t } = useTranslation('escrow');
  const figures: [string, number][] = [
    ['funded', status.fundedFen],
    ['held', status.heldFen],
    ['released', status.releasedFen],
    ['retained', status.retainedFen],
    ['labour', status.labourWageFen],
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="money-view">
      {status.frozen ? (
        <Alert
          type="error"
          showIcon
          data-testid="money-frozen"
          title={t('money.frozen')}
          description={t('money.frozenSince', {
            at: formatDateTime(status.frozenAt),
            reason: status.frozenReason ?? '',
          })}
        />
      ) : null}
      <Card>
        <Row gutter={[16, 16]}>
          {figures.map(([key, fen]) => (
            <Col xs={12} sm={8} md={4} key={key}>
              <Statistic
                title={t(`money.${key}` as 'money.funded')}
                value={formatFen(fen)}
                data-testid={`money-${key}`}
              />
            </Col>
          ))}
          <Col xs={12} sm={8} md={4}>
            <Statistic
              title={t('money.frozen')}
              valueRender={() =>
                status.frozen ? (
                  <Tag color="red">{t('money.frozen')}</Tag>
                ) : (
                  <Tag color="green">{t('money.active')}</Tag>
                )
              }
            />
          </Col>
        </Row>
      </Card>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('money.reference')}>
            <Typography.Text copyable strong data-testid="money-reference">
              {status.depositReference}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('money.bond')}>
            {status.bondRequiredFen > 0 ? (
              <Space wrap data-testid="money-bond">
                {t('money.bondStatus', {
                  required: formatFen(status.bondRequiredFen),
                  posted: formatFen(status.bondPostedFen),
                })}
                {status.bondPolicy ? (
                  <Tag color="blue" style={{ whiteSpace: 'normal' }}>
                    {t('money.bondInsured', { insured: formatFen(status.bondPolicy.insuredFen) })}
                  </Tag>
                ) : (
                  <Typography.Text copyable>{status.bondReference}</Typography.Text>
                )}
                <Tag color={status.bondSatisfied ? 'green' : 'orange'}>
                  {status.bondSatisfied ? t('money.bondSatisfied') : t('money.bondOpen')}
                </Tag>
              </Space>
            ) : (
              t('money.bondNone')
            )}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('money.referenceHint')} {t('money.rules')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('money.schedule')} styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="milestoneId"
          size="small"
          pagination={false}
          scroll={{ x: 480 }}
          dataSource={status.schedule}
          columns={[
            { title: t('money.columns.milestone'), dataIndex: 'title' },
            { title: t('money.columns.dueDate'), dataIndex: 'dueDate' },
            {
              title: t('money.columns.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => formatFen(v),
            },
            {
              title: t('money.columns.status'),
              dataIndex: 'status',
              render: (v: 'scheduled' | 'paid', row) => (
                <Space size={4} wrap>
                  <Tag color={v === 'paid' ? 'green' : 'default'}>{t(`money.scheduleStatus.${v}`)}</Tag>
                  {row.overdueDays > 0 ? (
                    <Tag color={row.overdueDays > 15 ? 'red' : 'orange'}>
                      {t('money.columns.overdue')} {t('money.overdueDays', { days: row.overdueDays })}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {status.releases.length > 0 ? (
        <Card title={t('money.releases')} styles={{ body: { padding: 0 } }}>
          <Table
            rowKey="releaseId"
            size="small"
            pagination={false}
            scroll={{ x: 640 }}
            dataSource={status.releases}
            columns={[
              {
                title: t('money.columns.milestone'),
                dataIndex: 'milestoneId',
                render: (id: string) => status.schedule.find((s) => s.milestoneId === id)?.title ?? id,
              },
              ...(['grossFen', 'netFen', 'retentionFen', 'labourFen', 'feeFen', 'reserveFen'] as const).map((k) => ({
                title: t(
                  `money.columns.${({ grossFen: 'gross', netFen: 'net', retentionFen: 'retention', labourFen: 'labourCost', feeFen: 'fee', reserveFen: 'reserve' } as const)[k]}`,
                ),
                dataIndex: k,
                align: 'right' as const,
                render: (v: number) => formatFen(v),
              })),
            ]}
          />
        </Card>
      ) : null}
      <Card title={t('money.timeline')}>
        <Timeline
          data-testid="money-timeline"
          items={status.timeline.map((e) => ({
            color: e.kind === 'frozen' ? 'red' : e.kind === 'unfrozen' || e.kind === 'released' ? 'green' : 'blue',
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {t(`money.events.${e.kind as EventKind}`, { defaultValue: e.kind })}
                  {e.amountFen !== null ? ` · ${formatFen(e.amountFen)}` : ''}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {formatDateTime(e.at)}
                  {e.detail.reason ? ` · ${e.detail.reason}` : ''}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
        {status.timeline.length === 0 ? formatDate(null) : null}
      </Card>
    </Space>
  );
}
