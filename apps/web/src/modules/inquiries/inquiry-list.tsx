import { SyncOutlined } from '@ant-design/icons';
import type { EngagementStatus, InquirySummary } from '@zhuhe/contracts';
import { Empty, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useReceivedInquiries, useSentInquiries } from './inquiries.queries';

export const ENGAGEMENT_COLOUR: Record<EngagementStatus, string> = {
  sent: 'default',
  viewed: 'blue',
  quoted: 'processing',
  declined: 'warning',
  accepted: 'success',
  lost: 'default',
};

function InquiryTable({ rows, side, empty }: { rows: InquirySummary[]; side: 'sent' | 'received'; empty: string }) {
  const { t } = useTranslation('inquiries');
  return (
    <Table<InquirySummary>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={empty} /> }}
      data-testid={`inquiries-${side}`}
      columns={[
        {
          title: t('list.subject'),
          key: 'title',
          render: (_, r) => <Link to={`/workspace/inquiries/${r.id}`}>{r.title}</Link>,
        },
        ...(side === 'received' ? [{ title: t('list.buyer'), dataIndex: 'buyerName' }] : []),
        { title: t('list.lines'), dataIndex: 'lineCount' },
        { title: t('list.respondBy'), key: 'respondBy', render: (_, r) => formatDateTime(r.respondBy) },
        {
          title: t('list.progress'),
          key: 'progress',
          render: (_, r) =>
            side === 'received' && r.myStatus ? (
              <Tag color={ENGAGEMENT_COLOUR[r.myStatus]}>{t(`engagement.${r.myStatus}`)}</Tag>
            ) : (
              t('list.quotes', { quotes: r.quoteCount, merchants: r.merchantCount })
            ),
        },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={r.status === 'accepted' ? 'success' : 'processing'}>{t(`status.${r.status}`)}</Tag>
          ),
        },
        { title: t('list.createdAt'), key: 'createdAt', render: (_, r) => formatDateTime(r.createdAt) },
      ]}
    />
  );
}

function Sent({ orgId }: { orgId: string }) {
  const { t } = useTranslation('inquiries');
  const sent = useSentInquiries(orgId);
  if (sent.isLoading) return <LoadingState />;
  if (!sent.data) return <ErrorState error={sent.error} onRetry={() => sent.refetch()} />;
  return <InquiryTable rows={sent.data.items} side="sent" empty={t('list.empty')} />;
}

/** The merchant's inbox: polled every few seconds, so a new inquiry appears without a reload. */
function Received({ orgId }: { orgId: string }) {
  const { t } = useTranslation('inquiries');
  const received = useReceivedInquiries(orgId);
  if (received.isLoading) return <LoadingState />;
  if (!received.data) return <ErrorState error={received.error} onRetry={() => received.refetch()} />;
  return <InquiryTable rows={received.data.items} side="received" empty={t('list.emptyReceived')} />;
}

/** 询价: the buyer's sent inquiries and the merchant's received ones, as two tabs. */
export function InquiryListView({ orgId, merchantFirst }: { orgId: string; merchantFirst: boolean }) {
  const { t } = useTranslation('inquiries');
  const sent = { key: 'sent', label: t('list.sent'), children: <Sent orgId={orgId} /> };
  const received = {
    key: 'received',
    label: (
      <span>
        {t('list.received')} <SyncOutlined aria-label={t('list.live')} style={{ fontSize: 12 }} />
      </span>
    ),
    children: <Received orgId={orgId} />,
  };
  return <Tabs items={merchantFirst ? [received, sent] : [sent, received]} />;
}
