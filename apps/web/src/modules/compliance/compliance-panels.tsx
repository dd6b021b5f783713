import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BANNED_TERM_CATEGORIES } from '@zhuhe/contracts';
import { Button, Card, Flex, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { addBannedTerm, fetchBannedTerms, fetchTakedowns, liftTakedown, setBannedTermActive } from './compliance.api';

/** 违规用语库 operators maintain the list checked at every submission. */
export function BannedTermsPanel() {
  const { t } = useTranslation('compliance');
  const client = useQueryClient();
  const feedback = useErrorFeedback();
  const query = useQuery({ queryKey: ['compliance', 'terms'], queryFn: fetchBannedTerms });
  const refresh = () => void client.invalidateQueries({ queryKey: ['compliance', 'terms'] });
  const toggle = useMutation({
    mutationFn: (v: { id: string; active: boolean }) => setBannedTermActive(v.id, v.active),
    onSuccess: refresh,
    onError: feedback.show,
  });
  const add = useMutation({ mutationFn: addBannedTerm, onSuccess: refresh, onError: feedback.show });
  const [form] = Form.useForm();
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card title={t('terms.title')}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => add.mutate(v, { onSuccess: () => form.resetFields() })}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="term" rules={[{ required: true }]}>
          <Input placeholder={t('terms.term')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="category" initialValue="absolute_term">
          <Select
            style={{ width: 140 }}
            options={BANNED_TERM_CATEGORIES.map((c) => ({ value: c, label: t(`terms.categories.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="basis" rules={[{ required: true }]}>
          <Input placeholder={t('terms.basis')} style={{ width: 260, maxWidth: '100%' }} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('terms.add')}
        </Button>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={query.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('terms.term'), dataIndex: 'term' },
          { title: t('terms.category'), render: (_, r) => <Tag>{t(`terms.categories.${r.category}`)}</Tag> },
          {
            title: t('terms.basis'),
            dataIndex: 'basis',
            render: (basis: string) => <div style={{ minWidth: 160, maxWidth: 360 }}>{basis}</div>,
          },
          {
            title: t('terms.active'),
            render: (_, r) => (
              <Switch checked={r.active} size="small" onChange={(active) => toggle.mutate({ id: r.id, active })} />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 下架记录 every takedown with its reason; staff lift it once the merchant has fixed the content. */
export function TakedownsPanel() {
  const { t } = useTranslation('compliance');
  const client = useQueryClient();
  const feedback = useErrorFeedback();
  const query = useQuery({ queryKey: ['compliance', 'takedowns'], queryFn: fetchTakedowns });
  const lift = useMutation({
    mutationFn: liftTakedown,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['compliance', 'takedowns'] }),
    onError: feedback.show,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card title={t('takedowns.title')}>
      <Table
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={query.data ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('takedowns.organisation'), dataIndex: 'orgName' },
          { title: t('takedowns.subject'), render: (_, r) => t(`takedowns.subjects.${r.subjectKind}`) },
          { title: t('takedowns.reason'), dataIndex: 'reason' },
          { title: t('takedowns.by'), dataIndex: 'takenDownBy' },
          { title: t('takedowns.at'), render: (_, r) => formatDateTime(r.takenDownAt) },
          {
            title: '',
            render: (_, r) =>
              r.liftedAt ? (
                <Tag>{t('takedowns.lifted')}</Tag>
              ) : (
                <Flex>
                  <Button size="small" onClick={() => lift.mutate(r.id)}>
                    {t('takedowns.lift')}
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}
