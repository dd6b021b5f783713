import { useQuery } from '@tanstack/react-query';
import { OrgFees } from '@zhuhe/contracts';
import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { ErrorState, LoadingState } from '../../app/page-states';
import { ChargesTable, ReceiptsTable, ScheduleTable } from './fees-tables';

export const receiptPdfUrl = (orgId: string, receiptId: string) =>
  `/api/orgs/${orgId}/fees/receipts/${receiptId}/receipt.pdf`;

/** 费用与凭证 what the organisation was charged, its monthly receipts as PDF, and where it stands in the seed-user plan. */
export function OrgFeesView({ orgId }: { orgId: string }) {
  const { t } = useTranslation('fees');
  const query = useQuery({
    queryKey: ['fees', orgId],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/fees`, OrgFees),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  return (
    <Flex vertical gap={16}>
      <Alert
        type={d.seedUser ? 'success' : 'info'}
        showIcon
        data-testid="seed-user-status"
        title={
          d.seedUser
            ? t('seed.mine', { rank: d.seedUser.rank, limit: d.seedUser.limit })
            : t('seed.notMine', { limit: d.schedule.seedUserLimit })
        }
      />
      <Card title={t('receipts.title')}>
        <ReceiptsTable receipts={d.receipts} pdfUrl={(r) => receiptPdfUrl(orgId, r.id)} />
        <Typography.Text type="secondary">{t('receipts.note')}</Typography.Text>
      </Card>
      <Card title={t('charges.title')}>
        <ChargesTable charges={d.charges} showOrg={false} />
      </Card>
      <Card title={t('schedule.title', { version: d.schedule.version })}>
        <ScheduleTable items={d.schedule.items} />
      </Card>
    </Flex>
  );
}
