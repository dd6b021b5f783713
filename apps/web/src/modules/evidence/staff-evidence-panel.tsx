import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckpointList, EvidenceSubscription, EvidenceSubscriptionList, LogPublicKey } from '@zhuhe/contracts';
import { Button, Card, Descriptions, Form, Input, List, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiRequest, apiRequestVoid } from '../../app/api-client';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';

function Mono({ children }: { children: string }) {
  return (
    <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
      {children}
    </Typography.Text>
  );
}

/**
 * 存证公钥与订阅 for staff: the keys a court or bank needs (the log's and the witness's signed-note keys, the log key
 * as PEM, the seal CA fingerprint), the latest witnessed checkpoint, and the addresses that receive each checkpoint.
 */
export function StaffEvidencePanel() {
  const { t } = useTranslation('evidence');
  const feedback = useErrorFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ email: string; label: string }>();
  const keys = useQuery({
    queryKey: ['evidence', 'keys'],
    queryFn: () => apiRequest('GET', '/api/evidence/public-key', LogPublicKey),
  });
  const checkpoints = useQuery({
    queryKey: ['evidence', 'checkpoints'],
    queryFn: () => apiRequest('GET', '/api/evidence/checkpoints', CheckpointList),
  });
  const subscriptions = useQuery({
    queryKey: ['evidence', 'subscriptions'],
    queryFn: () => apiRequest('GET', '/api/evidence/subscriptions', EvidenceSubscriptionList),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['evidence'] });
  const add = useMutation({
    mutationFn: (body: { email: string; label: string }) =>
      apiRequest('POST', '/api/evidence/subscriptions', EvidenceSubscription, { body }),
    onSuccess: () => {
      form.resetFields();
      void refresh();
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['email', 'label'] }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiRequestVoid('DELETE', `/api/evidence/subscriptions/${id}`),
    onSuccess: () => void refresh(),
    onError: feedback.show,
  });
  const sign = useMutation({
    mutationFn: () => apiRequest('POST', '/api/evidence/checkpoints', CheckpointList.shape.items.element),
    onSuccess: () => void refresh(),
    onError: feedback.show,
  });

  if (keys.isPending) return <LoadingState />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  const latest = checkpoints.data?.items[0];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('staff.keys')} data-testid="staff-evidence-keys">
        <Typography.Paragraph type="secondary">{t('staff.keysHint')}</Typography.Paragraph>
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={t('verify.logKey')}>
            <Mono>{keys.data.verifierKey}</Mono>
          </Descriptions.Item>
          <Descriptions.Item label="PEM (Ed25519)">
            <Mono>{keys.data.publicKeyPem.trim()}</Mono>
          </Descriptions.Item>
          {keys.data.witnessKeys.map((k) => (
            <Descriptions.Item key={k} label={t('verify.witnessKey')}>
              <Mono>{k}</Mono>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('verify.caFingerprint')}>
            <Mono>{keys.data.sealCaSha256}</Mono>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('staff.latest')}
        extra={
          <Button onClick={() => sign.mutate()} loading={sign.isPending}>
            {t('staff.signNow')}
          </Button>
        }
      >
        {latest ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {t('verify.checkpointSize', { size: latest.treeSize, time: formatDateTime(latest.createdAt) })}
            </Typography.Text>
            <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, margin: 0 }}>
              {latest.note ?? latest.rootHash}
            </pre>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('staff.noCheckpoint')}</Typography.Text>
        )}
      </Card>
      <Card title={t('staff.subscriptions')}>
        <Typography.Paragraph type="secondary">{t('staff.subscriptionsHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => add.mutate(values)}>
          <Form.Item name="email" label={t('staff.email')} rules={[{ required: true, type: 'email' }]}>
            <Input inputMode="email" placeholder="evidence@court.example.cn" />
          </Form.Item>
          <Form.Item name="label" label={t('staff.label')} rules={[{ required: true, max: 100 }]}>
            <Input placeholder={t('staff.labelPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('staff.subscribe')}
          </Button>
        </Form>
        <List
          style={{ marginTop: 16 }}
          dataSource={subscriptions.data?.items ?? []}
          locale={{ emptyText: t('staff.noSubscriptions') }}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Popconfirm key="remove" title={t('staff.removeConfirm')} onConfirm={() => remove.mutate(s.id)}>
                  <Button size="small" danger>
                    {t('staff.remove')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta title={s.label} description={s.email} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
