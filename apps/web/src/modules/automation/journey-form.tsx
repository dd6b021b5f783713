import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AUTOMATION_CHANNELS,
  type AutomationChannel,
  CONDITION_CHECKS,
  type ConditionCheck,
  type JourneyAudience,
  type JourneyBody,
  type JourneyStep,
} from '@zhuhe/contracts';
import { Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ButtonLink } from '../../app/button-link';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useCreateJourney } from './automation.queries';

/** A branch of a condition: the following step, the end, or a step by its position. */
type Branch = 'next' | 'end' | `s${number}`;

interface StepValues {
  type: JourneyStep['type'];
  hours?: number;
  check?: ConditionCheck;
  onTrue?: Branch;
  onFalse?: Branch;
  channel?: AutomationChannel;
  title?: string;
  body?: string;
  slaHours?: number;
  /** 优惠券 value in yuan, and days it is valid */
  voucherYuan?: number;
  voucherDays?: number;
}

interface Values {
  name: string;
  description?: string;
  audience: JourneyAudience;
  withoutOrganisation?: boolean;
  businessRoles?: string[];
  regionPrefix?: string;
  silentDays?: number | null;
  newMerchantDays?: number | null;
  triggerKind: 'event' | 'schedule';
  event?: string;
  reentryDays?: number;
  steps: StepValues[];
}

const EVENTS = ['user.registered', 'merchant.activated', 'organisation.created', 'demand.published'] as const;
const ROLES = ['GC', 'SUB', 'SUP', 'DES', 'SVR', 'FIN'] as const;

/** Steps are numbered s1, s2 … by position; each goes on to the following one unless it is the last. */
function toBody(values: Values): JourneyBody {
  const ids = values.steps.map((_, i) => `s${i + 1}`);
  const following = (i: number) => ids[i + 1] ?? null;
  const branch = (b: Branch | undefined, i: number) => (b === 'end' ? null : b === 'next' || !b ? following(i) : b);
  const steps: JourneyStep[] = values.steps.map((s, i) => {
    const id = ids[i] as string;
    if (s.type === 'wait') return { id, type: 'wait', hours: s.hours ?? 24, next: following(i) };
    if (s.type === 'condition')
      return {
        id,
        type: 'condition',
        check: s.check ?? 'activeSinceEntry',
        onTrue: branch(s.onTrue, i),
        onFalse: branch(s.onFalse, i),
      };
    return {
      id,
      type: 'action',
      channel: s.channel ?? 'inApp',
      title: s.title ?? '',
      body: s.body ?? '',
      ...(s.channel === 'task' && s.slaHours ? { slaHours: s.slaHours } : {}),
      ...(s.channel === 'voucher' && s.voucherYuan
        ? { voucherFen: Math.round(s.voucherYuan * 100), voucherDays: s.voucherDays ?? 30 }
        : {}),
      next: following(i),
    };
  });
  const user = values.audience === 'user';
  return {
    name: values.name,
    description: values.description ?? '',
    audience: values.audience,
    segment: user
      ? { ...(values.withoutOrganisation ? { withoutOrganisation: true } : {}) }
      : {
          ...(values.businessRoles?.length ? { businessRoles: values.businessRoles } : {}),
          ...(values.regionPrefix ? { regionPrefix: values.regionPrefix } : {}),
          ...(values.silentDays ? { silentDays: values.silentDays } : {}),
          ...(values.newMerchantDays ? { newMerchantDays: values.newMerchantDays } : {}),
        },
    trigger:
      values.triggerKind === 'event'
        ? { kind: 'event', event: values.event ?? 'user.registered' }
        : { kind: 'schedule', reentryDays: values.reentryDays ?? 30 },
    steps,
  };
}

