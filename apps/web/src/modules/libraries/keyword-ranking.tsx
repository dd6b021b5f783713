import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useKeywordRanking } from './libraries.queries';

/** 搜索词排行 what buyers searched for in the last 30 days, for merchants (MERCH-5). */
export function KeywordRankingCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('libraries');
  const ranking = useKeywordRanking(orgId);
  return (
    <Card size="small" title={t('keywords.title')}>
      <Table
        size="small"
        rowKey="keyword"
        loading={ranking.isLoading}
        pagination={false}
        dataSource={ranking.data?.items.slice(0, 10) ?? []}
        columns={[
          { title: t('keywords.keyword'), dataIndex: 'keyword' },
          { title: t('keywords.searches'), dataIndex: 'searches', width: 90 },
          { title: t('keywords.zero'), dataIndex: 'zeroResultSearches', width: 100 },
        ]}
      />
    </Card>
  );
}
