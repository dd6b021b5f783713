import type { Engagement, Inquiry, InquiryLine } from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime, isInFuture } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAccept, useDecline, useDraftContract, useInquiry, useQuote } from './inquiries.queries';
import { ENGAGEMENT_COLOUR } from './inquiry-list';

function LinesTable({ lines }: { lines: InquiryLine[] }) {
  const { t } = useTranslation('inquiries');
  return (
    <Table<InquiryLine & { n: number }>
      rowKey="n"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={lines.map((l, i) => ({ ...l, n: i + 1 }))}
      columns={[
        { title: '#', dataIndex: 'n', width: 48 },
        { title: t('form.material'), dataIndex: 'material' },
        { title: t('form.spec'), dataIndex: 'spec' },
        { title: t('form.unit'), dataIndex: 'unit' },
        { title: t('form.quantity'), dataIndex: 'quantity' },
      ]}
    />
  );
}

/** 对接进度 each merchant's engagement with the time of each step. */
function ProgressTable({ engagements }: { engagements: Engagement[] }) {
  const { t } = useTranslation('inquiries');
  return (
    <Table<Engagement>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={engagements}
      data-testid="engagement-progress"
      columns={[
        { title: t('detail.merchant'), dataIndex: 'merchantName' },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, e) => <Tag color={ENGAGEMENT_COLOUR[e.status]}>{t(`engagement.${e.status}`)}</Tag>,
        },
        { title: t('detail.sentAt'), key: 'sent', render: (_, e) => formatDateTime(e.sentAt) },
        { title: t('detail.viewedAt'), key: 'viewed', render: (_, e) => formatDateTime(e.viewedAt) },
        {
          title: `${t('detail.quotedAt')} / ${t('detail.declinedAt')}`,
          key: 'answered',
          render: (_, e) => formatDateTime(e.quotedAt ?? e.declinedAt),
        },
        { title: t('detail.decidedAt'), key: 'decided', render: (_, e) => formatDateTime(e.decidedAt) },
      ]}
    />
  );
}

interface AttributeRow {
  key: string;
  label: string;
  render: (e: Engagement) => React.ReactNode;
}

/**
 * 报价对比: one column per quote, one row per line and term, as the resource comparison table lays listings out;
 * the lowest total and the fastest delivery are marked; the buyer accepts one quote here.
 */
