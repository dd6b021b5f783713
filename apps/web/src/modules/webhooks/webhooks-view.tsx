import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import * as api from './webhooks.api';

const STATUS_COLOUR: Record<WebhookDeliveryStatus, string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'warning',
  dead: 'error',
};

type EventKey = (typeof WEBHOOK_EVENT_TYPES)[number] | 'ping';

function useEventName() {
  const { t } = useTranslation('webhooks');
  return (type: string) =>
    type in { ping: 1, ...Object.fromEntries(WEBHOOK_EVENT_TYPES.map((e) => [e, 1])) }
      ? t(`events.${type as EventKey}.name`)
      : type;
}

/** The delivery log of one endpoint, or the organisation's dead letters: status, attempts, answer, redelivery. */
function DeliveryTable({
  orgId,
  rows,
  total,
  page,
  onPage,
  showEndpoint,
  emptyText,
  testId,
}: {
  orgId: string;
  rows: WebhookDelivery[];
  total: number;
  page: number;
  onPage: (page: number) => void;
  showEndpoint?: boolean;
  emptyText: string;
  testId: string;
}) {
  const { t } = useTranslation('webhooks');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const eventName = useEventName();
  const again = useMutation({
    mutationFn: (id: string) => api.redeliver(orgId, id),
    onSuccess: () => {
      void message.success(t('redelivered'));
      void client.invalidateQueries({ queryKey: ['webhooks', orgId] });
    },
    onError: feedback.show,
  });
  return (
    <Table<WebhookDelivery>
      data-testid={testId}
      rowKey="id"
      size="small"
      dataSource={rows}
      scroll={{ x: 720 }}
      locale={{ emptyText }}
      pagination={{ current: page, pageSize: 10, total, onChange: onPage, hideOnSinglePage: true }}
      expandable={{
        expandedRowRender: (d) => (
          <Flex vertical gap={4}>
            {d.lastError && (
              <Typography.Text type="danger">
                {t('lastError')}: {d.lastError}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">{t('payload')}</Typography.Text>
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
              {JSON.stringify(d.payload, null, 2)}
            </pre>
          </Flex>
        ),
      }}
      columns={[
        { title: t('columns.event'), key: 'event', render: (_, d) => eventName(d.eventType) },
        ...(showEndpoint
          ? [
              {
                title: t('columns.endpoint'),
                key: 'endpoint',
                render: (_: unknown, d: WebhookDelivery) => (
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{d.endpointUrl}</Typography.Text>
                ),
              },
            ]
          : []),
        {
          title: t('columns.status'),
          key: 'status',
          render: (_, d) => (
            <Tag color={STATUS_COLOUR[d.status]} data-testid={`delivery-status-${d.status}`}>
              {t(`deliveryStatus.${d.status}`)}
            </Tag>
          ),
        },
        { title: t('columns.attempts'), dataIndex: 'attempts', key: 'attempts' },
        {
          title: t('columns.response'),
          key: 'response',
          render: (_, d) => <span data-testid="delivery-response">{d.lastResponseStatus ?? '—'}</span>,
        },
        { title: t('columns.time'), key: 'time', render: (_, d) => formatDateTime(d.createdAt) },
        {
          title: t('columns.next'),
          key: 'next',
          render: (_, d) => (d.nextAttemptAt && d.status === 'failed' ? formatDateTime(d.nextAttemptAt) : '—'),
        },
        {
          title: t('columns.actions'),
          key: 'actions',
          render: (_, d) =>
            d.status === 'failed' || d.status === 'dead' ? (
              <Button
                size="small"
                loading={again.isPending && again.variables === d.id}
                onClick={() => again.mutate(d.id)}
              >
                {t('redeliver')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

function EndpointDeliveries({ orgId, endpointId }: { orgId: string; endpointId: string }) {
  const { t } = useTranslation('webhooks');
  const [page, setPage] = useState(1);
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['webhooks', orgId, 'deliveries', endpointId, page],
    queryFn: () => api.endpointDeliveries(orgId, endpointId, page),
    // while a delivery is on its way, look again shortly
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 1500 : false),
  });
  // when the last pending delivery settles, the endpoint's 7-day counts change too
  const pending = query.data?.items.filter((d) => d.status === 'pending').length ?? 0;
  const wasPending = useRef(0);
  useEffect(() => {
    if (wasPending.current > 0 && pending === 0)
      void client.invalidateQueries({ queryKey: ['webhooks', orgId, 'endpoints'] });
    wasPending.current = pending;
  }, [pending, client, orgId]);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState minHeight={80} />;
  return (
    <DeliveryTable
      orgId={orgId}
      rows={query.data.items}
      total={query.data.total}
      page={page}
      onPage={setPage}
      emptyText={t('noDeliveries')}
      testId={`deliveries-${endpointId}`}
    />
  );
}

function EndpointCard({
  orgId,
  endpoint,
  onSecret,
}: {
  orgId: string;
  endpoint: WebhookEndpoint;
  onSecret: (s: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation('webhooks');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const eventName = useEventName();
  const refresh = () => client.invalidateQueries({ queryKey: ['webhooks', orgId] });
  const ping = useMutation({
    mutationFn: () => api.sendTestEvent(orgId, endpoint.id),
    onSuccess: () => {
      void message.success(t('testQueued'));
      void refresh();
    },
    onError: feedback.show,
  });
  const toggle = useMutation({
    mutationFn: () => api.updateEndpoint(orgId, endpoint.id, { enabled: !endpoint.enabled }),
    onSuccess: () => void refresh(),
    onError: feedback.show,
  });
  const roll = useMutation({
    mutationFn: () => api.rollSecret(orgId, endpoint.id),
    onSuccess: (s) => {
      onSecret(s);
      void refresh();
    },
    onError: feedback.show,
  });
  const remove = useMutation({
    mutationFn: () => api.deleteEndpoint(orgId, endpoint.id),
    onSuccess: () => void refresh(),
    onError: feedback.show,
  });
  return (
    <Card
      size="small"
      data-testid="webhook-endpoint"
      title={
        <Typography.Text strong style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
          {endpoint.url}
        </Typography.Text>
      }
    >
      <Flex vertical gap={8}>
        <Flex wrap gap={8} align="center">
          <Tag color={endpoint.enabled ? 'success' : 'default'}>{endpoint.enabled ? t('enabled') : t('disabled')}</Tag>
          {endpoint.eventTypes.map((e) => (
            <Tag key={e}>{eventName(e)}</Tag>
          ))}
        </Flex>
        {endpoint.description && <Typography.Text>{endpoint.description}</Typography.Text>}
        <Typography.Text type="secondary">
          {t('secretPrefix')}: <Typography.Text code>{endpoint.secretPrefix}…</Typography.Text> ·{' '}
          {t('recent', endpoint.recent)}
        </Typography.Text>
        <Space wrap>
          <Button type="primary" disabled={!endpoint.enabled} loading={ping.isPending} onClick={() => ping.mutate()}>
            {t('sendTest')}
          </Button>
          <Button loading={toggle.isPending} onClick={() => toggle.mutate()}>
            {endpoint.enabled ? t('disable') : t('enable')}
          </Button>
          <Popconfirm
            title={t('rollConfirm')}
            onConfirm={() => roll.mutate()}
            okText={t('rollSecret')}
            cancelText={t('cancel')}
          >
            <Button loading={roll.isPending}>{t('rollSecret')}</Button>
          </Popconfirm>
          <Popconfirm
            title={t('deleteConfirm')}
            onConfirm={() => remove.mutate()}
            okText={t('delete')}
            cancelText={t('cancel')}
          >
            <Button danger loading={remove.isPending}>
              {t('delete')}
            </Button>
          </Popconfirm>
        </Space>
        <Typography.Title level={3} style={{ fontSize: 15, margin: '8px 0 0' }}>
          {t('deliveries')}
        </Typography.Title>
        <EndpointDeliveries orgId={orgId} endpointId={endpoint.id} />
      </Flex>
    </Card>
  );
}

interface CreateValues {
  url: string;
  description?: string;
  eventTypes: string[];
}

function CreateEndpointModal({
  orgId,
  open,
  onClose,
  onCreated,
}: {
  orgId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (s: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation('webhooks');
  const [form] = Form.useForm<CreateValues>();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      api.createEndpoint(orgId, {
        url: v.url,
        description: v.description ?? '',
        eventTypes: v.eventTypes as (typeof WEBHOOK_EVENT_TYPES)[number][],
      }),
    onSuccess: (s) => {
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['webhooks', orgId] });
      onCreated(s);
    },
    onError: (error) =>
      feedback.showOnForm(form, error, {
        fields: ['url', 'description', 'eventTypes'],
        codeFields: { URL_INVALID: 'url', URL_FORBIDDEN: 'url', URL_UNRESOLVED: 'url' },
      }),
  });
  return (
    <Modal
      open={open}
      title={t('add')}
      okText={t('create')}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ eventTypes: [] }}>
        <Form.Item name="url" label={t('url')} extra={t('urlHelp')} rules={[{ required: true }]}>
          <Input placeholder="https://erp.example.com/zhuhe/webhooks" inputMode="url" />
        </Form.Item>
        <Form.Item name="description" label={t('description')}>
          <Input placeholder={t('descriptionPlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="eventTypes"
          label={t('eventTypes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('eventTypesRequired') }]}
        >
          <Checkbox.Group style={{ width: '100%' }}>
            <Flex vertical gap={8}>
              {WEBHOOK_EVENT_TYPES.map((e) => (
                <Checkbox key={e} value={e}>
                  <Flex vertical>
                    <span>{t(`events.${e}.name`)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`events.${e}.help`)}
                    </Typography.Text>
                  </Flex>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SecretModal({ shown, onClose }: { shown: WebhookEndpointWithSecret | null; onClose: () => void }) {
  const { t } = useTranslation('webhooks');
  return (
    <Modal
      open={shown !== null}
      title={t('secretTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('secretOnce')} style={{ marginBottom: 12 }} />
      {shown && (
        <Typography.Paragraph
          code
          copyable={{ text: shown.secret, tooltips: [t('copy'), t('copied')] }}
          data-testid="webhook-secret"
          style={{ wordBreak: 'break-all' }}
        >
          {shown.secret}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

function DeadLetters({ orgId }: { orgId: string }) {
  const { t } = useTranslation('webhooks');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['webhooks', orgId, 'dead', page],
    queryFn: () => api.deadLetters(orgId, page),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState minHeight={80} />;
  return (
    <DeliveryTable
      orgId={orgId}
      rows={query.data.items}
      total={query.data.total}
      page={page}
      onPage={setPage}
      showEndpoint
      emptyText={t('noDeadLetters')}
      testId="dead-letters"
    />
  );
}

/** Webhooks for an organisation's admins: endpoints, the secret shown once, delivery logs and dead letters. */
export function WebhooksView({ orgId }: { orgId: string }) {
  const { t } = useTranslation('webhooks');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | null>(null);
  const query = useQuery({ queryKey: ['webhooks', orgId, 'endpoints'], queryFn: () => api.listEndpoints(orgId) });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('docsHint')} />
      <Card
        title={t('endpoints')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('add')}
          </Button>
        }
      >
        {query.data.items.length === 0 ? (
          <Empty description={t('empty')} />
        ) : (
          <Flex vertical gap={12}>
            {query.data.items.map((e) => (
              <EndpointCard key={e.id} orgId={orgId} endpoint={e} onSecret={setSecret} />
            ))}
          </Flex>
        )}
      </Card>
      <Card title={t('deadLetters')}>
        <DeadLetters orgId={orgId} />
      </Card>
      <CreateEndpointModal
        orgId={orgId}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(s) => {
          setCreating(false);
          setSecret(s);
        }}
      />
      <SecretModal shown={secret} onClose={() => setSecret(null)} />
    </Flex>
  );
}
