import type { FinanceOverview, StatementImportReport } from '@zhuhe/contracts';
import { App, Button, type ButtonProps, Card, Empty, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { useLanguage } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import {
  useApproveUnfreeze,
  useFinanceOverview,
  useImportReport,
  useImportStatement,
  usePendingUnfreezes,
  useRequestUnfreeze,
  useRevealPayoutAccount,
  useRunOverdueCheck,
} from './escrow.api';

const OUTCOME_COLOURS = { matched: 'green', unmatched: 'orange', duplicate: 'default', invalid: 'red' } as const;

/** 财务控制台 statement import with its reconciliation report, risk cases, frozen escrows and dual-controlled unfreeze. */
export function FinanceConsole() {
  const { t } = useTranslation('escrow');
  const overview = useFinanceOverview();
  const [reportId, setReportId] = useState<string | null>(null);
  const report = useImportReport(reportId);
  const overdue = useRunOverdueCheck();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  if (overview.isPending) return <LoadingState />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-console">
      <StatementImport onImported={setReportId} />
      {report.data ? <ReconciliationReport report={report.data} /> : null}
      <RecentPayouts payouts={data.payouts} />
      <FrozenEscrows frozen={data.frozen} />
      <PendingUnfreezes />
      <Card
        title={t('finance.riskCases')}
        styles={{ body: { padding: 0 } }}
        extra={
          <Button
            loading={overdue.isPending}
            onClick={() =>
              overdue.mutate(undefined, {
                onSuccess: (r) => message.info(t('finance.overdueResult', { count: r.frozen.length })),
                onError: feedback.show,
              })
            }
          >
            {t('finance.runOverdue')}
          </Button>
        }
      >
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: 560 }}
          dataSource={data.riskCases}
          columns={[
            { title: t('finance.columns.opened'), dataIndex: 'openedAt', render: (v: string) => formatDateTime(v) },
            { title: t('finance.columns.contract'), dataIndex: 'contractId', render: (v: string) => v.slice(0, 8) },
            { title: t('finance.columns.detail'), dataIndex: 'detail' },
            {
              title: t('finance.columns.status'),
              dataIndex: 'status',
              render: (v: 'open' | 'closed') => (
                <Tag color={v === 'open' ? 'red' : 'default'}>{t(`finance.caseStatus.${v}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('finance.imports')} styles={{ body: { padding: 0 } }}>
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: 480 }}
          dataSource={data.imports}
          columns={[
            { title: t('wallet.columns.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: 'CSV', dataIndex: 'filename', ellipsis: true },
            { title: t('finance.report'), key: 'counts', render: (_, r) => t('finance.counts', r) },
            {
              key: 'view',
              render: (_, r) => (
                <Button size="small" onClick={() => setReportId(r.id)}>
                  {t('finance.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function StatementImport({ onImported }: { onImported: (id: string) => void }) {
  const { t } = useTranslation('escrow');
  const [csv, setCsv] = useState('');
  const [filename, setFilename] = useState('statement.csv');
  const importStatement = useImportStatement();
  const feedback = useErrorFeedback();
  return (
    <Card title={t('finance.import')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('finance.importHint')}</Typography.Text>
        <Upload
          accept=".csv,text/csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => {
              setCsv(text);
              setFilename(file.name);
            });
            return false;
          }}
        >
          <Button>{t('finance.chooseFile')}</Button>
        </Upload>
        <Input.TextArea
          rows={4}
          value={csv}
          placeholder={t('finance.paste')}
          onChange={(e) => setCsv(e.target.value)}
          data-testid="statement-csv"
        />
        <Button
          type="primary"
          disabled={csv.trim() === ''}
          loading={importStatement.isPending}
          data-testid="statement-import"
          onClick={() =>
            importStatement.mutate({ filename, csv }, { onSuccess: (r) => onImported(r.id), onError: feedback.show })
          }
        >
          {t('finance.submitImport')}
        </Button>
      </Space>
    </Card>
  );
}

function ReconciliationReport({ report }: { report: StatementImportReport }) {
  const { t } = useTranslation('escrow');
  return (
    <Card
      title={`${t('finance.report')} · ${report.filename}`}
      extra={<span data-testid="reconciliation-counts">{t('finance.counts', report)}</span>}
      styles={{ body: { padding: 0 } }}
    >
      <Table
        rowKey={(r) => `${r.lineNo}-${r.bankTxnId}`}
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={report.lines}
        columns={[
          { title: t('finance.columns.line'), dataIndex: 'lineNo', width: 56 },
          { title: t('finance.columns.txn'), dataIndex: 'bankTxnId' },
          {
            title: t('finance.columns.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => formatFen(v),
          },
          { title: t('finance.columns.payer'), dataIndex: 'payerName' },
          { title: t('finance.columns.memo'), dataIndex: 'memo', ellipsis: true },
          {
            title: t('finance.columns.outcome'),
            dataIndex: 'outcome',
            render: (v: keyof typeof OUTCOME_COLOURS) => (
              <Tag color={OUTCOME_COLOURS[v]}>{t(`finance.outcome.${v}`)}</Tag>
            ),
          },
          { title: t('finance.columns.reason'), dataIndex: 'reason', ellipsis: true },
        ]}
      />
    </Card>
  );
}

const PAYOUT_COLOURS = { pending: 'processing', paid: 'green', failed: 'red' } as const;

/**
 * 最近出款 the latest payouts with the beneficiary account masked; finance staff may reveal one account (each reveal is
 * audited), e.g. to answer a bank's query.
 */
function RecentPayouts({ payouts }: { payouts: FinanceOverview['payouts'] }) {
  const { t } = useTranslation('escrow');
  const reveal = useRevealPayoutAccount();
  const feedback = useErrorFeedback();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  return (
    <Card title={t('finance.payouts')} styles={{ body: { padding: payouts.length ? 0 : undefined } }}>
      {payouts.length === 0 ? (
        <Empty description={t('finance.noPayouts')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          dataSource={payouts}
          data-testid="staff-payouts"
          columns={[
            { title: t('finance.columns.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: t('finance.columns.org'), dataIndex: 'orgName' },
            {
              title: t('finance.columns.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => formatFen(v),
            },
            { title: t('finance.columns.beneficiary'), dataIndex: 'beneficiaryName' },
            {
              title: t('finance.columns.account'),
              key: 'account',
              render: (_, row) =>
                revealed[row.id] ? (
                  <Typography.Text copyable data-testid="revealed-account">
                    {revealed[row.id]}
                  </Typography.Text>
                ) : (
                  <Space size="small" wrap>
                    <Typography.Text>{row.beneficiaryAccount}</Typography.Text>
                    <Button
                      size="small"
                      type="link"
                      loading={reveal.isPending && reveal.variables === row.id}
                      onClick={() =>
                        reveal.mutate(row.id, {
                          onSuccess: (r) => setRevealed((all) => ({ ...all, [row.id]: r.account })),
                          onError: feedback.show,
                        })
                      }
                    >
                      {t('finance.revealAccount')}
                    </Button>
                  </Space>
                ),
            },
            {
              title: t('finance.columns.status'),
              dataIndex: 'status',
              render: (v: keyof typeof PAYOUT_COLOURS) => (
                <Tag color={PAYOUT_COLOURS[v]}>{t(`wallet.payoutStatus.${v}`)}</Tag>
              ),
            },
          ]}
        />
      )}
      {payouts.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 12 }}>
          {t('finance.revealHint')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function FrozenEscrows({
  frozen,
}: {
  frozen: { contractId: string; frozenAt: string | null; frozenReason: string | null }[];
}) {
  const { t } = useTranslation('escrow');
  const [target, setTarget] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const request = useRequestUnfreeze();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  return (
    <Card title={t('finance.frozen')} styles={{ body: { padding: frozen.length ? 0 : undefined } }}>
      {frozen.length === 0 ? (
        <Empty description={t('finance.noFrozen')} />
      ) : (
        <Table
          rowKey="contractId"
          size="small"
          pagination={false}
          scroll={{ x: 520 }}
          dataSource={frozen}
          columns={[
            { title: t('finance.columns.contract'), dataIndex: 'contractId', render: (v: string) => v.slice(0, 8) },
            {
              title: t('finance.columns.frozenAt'),
              dataIndex: 'frozenAt',
              render: (v: string | null) => formatDateTime(v),
            },
            { title: t('finance.columns.detail'), dataIndex: 'frozenReason' },
            {
              key: 'unfreeze',
              render: (_, row) => (
                <Button size="small" danger data-testid="request-unfreeze" onClick={() => setTarget(row.contractId)}>
                  {t('finance.requestUnfreeze')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={target !== null}
        title={t('finance.requestUnfreeze')}
        okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'confirm-unfreeze' } as ButtonProps}
        confirmLoading={request.isPending}
        onCancel={() => setTarget(null)}
        onOk={() =>
          request.mutate(
            { contractId: target as string, reason },
            {
              onSuccess: () => {
                message.success(t('finance.unfreezeRequested'));
                setTarget(null);
                setReason('');
              },
              onError: feedback.show,
            },
          )
        }
      >
        <Input.TextArea
          rows={3}
          value={reason}
          placeholder={t('finance.unfreezeReason')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="unfreeze-reason"
        />
      </Modal>
    </Card>
  );
}

function PendingUnfreezes() {
  const { t } = useTranslation('escrow');
  const pending = usePendingUnfreezes();
  const approve = useApproveUnfreeze();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const lang = useLanguage();
  if (!pending.data || pending.data.length === 0) return null;
  return (
    <Card title={t('finance.pending')} styles={{ body: { padding: 0 } }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 520 }}
        dataSource={pending.data}
        columns={[
          { title: t('finance.columns.detail'), key: 'summary', render: (_, r) => r.summary[lang] },
          { title: t('finance.requestedBy'), key: 'by', render: (_, r) => r.requestedBy.displayName },
          {
            key: 'approve',
            render: (_, r) => (
              <Button
                size="small"
                type="primary"
                data-testid="approve-unfreeze"
                loading={approve.isPending}
                onClick={() =>
                  approve.mutate(r.id, {
                    onSuccess: () => {
                      message.success(t('finance.approved'));
                      void pending.refetch();
                    },
                    onError: feedback.show,
                  })
                }
              >
                {t('finance.approve')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
