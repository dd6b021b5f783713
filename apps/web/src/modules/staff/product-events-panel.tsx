import { Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { summariseProperties } from './product-event-text';
import type { ProductEventData } from './staff.api';
import { useProductEvents } from './staff.queries';
import { StaffErrorState } from './staff-error-state';

const LIMITS = [50, 100, 200] as const;

/** 产品事件 what users do in the product (sign-ups, organisations created …), newest first. */
export function ProductEventsPanel() {
  const { t } = useTranslation('staff');
  const [name, setName] = useState('');
  const [limit, setLimit] = useState<number>(50);
  const { data, isFetching, error, refetch } = useProductEvents(name, limit);
  if (error) return <StaffErrorState error={error} onRetry={() => void refetch()} />;

  const columns: TableColumnsType<ProductEventData> = [
    { title: t('events.occurredAt'), dataIndex: 'occurredAt', render: formatDateTime },
    {
      title: t('events.name'),
      dataIndex: 'name',
      render: (value: string) => (
        <Flex vertical>
          <span>{t(`events.names.${value}`, { defaultValue: value })}</span>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {value}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('events.user'),
      dataIndex: 'userId',
      render: (value: string | null) => (value ? `${value.slice(0, 8)}…` : '—'),
      responsive: ['md'],
    },
    {
      title: t('events.org'),
      dataIndex: 'orgId',
      render: (value: string | null) => (value ? `${value.slice(0, 8)}…` : '—'),
      responsive: ['lg'],
    },
    {
      title: t('events.properties'),
      dataIndex: 'properties',
      render: (properties: Record<string, unknown>) => (
        <div style={{ minWidth: 160, maxWidth: 420 }}>
          {Object.keys(properties).length === 0
            ? '—'
            : summariseProperties(properties, {
                label: (key) => t(`events.props.${key}`, { defaultValue: key }),
                yes: t('events.yes'),
                no: t('events.no'),
                none: t('events.none'),
                colon: t('events.colon'),
                separator: t('events.separator'),
                listSeparator: t('events.listSeparator'),
              })}
        </div>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap>
        <Input.Search
          allowClear
          placeholder={t('events.namePlaceholder')}
          onSearch={(value) => setName(value.trim())}
          style={{ maxWidth: 320 }}
          maxLength={100}
        />
        <Select
          value={limit}
          onChange={setLimit}
          aria-label={t('events.limit')}
          options={LIMITS.map((value) => ({ value, label: t('events.limitOption', { count: value }) }))}
          style={{ width: 140 }}
        />
      </Flex>
      <Table<ProductEventData>
        rowKey="id"
        columns={columns}
        dataSource={data}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
        locale={{ emptyText: data === undefined ? <span /> : t('events.empty') }}
      />
    </Flex>
  );
}
