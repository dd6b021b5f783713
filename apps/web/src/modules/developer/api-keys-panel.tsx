import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKey, ApiKeyScope } from '@zhuhe/contracts';
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
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import {
  API_KEY_SCOPES,
  createApiKey,
  developerKeys,
  fetchApiKeyCalls,
  fetchApiKeys,
  revokeApiKey,
} from './developer.api';

interface Values {
  name: string;
  scopes: ApiKeyScope[];
  expiresInDays: number;
  ipAllowList?: string;
}

const STATUS_COLOURS = { active: 'green', expired: 'default', revoked: 'red' } as const;
const EXPIRY_OPTIONS = ['30', '90', '180', '365'] as const;

/** 调用记录: the key's latest calls, allowed or refused. */
function KeyCalls({ orgId, keyId }: { orgId: string; keyId: string }) {
  const { t } = useTranslation('developer');
  const calls = useQuery({
    queryKey: developerKeys.calls(orgId, keyId),
    queryFn: () => fetchApiKeyCalls(orgId, keyId),
  });
  if (calls.isError) return <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />;
  return (
    <List
      size="small"
      loading={calls.isLoading}
      dataSource={calls.data?.items ?? []}
      locale={{ emptyText: t('noCalls') }}
      renderItem={(c) => (
        <List.Item>
          <Typography.Text style={{ fontSize: 13, wordBreak: 'break-all' }}>
            {formatDateTime(c.at)} · <Tag color={c.status < 400 ? 'green' : 'red'}>{c.status}</Tag>
            {c.method} {c.route} · {c.ip}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

function KeyItem({
  orgId,
  item,
  onRevoke,
  revoking,
}: {
  orgId: string;
  item: ApiKey;
  onRevoke: () => void;
  revoking: boolean;
}) {
  const { t } = useTranslation('developer');
  const [showCalls, setShowCalls] = useState(false);
  return (
    <List.Item
      actions={
        item.status === 'active'
          ? [
              <Popconfirm key="revoke" title={t('confirmRevoke')} onConfirm={onRevoke}>
                <Button size="small" danger loading={revoking} aria-label={`${t('revoke')} ${item.name}`}>
                  {t('revoke')}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{item.name}</Typography.Text>
          <Typography.Text code>{item.prefix}…</Typography.Text>
          <Tag color={STATUS_COLOURS[item.status]}>{t(`status.${item.status}`)}</Tag>
        </Flex>
        <Flex gap={4} wrap>
          {item.scopes.map((s) => (
            <Tag key={s} color="blue">
              {s}
            </Tag>
          ))}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('expiresAt')} {formatDateTime(item.expiresAt)} · {t('lastUsed')}{' '}
          {item.lastUsedAt ? formatDateTime(item.lastUsedAt) : t('never')} · {t('createdBy')} {item.createdByName}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('ipAllowList')}: {item.ipAllowList.length ? item.ipAllowList.join(', ') : t('anyIp')}
        </Typography.Text>
        <div>
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setShowCalls((v) => !v)}>
            {t('calls')}
          </Button>
        </div>
        {showCalls ? <KeyCalls orgId={orgId} keyId={item.id} /> : null}
      </Flex>
    </List.Item>
  );
}

/**
 * The scope checkboxes with their explanations. Only value and onChange are passed on: the ARIA attributes a form
 * item adds are not allowed on the group's element.
 */
function ScopePicker({ value, onChange }: { value?: ApiKeyScope[]; onChange?: (next: ApiKeyScope[]) => void }) {
  const { t } = useTranslation('developer');
  return (
    <Checkbox.Group value={value} onChange={(next) => onChange?.(next)} style={{ width: '100%' }}>
      <Space direction="vertical">
        {API_KEY_SCOPES.map((scope) => (
          <Checkbox key={scope} value={scope}>
            <Typography.Text code>{scope}</Typography.Text> {t(`scopeHelp.${scope}`)}
          </Checkbox>
        ))}
      </Space>
    </Checkbox.Group>
  );
}

/** 开放平台: the organisation's API keys — list, create (secret shown once), revoke — and how to call /api/v1. */
export function ApiKeysPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation('developer');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const keys = useQuery({ queryKey: developerKeys.keys(orgId), queryFn: () => fetchApiKeys(orgId) });
  const refresh = () => void client.invalidateQueries({ queryKey: developerKeys.keys(orgId) });

  const create = useMutation({
    mutationFn: (v: Values) =>
      createApiKey(orgId, {
        name: v.name,
        scopes: v.scopes,
        expiresInDays: v.expiresInDays,
        ipAllowList: (v.ipAllowList ?? '')
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: (created) => {
      setCreating(false);
      form.resetFields();
      setSecret(created.secret);
      refresh();
    },
    onError: (error) =>
      feedback.showOnForm(form, error, { fields: ['name', 'scopes', 'expiresInDays', 'ipAllowList'] }),
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) => revokeApiKey(orgId, keyId),
    onSuccess: () => {
      void message.success(t('revoked'));
      refresh();
    },
    onError: feedback.show,
  });

  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const curl = `curl -H "Authorization: Bearer zk_live_…" \\\n  "${origin}/api/v1/projects?limit=20"`;

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('keys')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        }
      >
        {keys.isError ? (
          <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
        ) : (
          <List
            loading={keys.isLoading}
            dataSource={keys.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('empty')} /> }}
            renderItem={(item) => (
              <KeyItem
                orgId={orgId}
                item={item}
                onRevoke={() => revoke.mutate(item.id)}
                revoking={revoke.isPending && revoke.variables === item.id}
              />
            )}
          />
        )}
      </Card>

      <Card size="small" title={t('howTo')}>
        <Typography.Paragraph>
          {t('howToText')}{' '}
          <a href="/api/docs" style={{ textDecoration: 'underline' }}>
            {t('docs')}
          </a>
          .
        </Typography.Paragraph>
        <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', background: '#f5f5f5', padding: 12, margin: 0 }}>
          {curl}
        </pre>
      </Card>

      <Modal
        open={creating}
        title={t('create')}
        onCancel={() => setCreating(false)}
        okText={t('submit')}
        cancelText={t('cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ scopes: [], expiresInDays: 90 }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="name" label={t('name')} rules={[{ required: true, min: 2, max: 60 }]}>
            <Input placeholder={t('namePlaceholder')} maxLength={60} />
          </Form.Item>
          <Form.Item name="scopes" label={t('scopes')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <ScopePicker />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('expiry')}>
            <Select options={EXPIRY_OPTIONS.map((d) => ({ value: Number(d), label: t(`expiryOptions.${d}`) }))} />
          </Form.Item>
          <Form.Item name="ipAllowList" label={t('ipAllowList')} extra={t('ipAllowListHelp')}>
            <Input.TextArea rows={3} placeholder="203.0.113.0/24" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={secret !== null}
        title={t('secretTitle')}
        closable={false}
        maskClosable={false}
        // the secret leaves the page with the dialog
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {t('done')}
          </Button>
        }
      >
        <Flex vertical gap={12}>
          <Alert type="warning" showIcon message={t('secretWarning')} />
          <Typography.Paragraph
            code
            copyable={{ text: secret ?? '', tooltips: [t('copy'), t('copied')] }}
            style={{ wordBreak: 'break-all' }}
            data-testid="api-key-secret"
          >
            {secret}
          </Typography.Paragraph>
        </Flex>
      </Modal>
    </Flex>
  );
}
