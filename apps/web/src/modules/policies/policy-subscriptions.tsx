import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { RegionCascader } from '../regions';
import {
  createSubscription,
  deleteSubscription,
  fetchSubscriptions,
  POLICY_CATEGORIES,
  type PolicyCategory,
  policyKeys,
} from './policies.api';

interface Values {
  regionCode?: string;
  category?: PolicyCategory;
  keyword?: string;
}

/** 政策订阅: the signed-in person's own subscriptions by region and/or category (and keyword). */
export function PolicySubscriptions() {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: policyKeys.subscriptions, queryFn: fetchSubscriptions });
  const add = useMutation({
    mutationFn: (v: Values) =>
      createSubscription({
        regionCode: v.regionCode ?? null,
        category: v.category ?? null,
        keyword: v.keyword?.trim() || null,
      }),
    onSuccess: () => {
      void message.success(t('subscriptions.created'));
      form.resetFields();
      void client.invalidateQueries({ queryKey: policyKeys.subscriptions });
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['regionCode', 'category', 'keyword'] }),
  });
  const remove = useMutation({
    mutationFn: deleteSubscription,
    onSuccess: () => {
      void message.success(t('subscriptions.deleted'));
      void client.invalidateQueries({ queryKey: policyKeys.subscriptions });
    },
    onError: feedback.show,
  });
  const initial: Values = {
    ...(params.get('region') ? { regionCode: params.get('region') as string } : {}),
    ...(params.get('category') ? { category: params.get('category') as PolicyCategory } : {}),
  };
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('subscriptions.add')}>
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => add.mutate(v)}>
          <Form.Item name="regionCode" label={t('subscriptions.region')}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Form.Item name="category" label={t('subscriptions.category')}>
            <Select
              allowClear
              placeholder={t('subscriptions.anyCategory')}
              options={POLICY_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="keyword" label={t('subscriptions.keyword')}>
            <Input maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('subscriptions.add')}
          </Button>
        </Form>
      </Card>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" loading={list.isLoading}>
          <List
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('subscriptions.empty')} /> }}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="delete"
                    title={t('subscriptions.confirmDelete')}
                    onConfirm={() => remove.mutate(s.id)}
                  >
                    <Button size="small" danger>
                      {t('subscriptions.delete')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Flex gap={4} wrap align="center">
                  <Tag color="blue">{s.regionName ?? t('subscriptions.anyRegion')}</Tag>
                  <Tag color="geekblue">
                    {s.category ? t(`categories.${s.category}`) : t('subscriptions.anyCategory')}
                  </Tag>
                  {s.keyword ? <Tag>{s.keyword}</Tag> : null}
                  <Typography.Text type="secondary">
                    {t('subscriptions.since')} {formatDate(s.createdAt)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