/** 旅程编辑器 a form: segment, trigger, then the steps in order. Saved as a draft; a cycle is refused by the server. */
export function JourneyForm() {
  const { t } = useTranslation('automation');
  const [form] = Form.useForm<Values>();
  const create = useCreateJourney();
  const feedback = useErrorFeedback();
  const navigate = useNavigate();
  const audience = Form.useWatch('audience', form);
  const triggerKind = Form.useWatch('triggerKind', form);
  const steps = Form.useWatch('steps', form) ?? [];

  const branchOptions = (index: number) => [
    { value: 'next', label: t('steps.next') },
    { value: 'end', label: t('steps.end') },
    ...steps
      .map((_, i) => ({ value: `s${i + 1}`, label: t('steps.goTo', { n: i + 1 }) }))
      .filter((_, i) => i !== index),
  ];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        audience: 'user',
        triggerKind: 'event',
        event: 'user.registered',
        reentryDays: 30,
        steps: [{ type: 'action', channel: 'inApp' }],
      }}
      onFinish={(values) =>
        create.mutate(toBody(values), {
          onSuccess: (journey) => void navigate(`/staff/automation/${journey.id}`),
          onError: (error) => feedback.showOnForm(form, error, { fields: ['name', 'description'] }),
        })
      }
      style={{ maxWidth: 720 }}
    >
      <Form.Item name="name" label={t('form.name')} rules={[{ required: true, max: 80 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('form.description')} rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Card size="small" title={t('segment.title')} style={{ marginBottom: 16 }}>
        <Form.Item name="audience" label={t('list.audience')}>
          <Radio.Group
            options={(['user', 'organisation'] as const).map((a) => ({ value: a, label: t(`audience.${a}`) }))}
          />
        </Form.Item>
        {audience === 'organisation' ? (
          <Flex gap={12} wrap>
            <Form.Item name="businessRoles" label={t('segment.businessRoles')} style={{ minWidth: 200, flex: 1 }}>
              <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: r }))} />
            </Form.Item>
            <Form.Item
              name="regionPrefix"
              label={t('segment.regionPrefix')}
              rules={[{ pattern: /^\d{2,6}$/ }]}
              style={{ minWidth: 140 }}
            >
              <Input inputMode="numeric" placeholder="33" />
            </Form.Item>
            <Form.Item name="silentDays" label={t('segment.silentDays')}>
              <InputNumber min={1} max={365} />
            </Form.Item>
            <Form.Item name="newMerchantDays" label={t('segment.newMerchantDays')}>
              <InputNumber min={1} max={365} />
            </Form.Item>
          </Flex>
        ) : (
          <Form.Item name="withoutOrganisation" valuePropName="checked">
            <Checkbox>{t('segment.withoutOrganisation')}</Checkbox>
          </Form.Item>
        )}
      </Card>
      <Card size="small" title={t('list.trigger')} style={{ marginBottom: 16 }}>
        <Form.Item name="triggerKind" label={t('form.triggerKind')}>
          <Radio.Group
            options={(['event', 'schedule'] as const).map((k) => ({ value: k, label: t(`form.triggerKinds.${k}`) }))}
          />
        </Form.Item>
        {triggerKind === 'schedule' ? (
          <Form.Item name="reentryDays" label={t('form.reentryDays')}>
            <InputNumber min={1} max={365} />
          </Form.Item>
        ) : (
          <Form.Item name="event" label={t('form.event')}>
            <Select options={EVENTS.map((e) => ({ value: e, label: `${t(`events.${e}`)}（${e}）` }))} />
          </Form.Item>
        )}
      </Card>
      <Card size="small" title={t('steps.title')} style={{ marginBottom: 16 }}>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => {
                const type = steps[index]?.type;
                const channel = steps[index]?.channel;
                return (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    title={t('steps.step', { n: index + 1 })}
                    extra={
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('steps.remove')} ${t('steps.step', { n: index + 1 })}`}
                        onClick={() => remove(field.name)}
                        disabled={fields.length === 1}
                      />
                    }
                  >
                    <Form.Item name={[field.name, 'type']} label={t('steps.type')}>
                      <Select
                        data-testid={`step-${index + 1}-type`}
                        options={(['wait', 'condition', 'action'] as const).map((k) => ({
                          value: k,
                          label: t(`steps.types.${k}`),
                        }))}
                      />
                    </Form.Item>
                    {type === 'wait' ? (
                      <Form.Item name={[field.name, 'hours']} label={t('steps.hours')} initialValue={24}>
                        <InputNumber min={0} max={2160} />
                      </Form.Item>
                    ) : null}
                    {type === 'condition' ? (
                      <Flex gap={12} wrap>
                        <Form.Item
                          name={[field.name, 'check']}
                          label={t('steps.check')}
                          initialValue="activeSinceEntry"
                          style={{ minWidth: 200, flex: 1 }}
                        >
                          <Select
                            options={CONDITION_CHECKS.map((c) => ({ value: c, label: t(`steps.checks.${c}`) }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'onTrue']}
                          label={t('steps.onTrue')}
                          initialValue="end"
                          style={{ minWidth: 140 }}
                        >
                          <Select options={branchOptions(index)} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'onFalse']}
                          label={t('steps.onFalse')}
                          initialValue="next"
                          style={{ minWidth: 140 }}
                        >
                          <Select data-testid={`step-${index + 1}-on-false`} options={branchOptions(index)} />
                        </Form.Item>
                      </Flex>
                    ) : null}
                    {type === 'action' ? (
                      <>
                        <Form.Item name={[field.name, 'channel']} label={t('steps.channel')} initialValue="inApp">
                          <Select
                            options={AUTOMATION_CHANNELS.map((c) => ({ value: c, label: t(`steps.channels.${c}`) }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'title']}
                          label={t('steps.messageTitle')}
                          rules={[{ required: true, max: 120 }]}
                        >
                          <Input />
                        </Form.Item>
                        <Form.Item name={[field.name, 'body']} label={t('steps.body')} rules={[{ max: 1000 }]}>
                          <Input.TextArea autoSize={{ minRows: 2 }} />
                        </Form.Item>
                        {channel === 'task' ? (
                          <Form.Item
                            name={[field.name, 'slaHours']}
                            label={t('steps.slaHours')}
                            rules={[{ required: true }]}
                            initialValue={4}
                          >
                            <InputNumber min={1} max={336} />
                          </Form.Item>
                        ) : null}
                        {channel === 'voucher' ? (
                          <Space wrap>
                            <Form.Item
                              name={[field.name, 'voucherYuan']}
                              label={t('steps.voucherYuan')}
                              rules={[{ required: true }]}
                              initialValue={100}
                            >
                              <InputNumber min={1} max={10_000} precision={0} />
                            </Form.Item>
                            <Form.Item
                              name={[field.name, 'voucherDays']}
                              label={t('steps.voucherDays')}
                              initialValue={30}
                            >
                              <InputNumber min={1} max={365} precision={0} />
                            </Form.Item>
                          </Space>
                        ) : null}
                      </>
                    ) : null}
                  </Card>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ type: 'action', channel: 'inApp' })}>
                {t('steps.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Card>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('form.save')}
        </Button>
        <ButtonLink to="/staff/automation">{t('form.cancel')}</ButtonLink>
      </Space>
    </Form>
  );
}
