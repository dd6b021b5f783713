import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dayjs } from '../../app/dayjs';
import { useLanguage } from '../../app/language';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useOrgDemands } from '../libraries';
import { lookupOrganisation } from './tendering.api';
import { useCreateTender, useTenders } from './tendering.queries';

function windowText(seconds: number, lang: string): string {
  if (seconds >= 86_400)
    return lang === 'en' ? `${Math.round(seconds / 86_400)} days` : `${Math.round(seconds / 86_400)} 天`;
  if (seconds >= 60) return lang === 'en' ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 60)} 分钟`;
  return lang === 'en' ? `${seconds} s` : `${seconds} 秒`;
}

interface Values {
  demandId: string;
  title: string;
  mode: 'open' | 'invited';
  invited?: string;
  deadline: Dayjs;
  price: number;
  technical: number;
  credit: number;
  performance: number;
  awardResponseDays: number;
  autoOpen: boolean;
  plannedStart?: Dayjs;
  plannedEnd?: Dayjs;
  description?: string;
}

/** 发起招标: a draft on one of the organisation's published demands. */
export function CreateTenderForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation('tendering');
  const language = useLanguage();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const demands = useOrgDemands(orgId);
  const settings = useTenders(orgId, 'mine');
  const create = useCreateTender(orgId);
  const feedback = useErrorFeedback();
  const [missing, setMissing] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form);
  const weights = ['price', 'technical', 'credit', 'performance'] as const;
  const wPrice = Form.useWatch('price', form);
  const wTechnical = Form.useWatch('technical', form);
  const wCredit = Form.useWatch('credit', form);
  const wPerformance = Form.useWatch('performance', form);
  const sum = [wPrice, wTechnical, wCredit, wPerformance].reduce((s: number, w) => s + Number(w ?? 0), 0);
  const minSeconds = settings.data?.minBiddingSeconds ?? 1_728_000;
  // The earliest deadline the server accepts, plus a minute's grace for filling in the form.
  const earliest = dayjs()
    .add(minSeconds + 60, 'second')
    .startOf('second');
  const loadedWindow = settings.data?.minBiddingSeconds;
  useEffect(() => {
    if (loadedWindow !== undefined && !form.isFieldTouched('deadline'))
      form.setFieldValue(
        'deadline',
        dayjs()
          .add(loadedWindow + 60, 'second')
          .startOf('second'),
      );
  }, [loadedWindow, form]);

  const onFinish = async (v: Values) => {
    setMissing(null);
    const invitedOrgIds: string[] = [];
    if (v.mode === 'invited') {
      for (const code of (v.invited ?? '').split(/\s+/).filter(Boolean)) {
        const found = await lookupOrganisation(code.toUpperCase()).catch(() => null);
        if (!found) return setMissing(code);
        invitedOrgIds.push(found.id);
      }
    }
    try {
      const tender = await create.mutateAsync({
        demandId: v.demandId,
        title: v.title,
        mode: v.mode,
        invitedOrgIds,
        deadline: v.deadline.toISOString(),
        weights: { price: v.price, technical: v.technical, credit: v.credit, performance: v.performance },
        awardResponseDays: v.awardResponseDays,
        autoOpen: v.autoOpen,
        ...(v.plannedStart ? { plannedStart: v.plannedStart.format('YYYY-MM-DD') } : {}),
        ...(v.plannedEnd ? { plannedEnd: v.plannedEnd.format('YYYY-MM-DD') } : {}),
        description: v.description ?? '',
      });
      navigate(`/workspace/tenders/${tender.id}`);
    } catch (error) {
      feedback.show(error);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      initialValues={{
        mode: 'open',
        price: 50,
        technical: 30,
        credit: 10,
        performance: 10,
        awardResponseDays: 3,
        autoOpen: true,
      }}
      onFinish={onFinish}
    >
      <Form.Item name="demandId" label={t('create.demand')} extra={t('create.demandHint')} rules={[{ required: true }]}>
        <Select
          data-testid="tender-demand"
          loading={demands.isLoading}
          showSearch
          optionFilterProp="label"
          options={(demands.data ?? [])
            .filter((d) => d.status === 'published' && d.items.length > 0)
            .map((d) => ({ value: d.id, label: `${d.title}（${d.projectName}）` }))}
          onChange={(id: string) => {
            const d = demands.data?.find((x) => x.id === id);
            if (d && !form.getFieldValue('title')) form.setFieldValue('title', `${d.title}招标`);
          }}
        />
      </Form.Item>
      <Form.Item name="title" label={t('create.tenderTitle')} rules={[{ required: true, min: 4, max: 100 }]}>
        <Input data-testid="tender-title" />
      </Form.Item>
      <Form.Item name="mode" label={t('create.mode')}>
        <Radio.Group
          options={[
            { value: 'open', label: t('mode.open') },
            { value: 'invited', label: t('mode.invited') },
          ]}
        />
      </Form.Item>
      {mode === 'invited' ? (
        <Form.Item name="invited" label={t('create.invited')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : null}
      {missing ? <Alert type="error" showIcon message={t('create.inviteMissing', { code: missing })} /> : null}
      <Form.Item
        name="deadline"
        label={t('create.deadline')}
        extra={t('create.deadlineHint', { window: windowText(minSeconds, language) })}
        rules={[{ required: true }]}
        initialValue={earliest}
      >
        <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isBefore(earliest, 'day')} />
      </Form.Item>
      <Typography.Text strong>{t('create.weights')}</Typography.Text>
      <Space wrap style={{ width: '100%', marginTop: 8 }}>
        {weights.map((k) => (
          <Form.Item key={k} name={k} label={t(`create.${k}`)} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        ))}
      </Space>
      <Typography.Paragraph type={sum === 100 ? 'secondary' : 'danger'}>
        {t('create.weightsSum', { sum })}
      </Typography.Paragraph>
      <Form.Item name="awardResponseDays" label={t('create.responseDays')}>
        <InputNumber min={1} max={20} precision={0} />
      </Form.Item>
      <Form.Item name="autoOpen" valuePropName="checked">
        <Checkbox>{t('create.autoOpen')}</Checkbox>
      </Form.Item>
      <Space wrap>
        <Form.Item name="plannedStart" label={t('create.plannedStart')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="plannedEnd" label={t('create.plannedEnd')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('create.description')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={create.isPending}
        disabled={sum !== 100}
        data-testid="tender-save"
      >
        {t('create.submit')}
      </Button>
    </Form>
  );
}
