import { RESOURCE_KINDS } from '@zhuhe/contracts';
import { Card, Descriptions, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { OrgGradeBadge } from '../credit';
import type { ListingData } from './libraries.api';
import { useListing } from './libraries.queries';
import { formatFen } from './money';

/** `actions`: what the page adds next to the title (favourite stars, 询价). */
export function ListingDetail({
  listingId,
  actions,
}: {
  listingId: string;
  actions?: (listing: ListingData) => ReactNode;
}) {
  const { t } = useTranslation('libraries');
  const bilingual = useBilingual();
  const listing = useListing(listingId);
  if (listing.isLoading) return <LoadingState />;
  if (!listing.data) return <ErrorState error={listing.error} onRetry={() => listing.refetch()} />;
  const l = listing.data;
  const spec = RESOURCE_KINDS.find((k) => k.key === l.kind);
  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={l.title}
        extra={actions?.(l)}
        subtitle={
          <Flex gap={4} wrap>
            <Tag color="green">{t(`categories.${l.category}`)}</Tag>
            <Tag>{l.kindName}</Tag>
            {l.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Flex>
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('resources.supplier')}>
            {l.orgName} <OrgGradeBadge orgId={l.orgId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('resources.listedPrice')}>
            {formatFen(l.priceFen)} / {l.unit}
          </Descriptions.Item>
          {spec?.params.map((p) => (
            <Descriptions.Item key={p.key} label={bilingual(p.label)}>
              {String(l.params[p.key] ?? '—')} {p.unit ?? ''}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('resources.stock')}>
            {l.stock} {l.unit}
          </Descriptions.Item>
          <Descriptions.Item label={t('resources.leadTime')}>{l.leadTimeDays}</Descriptions.Item>
          <Descriptions.Item label={t('resources.region')}>{l.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('resources.serviceRegions')}>{l.serviceRegionNames.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('resources.description')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{l.description || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Flex>
  );
}
