import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBilingual } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { RegionCascader } from '../regions';
import type { ComparisonData } from './libraries.api';
import { useComparison } from './libraries.queries';
import { formatFen } from './money';

type Row = ComparisonData['rows'][number];

/** 资源对比表: one column per listing, one row per attribute; the best value is marked. */
export function ComparisonTable({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation('libraries');
  const bilingual = useBilingual();
  const [siteRegion, setSiteRegion] = useState<string | undefined>();
  const comparison = useComparison(ids, siteRegion);
  if (ids.length < 2) return <Alert type="info" title={t('resources.tooFew')} />;
  if (comparison.isLoading) return <LoadingState />;
  if (!comparison.data) return <ErrorState error={comparison.error} onRetry={() => comparison.refetch()} />;
  const { rows, weights, paramKeys } = comparison.data;
  const attribute = (label: string, render: (row: Row) => React.ReactNode) => ({ key: label, label, render });
  const attributes = [
    attribute(t('resources.supplier'), (r) => r.listing.orgName),
    attribute(t('resources.kind'), (r) => r.listing.kindName),
    ...paramKeys.map((p) => attribute(bilingual(p.label), (r) => String(r.listing.params[p.key] ?? '—'))),
    attribute(t('resources.listedPrice'), (r) => `${formatFen(r.listing.priceFen)} / ${r.listing.unit}`),
    attribute(t('resources.normalised'), (r) => (
      <Flex gap={4} wrap>
        <strong>
          {formatFen(r.normalisedPriceFen)} / {r.baseUnit}
        </strong>
        {r.lowestPrice ? <Tag color="green">{t('resources.lowestPrice')}</Tag> : null}
      </Flex>
    )),
    attribute(t('resources.distance'), (r) =>
      r.distanceKm === null ? (
        '—'
      ) : (
        <Flex gap={4} wrap>
          {r.distanceKm} km{r.nearest ? <Tag color="blue">{t('resources.nearest')}</Tag> : null}
        </Flex>
      ),
    ),
    attribute(t('resources.stock'), (r) => `${r.listing.stock} ${r.listing.unit}`),
    attribute(t('resources.leadTime'), (r) => t('resources.leadTimeDays', { days: r.listing.leadTimeDays })),
    attribute(t('resources.serviceRegions'), (r) => r.listing.serviceRegionNames.join('、')),
    attribute(t('resources.credit'), (r) => r.creditGrade ?? t('resources.creditUnknown')),
    attribute(t('resources.score'), (r) => (
      <Flex gap={4} wrap align="center">
        <strong>{r.score}</strong>
        {r.bestValue ? (
          <Tag color="gold" icon={<CheckCircleFilled />} data-testid="best-value">
            {t('resources.bestValue')}
          </Tag>
        ) : null}
        {rows.some((o) => o.group !== r.group) ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.group > 0 ? t('resources.otherGroup') : ''}
          </Typography.Text>
        ) : null}
      </Flex>
    )),
  ];
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('resources.site')}：</Typography.Text>
          <div style={{ minWidth: 260 }}>
            <RegionCascader
              anyLevel
              label={t('resources.site')}
              placeholder={t('search.regionPlaceholder')}
              value={siteRegion}
              onChange={setSiteRegion}
            />
          </div>
        </Flex>
      </Card>
      <Typography.Text type="secondary">
        {t('resources.compareHint', {
          price: weights.price * 100,
          distance: weights.distance * 100,
          credit: weights.credit * 100,
        })}
      </Typography.Text>
      {/* Scrolled sideways by a focusable region rather than antd's scroll.x, whose hidden measuring row holds
          focusable cells that screen readers cannot reach (WCAG 4.1.2). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to be scrolled by keyboard */}
      <section aria-label={t('resources.compareTitle')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table
          data-testid="comparison-table"
          size="small"
          bordered
          pagination={false}
          rowKey="key"
          dataSource={attributes}
          columns={[
            { key: 'label', title: '', dataIndex: 'label', width: 110 },
            ...rows.map((row) => ({
              key: row.listing.id,
              title: (
                <Link
                  to={`/workspace/resources/${row.listing.id}`}
                  style={row.bestValue ? { color: '#ad4e00' } : undefined}
                >
                  {row.listing.title}
                </Link>
              ),
              onCell: () => ({ style: row.bestValue ? { background: '#fffbe6' } : {} }),
              render: (_: unknown, attr: (typeof attributes)[number]) => attr.render(row),
            })),
          ]}
        />
      </section>
    </Flex>
  );
}
