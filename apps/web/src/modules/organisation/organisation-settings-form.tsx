import { Alert, App, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { RegionCascader } from '../regions';
import { BusinessRolePicker } from './business-role-picker';
import type { OrganisationData, UpdateOrganisationInput } from './organisation.api';
import { canManageOrganisation } from './organisation.policy';
import { useActiveMembership, useOrganisation, useUpdateOrganisation } from './organisation.queries';
import { VerificationTag } from './verification-tag';

interface SettingsValues {
  name: string;
  businessRoles: OrganisationData['businessRoles'];
  regionCode?: string;
  address?: string;
}

const FIELDS = ['name', 'businessRoles', 'regionCode', 'address'] as const;

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function SettingsForm({ organisation }: { organisation: OrganisationData }) {
  const { t } = useTranslation(['organisation', 'common']);
  const [form] = Form.useForm<SettingsValues>();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const update = useUpdateOrganisation(organisation.id);

  const onFinish = (values: SettingsValues) => {
    const body: UpdateOrganisationInput = {
      name: values.name.trim(),
      // a GOV viewer's role is the platform's to set (ADR 0129): its settings never send roles
      ...(organisation.businessRoles.includes('GOV')
        ? {}
        : {
            businessRoles: values.businessRoles.filter((r) => r !== 'GOV') as UpdateOrganisationInput['businessRoles'],
          }),
      regionCode: blankToNull(values.regionCode),
      address: blankToNull(values.address),
    };
    update.mutate(body, {
      onSuccess: () => message.success(t('settings.saved')),
      onError: (error) => feedback.showOnForm(form, error, { fields: FIELDS }),
    });
  };

  return (
    <Form<SettingsValues>
      form={form}
      layout="vertical"
      requiredMark="optional"
      onFinish={onFinish}
      initialValues={{
        name: organisation.name,
        businessRoles: organisation.businessRoles,
        regionCode: organisation.regionCode ?? undefined,
        address: organisation.address ?? '',
      }}
    >
      <Form.Item
        name="name"
        label={t('fields.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.nameRequired') },
          { min: 2, max: 100, message: t('validation.nameLength') },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="businessRoles"
        label={t('fields.businessRoles')}
        extra={t('settings.businessRolesHint')}
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
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common:actions.save')}
      </Button>
    </Form>
  );
}

/** 组织设置 the active organisation's profile; editable by owners and admins. */
export function OrganisationSettings({ orgId }: { orgId: string }) {
  const { t } = useTranslation(['organisation', 'common']);
  const { data: organisation, isPending, error, refetch } = useOrganisation(orgId);
  const canEdit = canManageOrganisation(useActiveMembership()?.membershipRole);
  if (isPending) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <Card>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('fields.creditCode')}>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{organisation.creditCode}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.verification')}>
          <VerificationTag status={organisation.verification} />
        </Descriptions.Item>
      </Descriptions>
      {canEdit ? (
        <SettingsForm key={organisation.id} organisation={organisation} />
      ) : (
        <Alert type="info" showIcon title={t('settings.readOnly')} />
      )}
    </Card>
  );
}
