import { Alert, Card, Descriptions, Flex, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { OrgGradeBadge } from '../credit';
import type { DemandData } from './libraries.api';
import { useDemand } from './libraries.queries';
import { formatFen } from './money';

const STATUS_COLOURS: Record<DemandData['status'], string> = {
  pending_review: 'processing',
  published: 'success',
  rejected: 'error',
  closed: 'default',
};

export function DemandStatusTag({ status }: { status: DemandData['status'] }) {
  const { t } = useTranslation('libraries');
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="demand-status">
      {t(`demandStatuses.${status}`)}
    </Tag>
  );
}

export function DemandFacts({ demand: d }: { demand: DemandData }) {
  const { t } = useTranslation('libraries');
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label={t('demands.owner')}>
        {d.orgName} <OrgGradeBadge orgId={d.orgId} />
      </Descriptions.Item>
      <Descriptions.Item label={t('demands.projectName')}>{d.projectName}</Descriptions.Item>
      <Descriptions.Item label={t('demands.type')}>{t(`demandTypes.${d.type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('demands.category')}>{d.category}</Descriptions.Item>
      <Descriptions.Item label={t('demands.budget')}>{formatFen(d.budgetFen)}</Descriptions.Item>
      <Descriptions.Item label={t('demands.deadline')}>{d.deadline}</Descriptions.Item>
      <Descriptions.Item label={t('demands.qualificationKind')}>
        {d.qualificationKind ? `${d.qualificationKind} ${d.qualificationGrade}` : d.qualificationGrade}
      </Descriptions.Item>
      <Descriptions.Item label={t('demands.region')}>{d.regionName}</Descriptions.Item>
      <Descriptions.Item label={t('demands.siteAddress')} span={2}>
        {d.siteAddress || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('demands.description')} span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{d.description || '—'}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** `footer`: what other modules show under the demand (matching shows the buyer its recommended suppliers). */
export function DemandDetail({ demandId, footer }: { demandId: string; footer?: (demand: DemandData) => ReactNode }) {
  const { t } = useTranslation('libraries');
  const demand = useDemand(demandId);
  if (demand.isLoading) return <LoadingState />;
  if (!demand.data) return <ErrorState error={demand.error} onRetry={() => demand.refetch()} />;
  const d = demand.data;
  return (
    <Flex vertical gap={16}>
      <PageTitle title={d.title} subtitle={<DemandStatusTag status={d.status} />} />
      {d.review && d.status === 'pending_review' ? (
        <Alert type="info" title={t('demands.reviewDue', { at: formatDateTime(d.review.dueAt) })} />
      ) : null}
      {d.review?.decision === 'rejected' ? (
        <Alert type="error" title={t('demands.reviewReason', { reason: d.review.reason ?? '' })} />
      ) : null}
      <Card>
        <DemandFacts demand={d} />
      </Card>
      {footer?.(d)}
      <Card title={t('demands.items')}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={d.items}
          columns={[
            { title: t('demands.itemName'), dataIndex: 'name' },
            { title: t('demands.itemSpec'), dataIndex: 'spec' },
            { title: t('demands.itemUnit'), dataIndex: 'unit' },
            { title: t('demands.itemQuantity'), dataIndex: 'quantity' },
          ]}
        />
      </Card>
      {d.attachments ? (
        <Card title={t('reviews.attachments')}>
          <Flex gap={16} wrap>
            {(
              [
                ['feasibility', d.attachments.feasibility],
                ['fundsProof', d.attachments.fundsProof],
                ['source', d.attachments.source],
              ] as const
            ).map(([key, file]) =>
              file ? (
                <a key={key} href={`/api/orgs/${d.orgId}/files/${file.id}/content`} target="_blank" rel="noreferrer">
                  {t(`demands.${key}`)}：{file.name}
                </a>
              ) : null,
            )}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
