import { CreditCode } from '@zhuhe/contracts';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contractRule } from '../../app/contract-rule';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { RegionCascader } from '../regions';
import { BusinessRolePicker } from './business-role-picker';
import type { CreateOrganisationInput } from './organisation.api';
import { useCreateOrganisation } from './organisation.queries';

interface CreateOrganisationValues {
  name: string;
  creditCode: string;
  businessRoles: CreateOrganisationInput['businessRoles'];
  regionCode?: string;
  address?: string;
}

const FIELDS = ['name', 'creditCode', 'businessRoles', 'regionCode', 'address'] as const;

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function CreateOrganisationForm() {
  const { t } = useTranslation('organisation');
  const [form] = Form.useForm<CreateOrganisationValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const mutation = useCreateOrganisation();

  const onFinish = (values: CreateOrganisationValues) => {
    mutation.mutate(
      {
        name: values.name.trim(),
        creditCode: values.creditCode.trim().toUpperCase(),
        businessRoles: values.businessRoles,
        regionCode: optional(values.regionCode),
        address: optional(values.address),
      },
      {
        onSuccess: (organisation) => {
          message.success(t('create.created', { name: organisation.name }));
          navigate('/workspace', { replace: true });
        },
        onError: (error) =>
          feedback.showOnForm(form, error, {
            fields: FIELDS,
            codeFields: { CREDIT_CODE_TAKEN: 'creditCode', CREDIT_CODE_INVALID: 'creditCode' },
          }),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" requiredMark="optional" onFinish={onFinish}>
      <Form.Item
        name="name"
        label={t('fields.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.nameRequired') },
          { min: 2, max: 100, message: t('validation.nameLength') },
        ]}
      >
        <Input placeholder={t('fields.namePlaceholder')} maxLength={100} autoComplete="organization" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('fields.creditCode')}
        extra={t('fields.creditCodeHint')}
        normalize={(value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value)}
        validateTrigger="onBlur"
        rules={[
          { required: true, whitespace: true, message: t('validation.creditCodeRequired') },
          contractRule(CreditCode, 'ORG_CREDIT_CODE_INVALID'),
        ]}
      >
        <Input placeholder="91330100XXXXXXXXXX" maxLength={18} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item
        name="businessRoles"
        label={t('fields.businessRoles')}
        extra={t('fields.businessRolesHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('validation.businessRolesRequired') }]}
      >
        <BusinessRolePicker />
      </Form.Item>
      <Form.Item name="regionCode" label={t('fields.region')} extra={t('fields.regionHint')}>
        <RegionCascader anyLevel placeholder={t('fields.regionPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('fields.address')}
        rules={[{ max: 200, message: t('validation.addressLength') }]}
      >
        <Input.TextArea placeholder={t('fields.addressPlaceholder')} maxLength={200} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" loading={mutation.isPending}>
        {t('create.submit')}
      </Button>
    </Form>
  );
}
