import { useQuery } from '@tanstack/react-query';
import type { BoardCell, BoardMetric, GovBoard as GovBoardView } from '@zhuhe/contracts';
import { Alert, Card, Flex, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../app/chart-figure';
import { formatWanYuan } from '../../app/format-money';
import { ErrorState } from '../../app/page-states';
import { boardKeys, fetchGovBoard } from './boards.api';
import { IndexCard } from './price-indices';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const METRICS: BoardMetric[] = ['demands', 'volumeFen', 'paymentOnTime', 'wageOnTime'];

function useCellText() {
  const { t } = useTranslation('boards');
  return (metric: BoardMetric, cell: BoardCell | undefined) => {
    if (!cell) return t('gov.none');
    if (cell.suppressed) return t('gov.suppressed');
    if (cell.value === null) return t('gov.none');
    if (metric === 'volumeFen') return formatWanYuan(cell.value);
    if (metric === 'paymentOnTime' || metric === 'wageOnTime') return `${(cell.value * 100).toFixed(1)}%`;
    return String(cell.value);
  };
}

/** 下辖地区排名 sub-regions ranked by demands published in the last month (suppressed ones left out). */
function RankingChart({ board }: { board: GovBoardView }) {
  const { t } = useTranslation('boards');
  const ref = useRef<HTMLDivElement>(null);
  const month = board.months[board.months.length - 1] as string;
  const rows = useMemo(
    () =>
      board.regions
        .filter((r) => !r.total)
        .map((r) => ({ name: r.name, cell: r.metrics.demands?.find((c) => c.month === month) }))
        .filter((r) => r.cell && !r.cell.suppressed && r.cell.value !== null)
        .map((r) => ({ name: r.name, value: r.cell?.value as number }))
        .sort((a, b) => b.value - a.value),
    [board, month],
  );
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: {},
      grid: { left: 80, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
      series: [{ type: 'bar', data: rows.map((r) => r.value) }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return (
    <ChartFigure
      chartRef={ref}
      title={t('gov.ranking', { month })}
      columns={[t('gov.demands')]}
      rows={rows.map((r) => [r.name, r.value])}
      height={Math.max(120, rows.length * 32 + 40)}
      testId="gov-ranking-chart"
    />
  );
}

/** 区域建设指数看板 for a GOV viewer: its region by month, its sub-regions in the last month, the local index. */
export function GovBoard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('boards');
  const text = useCellText();
  const board = useQuery({ queryKey: boardKeys.gov(orgId), queryFn: () => fetchGovBoard(orgId) });
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  if (!board.data) return <Card loading />;
  const data = board.data;
  const total = data.regions.find((r) => r.total);
  const month = data.months[data.months.length - 1] as string;
  const index = data.indices.find((i) => i.regionCode !== null && i.type === 'building') ?? data.indices[0];
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph>{t('gov.subtitle', { region: data.regionName })}</Typography.Paragraph>
      <Alert type="info" showIcon message={t('gov.suppressedNote', { n: data.minGroupSize })} />
      <Card size="small" title={t('gov.monthly')}>
        <Table
          size="small"
          rowKey="month"
          pagination={false}
          scroll={{ x: true }}
          data-testid="gov-monthly"
          dataSource={[...data.months].reverse().map((m) => ({ month: m }))}
          columns={[
            { title: t('gov.month'), dataIndex: 'month' },
            ...METRICS.map((metric) => ({
              title: t(`gov.${metric}`),
              key: metric,
              render: (_: unknown, row: { month: string }) =>
                text(
                  metric,
                  total?.metrics[metric]?.find((c) => c.month === row.month),
                ),
            })),
          ]}
        />
      </Card>
      <Card size="small" title={t('gov.subRegions', { month })}>
        <Flex vertical gap={12}>
          <RankingChart board={data} />
          <Table
            size="small"
            rowKey="regionCode"
            pagination={false}
            scroll={{ x: true }}
            data-testid="gov-subregions"
            dataSource={data.regions}
            columns={[
              {
                title: t('gov.region'),
                dataIndex: 'name',
                render: (name: string, r: (typeof data.regions)[number]) =>
                  r.total ? `${name}（${t('gov.total')}）` : name,
              },
              ...METRICS.map((metric) => ({
                title: t(`gov.${metric}`),
                key: metric,
                render: (_: unknown, r: (typeof data.regions)[number]) =>
                  text(
                    metric,
                    r.metrics[metric]?.find((c) => c.month === month),
                  ),
              })),
            ]}
          />
        </Flex>
      </Card>
      {index ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t('gov.index')}
          </Typography.Title>
          <IndexCard index={index} regionLabel={index.regionCode ? data.regionName : t('indices.national')} />
        </>
      ) : null}
    </Flex>
  );
}
