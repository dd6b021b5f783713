import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CostThresholdBody } from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  InputNumber,
  List,
  Popconfirm,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { boardKeys, createThreshold, deleteThreshold, fetchCostWarnings } from './boards.api';

const MATERIALS = ['rebar', 'section_steel', 'concrete', 'cement', 'curtain_wall_glass'] as const;

interface Values {
  material?: string;
  risePct?: number;
  withinMonths?: number;
}

/** 成本预警 an organisation's thresholds (owners and admins set them) and the warnings raised. */
export function CostWarnings({ orgId, manager }: { orgId: string; manager: boolean }) {
  const { t } = useTranslation('boards');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const page = useQuery({ queryKey: boardKeys.warnings(orgId), queryFn: () => fetchCostWarnings(orgId) });
  const refresh = () => void client.invalidateQueries({ queryKey: boardKeys.warnings(orgId) });
  const add = useMutation({
    mutationFn: (v: Values) =>
      createThreshold(orgId, {
        material: v.material ?? null,
        risePct: v.risePct as number,
        withinMonths: v.withinMonths as number,
      } satisfies CostThresholdBody),
    onSuccess: () => {
      void message.success(t('warnings.created'));
      form.resetFields();
      refresh();
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['material', 'risePct', 'withinMonths'] }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteThreshold(orgId, id),
    onSuccess: () => {
      void message.success(t('warnings.deleted'));
      refresh();
    },
    onError: feedback.show,
  });
  const material = (m: string | null) =>
    m ? t(`materials.${m}` as 'materials.rebar', { defaultValue: m }) : t('warnings.anyMaterial');
  if (page.isError) return <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('warnings.fired')} loading={page.isLoading}>
        <List
          dataSource={page.data?.warnings ?? []}
          locale={{ emptyText: <Empty description={t('warnings.noWarnings')} /> }}
          renderItem={(w) => (
            <List.Item data-testid="cost-warning">
              <Flex vertical gap={4}>
                <Typography.Text strong>
                  {t('warnings.warning', {
                    material: material(w.material),
                    month: w.peakMonth,
                    pct: `${(w.rise * 100).toFixed(1)}%`,
                  })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('warnings.detail', {
                    series: w.seriesCode,
                    lastMonth: w.lastMonth,
                    last: (w.lastValue / (w.seriesCode.includes('@') ? 100 : 1)).toFixed(2),
                    peakMonth: w.peakMonth,
                    peak: (w.peakValue / (w.seriesCode.includes('@') ? 100 : 1)).toFixed(2),
                  })}
                </Typography.Text>
                <Flex gap={4} wrap align="center">
                  <Typography.Text>{t('warnings.demands')}</Typography.Text>
                  {w.demands.map((d) => (
                    <Tag key={d.id}>
                      <Link to={`/workspace/demands/${d.id}/procurement`}>{d.title}</Link>
                    </Tag>
                  ))}
                  <Link to={`/workspace/demands/${w.demands[0]?.id ?? ''}/procurement`}>{t('warnings.chart')}</Link>
                  <Typography.Text type="secondary">{formatDate(w.createdAt)}</Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('warnings.thresholds')} loading={page.isLoading}>
        <List
          dataSource={page.data?.thresholds ?? []}
          locale={{ emptyText: <Empty description={t('warnings.noThresholds')} /> }}
          renderItem={(th) => (
            <List.Item
              actions={
                manager
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t('warnings.confirmDelete')}
                        onConfirm={() => remove.mutate(th.id)}
                      >
                        <Button size="small" danger>
                          {t('warnings.delete')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              {t('warnings.rule', { material: material(th.material), months: th.withinMonths, pct: th.risePct })}
            </List.Item>
          )}
        />
      </Card>
      {manager ? (
        <Card size="small" title={t('warnings.add')}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ risePct: 5, withinMonths: 6 }}
            onFinish={(v) => add.mutate(v)}
          >
            <Form.Item name="material" label={t('warnings.material')}>
              <Select
                allowClear
                placeholder={t('warnings.anyMaterial')}
                options={MATERIALS.map((m) => ({ value: m, label: material(m) }))}
              />
            </Form.Item>
            <Form.Item name="risePct" label={t('warnings.rise')} rules={[{ required: true }]}>
              <InputNumber min={0.5} max={100} step={0.5} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="withinMonths" label={t('warnings.within')} rules={[{ required: true }]}>
              <InputNumber min={1} max={6} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('warnings.save')}
            </Button>
          </Form>
        </Card>
      ) : (
        <Alert type="info" showIcon message={t('warnings.managersOnly')} />
      )}
    </Flex>
  );
}