function QuoteComparison({ inquiry, orgId }: { inquiry: Inquiry; orgId: string }) {
  const { t } = useTranslation('inquiries');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const accept = useAccept(orgId, inquiry.id);
  const quoted = inquiry.engagements.filter((e) => e.quote);
  if (quoted.length === 0) return <Typography.Text type="secondary">{t('detail.compareEmpty')}</Typography.Text>;
  const lowest = Math.min(...quoted.map((e) => e.quote?.totalFen ?? Number.POSITIVE_INFINITY));
  const fastest = Math.min(...quoted.map((e) => e.quote?.deliveryDays ?? Number.POSITIVE_INFINITY));
  const rows: AttributeRow[] = [
    {
      key: 'status',
      label: t('list.status'),
      render: (e) => <Tag color={ENGAGEMENT_COLOUR[e.status]}>{t(`engagement.${e.status}`)}</Tag>,
    },
    ...inquiry.lines.map((l, i) => ({
      key: `line-${i}`,
      label: t('detail.lineItem', { material: l.material, spec: l.spec, quantity: l.quantity, unit: l.unit }),
      render: (e: Engagement) => (
        <span>
          {formatFen(e.quote?.unitPricesFen[i])} / {l.unit}
          <br />
          <Typography.Text type="secondary">{formatFen(e.quote?.lineTotalsFen[i])}</Typography.Text>
        </span>
      ),
    })),
    {
      key: 'total',
      label: t('detail.total'),
      render: (e) => (
        <Flex gap={4} wrap>
          <strong>{formatFen(e.quote?.totalFen)}</strong>
          {e.quote?.totalFen === lowest ? <Tag color="green">{t('detail.lowest')}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'delivery',
      label: t('detail.deliveryDays'),
      render: (e) => (
        <Flex gap={4} wrap>
          {t('detail.days', { days: e.quote?.deliveryDays })}
          {e.quote?.deliveryDays === fastest ? <Tag color="blue">{t('detail.fastest')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'valid', label: t('detail.validUntil'), render: (e) => formatDateTime(e.quote?.validUntil) },
    { key: 'note', label: t('detail.quoteNote'), render: (e) => e.quote?.note || '—' },
  ];
  if (inquiry.status === 'open')
    rows.push({
      key: 'accept',
      label: '',
      render: (e) => (
        <Popconfirm
          title={t('detail.acceptConfirm', { name: e.merchantName, total: formatFen(e.quote?.totalFen) })}
          onConfirm={() =>
            accept.mutate(e.id, {
              onSuccess: () => void message.success(t('detail.accepted')),
              onError: feedback.show,
            })
          }
        >
          <Button type="primary" loading={accept.isPending} aria-label={`${t('detail.accept')}：${e.merchantName}`}>
            {t('detail.accept')}
          </Button>
        </Popconfirm>
      ),
    });
  return (
    <Table<AttributeRow>
      rowKey="key"
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      data-testid="quote-comparison"
      columns={[
        {
          title: t('detail.merchant'),
          key: 'label',
          // long line names wrap, so the quotes keep the width on a phone
          render: (_, r) => (
            <strong style={{ display: 'block', minWidth: 96, maxWidth: 180, whiteSpace: 'normal' }}>{r.label}</strong>
          ),
        },
        ...quoted.map((e) => ({
          title: e.merchantName,
          key: e.id,
          render: (_: unknown, r: AttributeRow) => r.render(e),
        })),
      ]}
    />
  );
}

const CONTRACT_FIELDS = [
  'projectName',
  'deliveryPlace',
  'deliveryDate',
  'qualityStandard',
  'paymentTerms',
  'disputeVenue',
] as const;

/** 采购订单 the accepted quote's order, and the step to its purchase contract draft. */
function OrderCard({ inquiry, orgId }: { inquiry: Inquiry; orgId: string }) {
  const { t } = useTranslation('inquiries');
  const navigate = useNavigate();
  const feedback = useErrorFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Record<(typeof CONTRACT_FIELDS)[number], string>>();
  const draft = useDraftContract(orgId, inquiry.id);
  const order = inquiry.order;
  if (!order) return null;
  const merchant = inquiry.engagements.find((e) => e.merchantOrgId === order.merchantOrgId);
  return (
    <Card title={t('detail.order')} data-testid="inquiry-order">
      <Descriptions column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('detail.orderNo')}>{order.orderNo}</Descriptions.Item>
        <Descriptions.Item label={t('detail.merchant')}>{merchant?.merchantName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('detail.amount')}>{formatFen(order.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('list.createdAt')}>{formatDateTime(order.createdAt)}</Descriptions.Item>
      </Descriptions>
      {inquiry.side === 'buyer' ? (
        order.contractId ? (
          <Link to={`/workspace/contracts/${order.contractId}`}>{t('detail.viewContract')}</Link>
        ) : (
          <Button onClick={() => setOpen(true)}>{t('detail.contract')}</Button>
        )
      ) : null}
      <Modal
        open={open}
        title={t('detail.contract')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={draft.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ projectName: inquiry.title }}
          onFinish={(values) =>
            draft.mutate(values, {
              onSuccess: ({ contractId }) => navigate(`/workspace/contracts/${contractId}`),
              onError: (error) => feedback.showOnForm(form, error, { fields: [] }),
            })
          }
        >
          {CONTRACT_FIELDS.map((field) => (
            <Form.Item
              key={field}
              name={field}
              label={t(`detail.${field}`)}
              rules={[{ required: true, whitespace: true, message: t('detail.required') }]}
              extra={field === 'deliveryDate' ? 'YYYY-MM-DD' : undefined}
            >
              <Input />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}

interface QuoteValues {
  prices: number[];
  deliveryDays: number;
  validDays: number;
  note?: string;
}

/** The merchant's side: its own engagement, and the quote form or its decline while the inquiry is open. */
function MerchantPanel({ inquiry, orgId }: { inquiry: Inquiry; orgId: string }) {
  const { t } = useTranslation('inquiries');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const quote = useQuote(orgId, inquiry.id);
  const decline = useDecline(orgId, inquiry.id);
  const [form] = Form.useForm<QuoteValues>();
  const [reason, setReason] = useState('');
  const mine = inquiry.engagements[0];
  if (!mine) return null;
  const answerable =
    inquiry.status === 'open' && (mine.status === 'sent' || mine.status === 'viewed') && isInFuture(inquiry.respondBy);
  return (
    <Card title={t('detail.yourQuote')} data-testid="merchant-panel">
      <Flex vertical gap={12}>
        <Space wrap>
          <Tag color={ENGAGEMENT_COLOUR[mine.status]}>{t(`engagement.${mine.status}`)}</Tag>
          {mine.status === 'accepted' ? <Alert type="success" showIcon title={t('detail.won')} /> : null}
          {mine.status === 'lost' ? <Alert type="info" showIcon title={t('detail.lostText')} /> : null}
        </Space>
        {mine.quote ? (
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            {inquiry.lines.map((l, i) => (
              <Descriptions.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: bill lines have no id and never reorder
                key={i}
                label={`${i + 1}. ${l.material} ${l.spec}`}
              >
                {formatFen(mine.quote?.unitPricesFen[i])} / {l.unit} · {formatFen(mine.quote?.lineTotalsFen[i])}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('detail.total')}>
              <strong>{formatFen(mine.quote.totalFen)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.deliveryDays')}>
              {t('detail.days', { days: mine.quote.deliveryDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.validUntil')}>
              {formatDateTime(mine.quote.validUntil)}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
        {mine.status === 'declined' && mine.declineReason ? (
          <Typography.Text>{mine.declineReason}</Typography.Text>
        ) : null}
        {!answerable && (mine.status === 'sent' || mine.status === 'viewed') ? (
          <Alert
            type="warning"
            showIcon
            title={inquiry.status === 'open' ? t('detail.deadlinePassed') : t('detail.closed')}
          />
        ) : null}
        {answerable ? (
          <Form<QuoteValues>
            form={form}
            layout="vertical"
            initialValues={{ deliveryDays: 7, validDays: 15 }}
            onFinish={(values) =>
              quote.mutate(
                {
                  unitPricesFen: values.prices.map((yuan) => Math.round(yuan * 100)),
                  deliveryDays: values.deliveryDays,
                  validDays: values.validDays,
                  note: values.note ?? '',
                },
                { onSuccess: () => void message.success(t('detail.quoted')), onError: feedback.show },
              )
            }
          >
            <Typography.Paragraph>
              {t('detail.quoteIntro', { deadline: formatDateTime(inquiry.respondBy) })}
            </Typography.Paragraph>
            {inquiry.lines.map((l, i) => (
              <Form.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: bill lines have no id and never reorder
                key={i}
                name={['prices', i]}
                label={t('detail.unitPriceYuan', {
                  n: i + 1,
                  material: `${l.material} ${l.spec}（${l.quantity} ${l.unit}）`,
                })}
                rules={[{ required: true, type: 'number', min: 0, message: t('detail.priceRequired') }]}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            ))}
            <Flex gap={12} wrap>
              <Form.Item name="deliveryDays" label={t('detail.deliveryDaysLabel')} rules={[{ required: true }]}>
                <InputNumber min={0} max={3650} precision={0} />
              </Form.Item>
              <Form.Item name="validDays" label={t('detail.validDays')} rules={[{ required: true }]}>
                <InputNumber min={1} max={365} precision={0} />
              </Form.Item>
            </Flex>
            <Form.Item name="note" label={t('detail.quoteNote')} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Flex gap={8} wrap align="center">
              <Button type="primary" htmlType="submit" loading={quote.isPending}>
                {t('detail.submitQuote')}
              </Button>
              <Input
                aria-label={t('detail.declineReason')}
                placeholder={t('detail.declineReason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                style={{ maxWidth: 240 }}
              />
              <Button
                danger
                loading={decline.isPending}
                onClick={() =>
                  decline.mutate(reason, {
                    onSuccess: () => void message.success(t('detail.declined')),
                    onError: feedback.show,
                  })
                }
              >
                {t('detail.decline')}
              </Button>
            </Flex>
          </Form>
        ) : null}
      </Flex>
    </Card>
  );
}

/** 询价详情: the buyer compares quotes and accepts one; a merchant sees its own engagement and quotes. */
export function InquiryDetail({ orgId, inquiryId }: { orgId: string; inquiryId: string }) {
  const { t } = useTranslation('inquiries');
  const inquiry = useInquiry(orgId, inquiryId);
  if (inquiry.isLoading) return <LoadingState />;
  if (!inquiry.data) return <ErrorState error={inquiry.error} onRetry={() => inquiry.refetch()} />;
  const q = inquiry.data;
  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={q.title}
        subtitle={<Tag color={q.status === 'accepted' ? 'success' : 'processing'}>{t(`status.${q.status}`)}</Tag>}
      />
      <Card title={t('detail.lines')}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('detail.buyer')}>{q.buyerName}</Descriptions.Item>
          <Descriptions.Item label={t('list.respondBy')}>{formatDateTime(q.respondBy)}</Descriptions.Item>
          <Descriptions.Item label={t('list.createdAt')}>{formatDateTime(q.createdAt)}</Descriptions.Item>
          {q.note ? <Descriptions.Item label={t('detail.note')}>{q.note}</Descriptions.Item> : null}
        </Descriptions>
        <LinesTable lines={q.lines} />
      </Card>
      <OrderCard inquiry={q} orgId={orgId} />
      {q.side === 'buyer' ? (
        <>
          <Card title={t('detail.compare')}>
            <QuoteComparison inquiry={q} orgId={orgId} />
          </Card>
          <Card title={t('detail.progress')}>
            <ProgressTable engagements={q.engagements} />
          </Card>
        </>
      ) : (
        <MerchantPanel inquiry={q} orgId={orgId} />
      )}
    </Flex>
  );
}
