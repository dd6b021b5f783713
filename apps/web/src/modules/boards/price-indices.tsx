import { useQuery } from '@tanstack/react-query';
import type { IndexedEngineeringType, PriceIndexView } from '@zhuhe/contracts';
import { Alert, Card, Empty, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../app/page-states';
import { useRegions } from '../regions';
import { boardKeys, fetchIndices } from './boards.api';
import { IndexChart } from './index-chart';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/** One index: the latest figure, the forecast in six months, the basket and the base year, and the fan chart. */
export function IndexCard({ index, regionLabel }: { index: PriceIndexView; regionLabel: string }) {
  const { t } = useTranslation('boards');
  const last = index.points[index.points.length - 1];
  const six = index.forecast?.points[index.forecast.points.length - 1];
  return (
    <Card size="small" title={`${regionLabel} · ${t(`types.${index.type}`)}`} data-testid="price-index-card">
      <Flex vertical gap={8}>
        <Flex gap={16} wrap>
          {last ? (
            <Typography.Text strong data-testid="index-latest">
              {t('indices.latest', { month: last.month, value: last.value.toFixed(2) })}
            </Typography.Text>
          ) : null}
          {last && six ? (
            <Typography.Text>{t('indices.change', { pct: pct(six.value / last.value - 1) })}</Typography.Text>
          ) : null}
          <Typography.Text type="secondary">{t('indices.baseYear', { year: index.baseYear })}</Typography.Text>
        </Flex>
        <IndexChart index={index} />
        {index.forecast ? (
          <Typography.Text type="secondary">
            {t('indices.method', {
              method: index.forecast.method,
              err: index.forecast.backtestError != null ? `${(index.forecast.backtestError * 100).toFixed(2)}%` : '—',
              naive:
                index.forecast.naiveBacktestError != null
                  ? `${(index.forecast.naiveBacktestError * 100).toFixed(2)}%`
                  : '—',
            })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary">
          {t('indices.coverage', { pct: `${Math.round(index.coverage * 100)}%` })}
        </Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey="material"
          scroll={{ x: true }}
          caption={t('indices.basket')}
          dataSource={index.basket}
          columns={[
            {
              title: t('indices.material'),
              dataIndex: 'material',
              render: (m: string) => t(`materials.${m}` as 'materials.rebar', { defaultValue: m }),
            },
            { title: t('indices.weight'), dataIndex: 'weight', render: (w: number) => `${(w * 100).toFixed(1)}%` },
            { title: t('indices.series'), dataIndex: 'seriesCode' },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** 综合单价指数 every index, chosen by region and engineering type. */
export function PriceIndices() {
  const { t } = useTranslation('boards');
  const list = useQuery({ queryKey: boardKeys.indices(null), queryFn: () => fetchIndices(null) });
  const names = useRegions();
  const [region, setRegion] = useState<string | undefined>();
  const [type, setType] = useState<IndexedEngineeringType>('building');
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const regions = [...new Set(items.map((i) => i.regionCode ?? 'national'))];
  const chosenRegion = region ?? regions.find((r) => r !== 'national') ?? regions[0];
  const label = (code: string) =>
    code === 'national' ? t('indices.national') : (names.data?.find((r) => r.code === code)?.name ?? code);
  const shown = items.find((i) => (i.regionCode ?? 'national') === chosenRegion && i.type === type);
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon message={t('indices.privacy')} />
      <Flex gap={12} wrap>
        <label htmlFor="index-region">
          {t('indices.region')}{' '}
          <Select
            id="index-region"
            style={{ minWidth: 200 }}
            value={chosenRegion}
            onChange={setRegion}
            loading={list.isLoading}
            options={regions.map((r) => ({ value: r, label: label(r) }))}
          />
        </label>
        <label htmlFor="index-type">
          {t('indices.type')}{' '}
          <Select
            id="index-type"
            style={{ minWidth: 160 }}
            value={type}
            onChange={setType}
            options={(['building', 'municipal', 'highway'] as const).map((k) => ({ value: k, label: t(`types.${k}`) }))}
          />
        </label>
      </Flex>
      {shown ? (
        <IndexCard index={shown} regionLabel={label(chosenRegion ?? 'national')} />
      ) : (
        <Card loading={list.isLoading}>
          <Empty description={t('indices.empty')} />
        </Card>
      )}
    </Flex>
  );
}
