import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../app/format-money';
import * as api from './growth.api';
import { growthKeys, Loaded } from './growth-shared';

/** 同期群 LTV: estimated revenue per organisation of each cohort, cumulative by period (organisations only). */
export function CohortLtvTable({
  range,
  period,
  periods,
  entity,
}: {
  range: api.Range;
  period: 'week' | 'month';
  periods: number;
  entity: 'org' | 'user';
}) {
  const { t } = useTranslation('growth');
  const query = useQuery({
    queryKey: [...growthKeys.all, 'cohort-ltv', range, period, periods],
    queryFn: () => api.fetchCohortLtv({ ...range, period, periods }),
    enabled: entity === 'org',
  });
  return (
    <section aria-labelledby="growth-ltv-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="growth-ltv-title" style={{ fontSize: 16 }}>
        {t('ltv.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ltv.subtitle')}</Typography.Paragraph>
      {entity !== 'org' ? (
        <Typography.Text type="secondary">{t('ltv.orgOnly')}</Typography.Text>
      ) : (
        <Loaded query={query}>
          {(data) => (
            <Table
              data-testid="growth-cohort-ltv"
              size="small"
              rowKey="cohort"
              pagination={false}
              scroll={{ x: true }}
              dataSource={data.rows}
              columns={[
                { title: t('cohorts.cohort'), dataIndex: 'cohort', fixed: 'left' },
                { title: t('cohorts.size'), dataIndex: 'size' },
                ...Array.from({ length: periods }, (_, k) => ({
                  title: t('cohorts.offset', { n: k }),
                  key: `ltv${k}`,
                  render: (_: unknown, row: api.CohortLtvData['rows'][number]) => {
                    const fen = row.ltvFen[k];
                    return fen === null || fen === undefined ? '—' : formatFen(fen);
                  },
                })),
              ]}
            />
          )}
        </Loaded>
      )}
    </section>
  );
}
