import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dayjs } from '../../app/dayjs';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useCreateInquiry, useFavourites, useListingForInquiry } from './inquiries.queries';

interface Line {
  material: string;
  spec?: string;
  unit: string;
  quantity: number;
}
interface Values {
  title: string;
  merchantOrgIds: string[];
  lines: Line[];
  respondBy: Dayjs;
  note?: string;
}

/**
 * 发起询价: to one or several merchants (from the listing the buyer came from and their favourites), for a bill of
 * quantities, with a response deadline.
 */
export function InquiryForm({
  orgId,
  merchantOrgIds,
  listingId,
}: {
  orgId: string;
  merchantOrgIds: readonly string[];
  listingId: string | null;
}) {
  const { t } = useTranslation('inquiries');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const favourites = useFavourites(orgId);
  const listing = useListingForInquiry(listingId);
  const create = useCreateInquiry(orgId);

  const options = useMemo(() => {
    const names = new Map<string, string>();
    if (listing.data) names.set(listing.data.orgId, listing.data.orgName);
    for (const f of favourites.data?.items ?? [])
      if (f.kind !== 'project' && f.targetOrgId !== orgId) names.set(f.targetOrgId, f.targetOrgName);
    for (const id of merchantOrgIds) if (!names.has(id)) names.set(id, id);
    return [...names].map(([value, label]) => ({ value, label }));
  }, [favourites.data, listing.data, merchantOrgIds, orgId]);

  // the listing's merchant, its title and its first line, once the listing has loaded
  useEffect(() => {
    const l = listing.data;
    if (!l) return;
    const current = form.getFieldValue('merchantOrgIds') as string[] | undefined;
    form.setFieldsValue({
      merchantOrgIds: [...new Set([...(current ?? []), l.orgId])],
      title: form.getFieldValue('title') || l.title,
      lines: [{ material: l.kindName, spec: l.title, unit: l.unit, quantity: 1 }],
    });
  }, [listing.data, form]);

  const submit = (values: Values) =>
    create.mutate(
      {
        title: values.title,
        listingId,
        merchantOrgIds: values.merchantOrgIds,
        lines: values.lines.map((l) => ({ ...l, spec: l.spec ?? '' })),
        respondBy: values.respondBy.toISOString(),
        note: values.note ?? '',
      },
      {
        onSuccess: (inquiry) => {
          void message.success(t('form.sent'));
          navigate(`/workspace/inquiries/${inquiry.id}`);
        },
        onError: (error) =>
          feedback.showOnForm(form, error, { fields: ['title', 'merchantOrgIds', 'lines', 'respondBy'] }),
      },
    );

  return (
    <Card>
      {listing.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('form.fromListing', { title: listing.data.title })}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          merchantOrgIds: [...merchantOrgIds],
          lines: [{ material: '', spec: '', unit: '', quantity: 1 }],
          respondBy: dayjs().add(3, 'day').hour(18).minute(0).second(0),
        }}
      >
        <Form.Item name="title" label={t('form.subject')} rules={[{ required: true, whitespace: true, max: 120 }]}>
          <Input placeholder={t('form.subjectPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="merchantOrgIds"
          label={t('form.merchants')}
          extra={t('form.merchantsHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.merchantsRequired') }]}
        >
          <Select mode="multiple" options={options} optionFilterProp="label" data-testid="merchant-select" />
        </Form.Item>
        <Typography.Text strong>{t('form.lines')}</Typography.Text>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} wrap align="flex-start" data-testid={`line-${i}`}>
                  <Form.Item
                    name={[field.name, 'material']}
                    label={t('form.material')}
                    rules={[{ required: true, whitespace: true, message: t('form.lineRequired') }]}
                    style={{ flex: '2 1 140px', marginBottom: 0 }}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'spec']}
                    label={t('form.spec')}
                    style={{ flex: '2 1 140px', marginBottom: 0 }}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unit']}
                    label={t('form.unit')}
                    rules={[{ required: true, whitespace: true, message: t('form.lineRequired') }]}
                    style={{ flex: '1 1 70px', marginBottom: 0 }}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={t('form.quantity')}
                    rules={[
                      { required: true, message: t('form.lineRequired') },
                      { type: 'number', min: 0.001, message: t('form.quantityPositive') },
                    ]}
                    style={{ flex: '1 1 100px', marginBottom: 0 }}
                  >
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('form.removeLine', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  ) : null}
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ material: '', spec: '', unit: '', quantity: 1 })}>
                {t('form.addLine')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="respondBy"
          label={t('form.respondBy')}
          rules={[{ required: true, message: t('form.respondByRequired') }]}
        >
          <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('form.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
