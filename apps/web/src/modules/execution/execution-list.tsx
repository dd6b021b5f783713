import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../app/button-link';
import { ErrorState } from '../../app/page-states';
import { useExecutionContracts } from './execution.queries';

/** The contracts this organisation executes, linking to progress or to settlement. */
export function ExecutionList({ orgId, target }: { orgId: string; target: 'progress' | 'settlement' }) {
  const { t } = useTranslation('execution');
  const list = useExecutionContracts(orgId);
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table
      rowKey="contractId"
      loading={list.isLoading}
      dataSource={(list.data ?? []).filter((c) => target === 'progress' || c.hasPlan)}
      pagination={false}
      scroll={{ x: 600 }}
      locale={{ emptyText: t('list.empty') }}
      columns={[
        {
          title: t('list.contract'),
          dataIndex: 'contractTitle',
          render: (v: string, c) => <Link to={`/workspace/${target}/${c.contractId}`}>{v}</Link>,
        },
        { title: t('list.role'), dataIndex: 'myRole', render: (v: 'gc') => t(`roles.${v}`) },
        { title: t('list.counterparty'), dataIndex: 'counterpartyName' },
        { title: t('list.lastLog'), dataIndex: 'lastLogDate', render: (v: string | null) => v ?? '—' },
        {
          title: t('list.delay'),
          dataIndex: 'maxDelayDays',
          render: (v: number, c) =>
            !c.hasPlan ? (
              <Tag>{t('list.noPlan')}</Tag>
            ) : v > 0 ? (
              <Tag color="red">{t('list.days', { n: v })}</Tag>
            ) : (
              '—'
            ),
        },
        {
          title: '',
          render: (_, c) => (
            <ButtonLink to={`/workspace/${target}/${c.contractId}`} size="small">
              {c.hasPlan ? t('list.open') : t('list.setPlan')}
            </ButtonLink>
          ),
        },
      ]}
    />
  );
}
