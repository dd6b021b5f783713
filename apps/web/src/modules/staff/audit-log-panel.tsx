import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { useErrorFeedback } from '../../app/use-error-feedback';
import type { AuditEntryData, AuditVerifyResultData } from './staff.api';
import { useAuditEntries, useVerifyAuditChain } from './staff.queries';
import { StaffErrorState } from './staff-error-state';

function Mono({ value, width = 12 }: { value: string | null; width?: number }) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  const short = value.length > width ? `${value.slice(0, width)}…` : value;
  return (
    <Tooltip title={value}>
      <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }} copyable={{ text: value }}>
        {short}
      </Typography.Text>
    </Tooltip>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResultData }) {
  const { t } = useTranslation(['staff', 'common']);
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('audit.verifyOk', { count: result.checked })}
        data-testid="audit-verify-result"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.verifyBroken', { count: result.checked })}
      description={
        result.firstBroken
          ? t('audit.firstBroken', { seq: result.firstBroken.seq, reason: result.firstBroken.reason })
          : undefined
      }
      data-testid="audit-verify-result"
    />
  );
}

/** 审计日志 the hash-chained audit log, newest first, with a check of the whole chain. */
export function AuditLogPanel() {
  const { t } = useTranslation(['staff', 'common']);
  const feedback = useErrorFeedback();
  const entries = useAuditEntries();
  const verify = useVerifyAuditChain();
  if (entries.error && !entries.data) {
    return <StaffErrorState error={entries.error} onRetry={() => void entries.refetch()} />;
  }

  const rows = (entries.data?.pages.flat() ?? []).sort((a, b) => b.seq - a.seq);
  const columns: TableColumnsType<AuditEntryData> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{action}</Typography.Text>,
    },
    { title: t('audit.actor'), dataIndex: 'actorUserId', render: (value: string | null) => <Mono value={value} /> },
    {
      title: t('audit.org'),
      dataIndex: 'orgId',
      render: (value: string | null) => <Mono value={value} />,
      responsive: ['lg'],
    },
    {
      title: t('audit.target'),
      dataIndex: 'target',
      render: (value: string | null) => <Mono value={value} width={20} />,
      responsive: ['md'],
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (value: string | null) => value ?? '—', responsive: ['lg'] },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      render: (value: string) => <Mono value={value} />,
      responsive: ['md'],
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate(undefined, { onError: feedback.show })}
        >
          {t('audit.verify')}
        </Button>
        <Typography.Text type="secondary">{t('audit.verifyHint')}</Typography.Text>
      </Flex>
      {verify.data ? <VerifyResult result={verify.data} /> : null}
      <Table<AuditEntryData>
        rowKey="seq"
        columns={columns}
        dataSource={rows}
        loading={entries.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
        // while the first page loads the spinner alone speaks; "no entries" only once we know there are none
        locale={{ emptyText: entries.isPending ? <span /> : t('audit.empty') }}
      />
      {entries.hasNextPage ? (
        <Button
          onClick={() => void entries.fetchNextPage()}
          loading={entries.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common:actions.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}
