import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useStepUp } from '../identity';
import { usePayout, useWallet, walletStatementUrl } from './escrow.api';

type CodeKey = keyof typeof import('./escrow.i18n').escrowZhCN.wallet.codes;

/** 钱包 an organisation's balances, entries (exportable as CSV) and payouts through the bank adapter. */
export function WalletView({ orgId, canPayOut }: { orgId: string; canPayOut: boolean }) {
  const { t } = useTranslation('escrow');
  const query = useWallet(orgId);
  const [open, setOpen] = useState<{ wageOf: string | null } | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { accounts, entries, payouts } = query.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="wallet-view">
      <Card
        title={t('wallet.accounts')}
        extra={
          <Space wrap>
            <a href={walletStatementUrl(orgId)} download data-testid="wallet-export">
              <Button>{t('wallet.export')}</Button>
            </a>
            {canPayOut ? (
              <Button type="primary" onClick={() => setOpen({ wageOf: null })}>
                {t('wallet.payout')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Row gutter={[16, 16]}>
          {accounts.map((a) => (
            <Col xs={24} md={12} key={a.code}>
              <Card
                size="small"
                title={t(`wallet.kinds.${a.kind as 'org_wallet'}`, { defaultValue: a.kind })}
                extra={
                  canPayOut && a.kind === 'labour_wage' && a.contractId ? (
                    <Button size="small" onClick={() => setOpen({ wageOf: a.contractId })}>
                      {t('wallet.payWages')}
                    </Button>
                  ) : null
                }
              >
                <Row gutter={8}>
                  <Col span={8}>
                    <Statistic
                      title={t('wallet.balance')}
                      value={formatFen(a.balanceFen)}
                      styles={{ content: { fontSize: 16 } }}
                    />
                  </Col>
                  <Col span={8}>
                    <Statistic
                      title={t('wallet.heldAmount')}
                      value={formatFen(a.heldFen)}
                      styles={{ content: { fontSize: 16 } }}
                    />
                  </Col>
                  <Col span={8}>
                    <Statistic
                      title={t('wallet.available')}
                      value={formatFen(a.availableFen)}
                      styles={{ content: { fontSize: 16 } }}
                    />
                  </Col>
                </Row>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      <Card title={t('wallet.entries')} styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: 560 }}
          dataSource={entries}
          locale={{ emptyText: t('wallet.empty') }}
          columns={[
            { title: t('wallet.columns.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            {
              title: t('wallet.columns.code'),
              dataIndex: 'code',
              render: (v: string) => t(`wallet.codes.${v as CodeKey}`, { defaultValue: v }),
            },
            { title: t('wallet.columns.counterparty'), dataIndex: 'counterparty', ellipsis: true },
            {
              title: t('wallet.columns.contract'),
              dataIndex: 'contractId',
              render: (id: string | null) =>
                id ? (
                  <Link to={`/workspace/contracts/${id}/money`} data-testid="wallet-contract-link">
                    {t('money.title')}
                  </Link>
                ) : null,
            },
            {
              title: t('wallet.columns.in'),
              dataIndex: 'inFen',
              align: 'right',
              render: (v: number) => (v ? formatFen(v) : ''),
            },
            {
              title: t('wallet.columns.out'),
              dataIndex: 'outFen',
              align: 'right',
              render: (v: number) => (v ? formatFen(v) : ''),
            },
            {
              title: t('wallet.columns.balance'),
              dataIndex: 'balanceFen',
              align: 'right',
              render: (v: number) => formatFen(v),
            },
          ]}
        />
      </Card>
      {payouts.length > 0 ? (
        <Card title={t('wallet.payouts')} styles={{ body: { padding: 0 } }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={payouts}
            columns={[
              { title: t('wallet.columns.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: t('wallet.beneficiaryName'), dataIndex: 'beneficiaryName' },
              {
                title: t('money.columns.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (v: number) => formatFen(v),
              },
              {
                title: t('money.columns.status'),
                dataIndex: 'status',
                render: (v: 'pending' | 'paid' | 'failed') => (
                  <Tag color={v === 'paid' ? 'green' : v === 'failed' ? 'red' : 'blue'}>
                    {t(`wallet.payoutStatus.${v}`)}
                  </Tag>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      {canPayOut ? (
        <PayoutModal orgId={orgId} open={open !== null} wageOf={open?.wageOf ?? null} onClose={() => setOpen(null)} />
      ) : null}
    </Space>
  );
}

function PayoutModal({
  orgId,
  open,
  wageOf,
  onClose,
}: {
  orgId: string;
  open: boolean;
  /** the contract whose wage account pays (农民工工资), or null for the wallet */
  wageOf: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('escrow');
  const [form] = Form.useForm<{ amountYuan: number; beneficiaryName: string; beneficiaryAccount: string }>();
  const payout = usePayout(orgId);
  const { ensureStepUp, stepUpModal } = useStepUp();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const submit = async () => {
    const values = await form.validateFields();
    if (!(await ensureStepUp(t('wallet.payoutReason')))) return;
    try {
      await payout.mutateAsync({
        amountFen: Math.round(values.amountYuan * 100),
        beneficiaryName: values.beneficiaryName,
        beneficiaryAccount: values.beneficiaryAccount,
        clientId: crypto.randomUUID(),
        ...(wageOf ? { wageAccountOfContractId: wageOf } : {}),
      });
      message.success(t('wallet.payoutDone'));
      form.resetFields();
      onClose();
    } catch (error) {
      feedback.show(error);
    }
  };
  return (
    <>
      <Modal
        open={open}
        title={wageOf ? t('wallet.payWages') : t('wallet.payoutTitle')}
        onCancel={onClose}
        onOk={() => void submit()}
        confirmLoading={payout.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="amountYuan" label={t('wallet.amountYuan')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="beneficiaryName" label={t('wallet.beneficiaryName')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="beneficiaryAccount"
            label={t('wallet.beneficiaryAccount')}
            rules={[{ required: true, pattern: /^\d{8,30}$/ }]}
          >
            <Input inputMode="numeric" maxLength={30} />
          </Form.Item>
        </Form>
      </Modal>
      {stepUpModal}
    </>
  );
}
