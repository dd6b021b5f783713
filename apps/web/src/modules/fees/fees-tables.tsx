import type { FeeCharge, FeeItem, FeeReceipt } from '@zhuhe/contracts';
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format-date';
import { formatBp, formatFen } from '../../app/format-money';
import { useBilingual } from '../../app/language';

export function useItemPrice() {
  const { t } = useTranslation('fees');
  return (item: FeeItem) =>
    item.unit === 'share_of_base'
      ? t('schedule.share_of_base', { rate: formatBp(item.rateBp) })
      : item.priceFen === 0
        ? t('schedule.free')
        : t(`schedule.${item.unit}`, { price: formatFen(item.priceFen) });
}

export function ScheduleTable({ items }: { items: FeeItem[] }) {
  const { t } = useTranslation('fees');
  const bilingual = useBilingual();
  const price = useItemPrice();
  return (
    <Table<FeeItem>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 480 }}
      columns={[
        { title: t('schedule.item'), render: (_, i) => bilingual(i.name) },
        {
          title: t('schedule.category'),
          render: (_, i) => <Tag color={i.category === 'basic' ? 'green' : 'blue'}>{t(`schedule.${i.category}`)}</Tag>,
        },
        { title: t('schedule.price'), render: (_, i) => price(i) },
      ]}
    />
  );
}

export function ChargesTable({ charges, showOrg }: { charges: FeeCharge[]; showOrg: boolean }) {
  const { t } = useTranslation('fees');
  const bilingual = useBilingual();
  return (
    <Table<FeeCharge>
      rowKey="id"
      size="small"
      dataSource={charges}
      locale={{ emptyText: t('charges.empty') }}
      scroll={{ x: 760 }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('charges.date'), width: 110, render: (_, c) => formatDate(c.chargedAt) },
        ...(showOrg ? [{ title: t('charges.org'), dataIndex: 'orgName' }] : []),
        { title: t('charges.item'), render: (_, c) => bilingual(c.itemName) },
        { title: t('charges.description'), dataIndex: 'description', ellipsis: true },
        { title: t('charges.list'), render: (_, c) => formatFen(c.listFen) },
        {
          title: t('charges.amount'),
          render: (_, c) => (
            <>
              {formatFen(c.amountFen)} {c.exempt ? <Tag color="green">{t('charges.exempt')}</Tag> : null}
            </>
          ),
        },
        {
          title: t('charges.receipted'),
          width: 90,
          render: (_, c) => (c.receiptId ? <Tag>{t('charges.receipted')}</Tag> : null),
        },
      ]}
    />
  );
}

export function ReceiptsTable({ receipts, pdfUrl }: { receipts: FeeReceipt[]; pdfUrl?: (r: FeeReceipt) => string }) {
  const { t } = useTranslation('fees');
  return (
    <Table<FeeReceipt>
      rowKey="id"
      size="small"
      dataSource={receipts}
      locale={{ emptyText: t('receipts.empty') }}
      scroll={{ x: 640 }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('receipts.no'), dataIndex: 'receiptNo' },
        { title: t('receipts.period'), dataIndex: 'period', width: 90 },
        ...(pdfUrl ? [] : [{ title: t('receipts.org'), dataIndex: 'orgName' }]),
        { title: t('receipts.total'), render: (_, r) => formatFen(r.totalFen) },
        { title: t('receipts.exempt'), render: (_, r) => formatFen(r.exemptFen) },
        { title: t('receipts.count'), dataIndex: 'chargeCount', width: 70 },
        { title: t('receipts.issuedAt'), render: (_, r) => formatDateTime(r.issuedAt) },
        ...(pdfUrl
          ? [
              {
                title: '',
                render: (_: unknown, r: FeeReceipt) => (
                  <Button size="small" href={pdfUrl(r)} download data-testid="receipt-download">
                    {t('receipts.download')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
