import { App, Button, Card, Descriptions, Flex, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { formatFen } from '../libraries';
import { canManageOrganisation, useActiveMembership } from '../organisation';
import { useCapacity, useDeclareCapacity } from './matching.queries';

interface Values {
  singleWan?: number | null;
  aggregateWan?: number | null;
}

/** limits are entered in 万元 (10,000 CNY) and stored in fen */
const fenToWan = (fen: number) => fen / 1_000_000;
const toFen = (wan: number | null | undefined) =>
  wan === null || wan === undefined ? null : Math.round(wan * 1_000_000);

/** 产能申报 a supplier's single-project and aggregate limits, next to its open backlog. */
export function CapacityCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('matching');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<Values>();
  const capacity = useCapacity(orgId);
  const declare = useDeclareCapacity(orgId);
  const canEdit = canManageOrganisation(useActiveMembership()?.membershipRole);
  if (capacity.isLoading) return <LoadingState minHeight={120} />;
  if (!capacity.data) return <ErrorState error={capacity.error} onRetry={() => capacity.refetch()} />;
  const c = capacity.data;
  return (
    <Card title={t('capacity.title')} style={{ marginBottom: 16 }} data-testid="capacity-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('capacity.subtitle')}</Typography.Text>
        <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('capacity.backlog')}>
            <span data-testid="capacity-backlog">{formatFen(c.openBacklogFen)}</span>
            <Typography.Text type="secondary">
              {' '}
              · {t('capacity.backlogHint', { count: c.openContracts })}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('capacity.singleShort')}>
            {c.singleProjectLimitFen === null ? t('capacity.none') : formatFen(c.singleProjectLimitFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('capacity.aggregateShort')}>
            {c.aggregateLimitFen === null ? t('capacity.none') : formatFen(c.aggregateLimitFen)}
          </Descriptions.Item>
        </Descriptions>
        {canEdit ? (
          <Form
            form={form}
            layout="vertical"
            initialValues={{
              singleWan: c.singleProjectLimitFen === null ? null : fenToWan(c.singleProjectLimitFen),
              aggregateWan: c.aggregateLimitFen === null ? null : fenToWan(c.aggregateLimitFen),
            }}
            onFinish={(v) =>
              declare.mutate(
                { singleProjectLimitFen: toFen(v.singleWan), aggregateLimitFen: toFen(v.aggregateWan) },
                { onSuccess: () => message.success(t('capacity.saved')), onError: feedback.show },
              )
            }
          >
            <Flex gap={12} wrap align="end">
              <Form.Item name="singleWan" label={t('capacity.single')} style={{ marginBottom: 0 }}>
                <InputNumber
                  min={0.01}
                  step={10}
                  placeholder={t('capacity.none')}
                  style={{ width: 200, maxWidth: '100%' }}
                />
              </Form.Item>
              <Form.Item name="aggregateWan" label={t('capacity.aggregate')} style={{ marginBottom: 0 }}>
                <InputNumber
                  min={0.01}
                  step={100}
                  placeholder={t('capacity.none')}
                  style={{ width: 200, maxWidth: '100%' }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={declare.isPending} data-testid="capacity-save">
                {t('capacity.save')}
              </Button>
            </Flex>
          </Form>
        ) : (
          <Typography.Text type="secondary">{t('capacity.ownerOnly')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
