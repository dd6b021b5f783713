import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Form, Input, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from './growth.api';
import { growthKeys } from './growth-shared';

/**
 * 保存分析 / 已保存的分析: saves the panel's current query under a name (optionally shared with the growth team),
 * lists the reader's own and the shared ones, and reopens one by handing its query back to the panel.
 */
export function SavedAnalyses({
  kind,
  query,
  onOpen,
}: {
  kind: api.SavedAnalysisKind;
  query: api.SavedQuery;
  onOpen: (query: api.SavedQuery) => void;
}) {
  const { t } = useTranslation('growth');
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = [...growthKeys.all, 'saved', kind];
  const saved = useQuery({ queryKey: key, queryFn: () => api.fetchSaved(kind) });
  const [saving, setSaving] = useState(false);
  const [renaming, setRenaming] = useState<api.SavedAnalysisData | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: (v: { name: string; shared?: boolean }) =>
      api.saveAnalysis({ kind, name: v.name, query, shared: Boolean(v.shared) }),
    onSuccess: () => {
      message.success(t('saved.savedOk'));
      setSaving(false);
      void refresh();
    },
  });
  const rename = useMutation({
    mutationFn: (v: { id: string; name: string }) => api.updateSaved(v.id, { name: v.name }),
    onSuccess: () => {
      message.success(t('saved.renamedOk'));
      setRenaming(null);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: api.deleteSaved,
    onSuccess: () => {
      message.success(t('saved.deletedOk'));
      void refresh();
    },
  });
  const items = saved.data?.items ?? [];
  return (
    <section aria-label={t('saved.list')} style={{ marginBottom: 16 }} data-testid={`saved-analyses-${kind}`}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>{t('saved.list')}</Typography.Text>
        <Button onClick={() => setSaving(true)}>{t('saved.save')}</Button>
      </Flex>
      <List
        size="small"
        loading={saved.isLoading}
        dataSource={items}
        locale={{ emptyText: t('saved.empty') }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="open"
                size="small"
                type="link"
                aria-label={`${t('saved.open')} ${item.name}`}
                onClick={() => {
                  onOpen(item.query);
                  message.info(t('saved.opened', { name: item.name }));
                }}
              >
                {t('saved.open')}
              </Button>,
              ...(item.mine
                ? [
                    <Button
                      key="rename"
                      size="small"
                      type="link"
                      aria-label={`${t('saved.rename')} ${item.name}`}
                      onClick={() => setRenaming(item)}
                    >
                      {t('saved.rename')}
                    </Button>,
                    <Popconfirm key="delete" title={t('saved.confirmDelete')} onConfirm={() => remove.mutate(item.id)}>
                      <Button size="small" type="link" danger aria-label={`${t('saved.delete')} ${item.name}`}>
                        {t('saved.delete')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Space wrap>
              <span>{item.name}</span>
              <Tag>{item.mine ? t('saved.mine') : t('saved.owner')}</Tag>
              {item.shared ? <Tag color="blue">{t('saved.shared')}</Tag> : null}
            </Space>
          </List.Item>
        )}
      />
      <Modal open={saving} title={t('saved.save')} onCancel={() => setSaving(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={(v: { name: string; shared?: boolean }) => save.mutate(v)}>
          <Form.Item name="name" label={t('saved.name')} rules={[{ required: true, max: 80 }]}>
            <Input autoFocus maxLength={80} />
          </Form.Item>
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>{t('saved.share')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('saved.save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={renaming !== null}
        title={t('saved.rename')}
        onCancel={() => setRenaming(null)}
        footer={null}
        destroyOnHidden
      >
        {renaming ? (
          <Form
            layout="vertical"
            initialValues={{ name: renaming.name }}
            onFinish={(v: { name: string }) => rename.mutate({ id: renaming.id, name: v.name })}
          >
            <Form.Item name="name" label={t('saved.name')} rules={[{ required: true, max: 80 }]}>
              <Input maxLength={80} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={rename.isPending}>
              {t('saved.rename')}
            </Button>
          </Form>
        ) : null}
      </Modal>
    </section>
  );
}
