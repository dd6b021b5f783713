import { isValidCreditCode } from '@zhuhe/contracts';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLanguage } from '../../app/language';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { ContractFields, toVariables } from './contract-fields';
import { type DirectoryEntryData, lookupOrganisation } from './contracts.api';
import { useCreateContract, useTemplates } from './contracts.queries';

export function CreateContractForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const templates = useTemplates();
  const create = useCreateContract(orgId);
  const feedback = useErrorFeedback();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const template = templates.data?.find((x) => x.kind === kind);
  const [counterparty, setCounterparty] = useState<DirectoryEntryData | null | 'missing'>(null);

  const lookup = async () => {
    const code = String(form.getFieldValue('creditCode') ?? '')
      .trim()
      .toUpperCase();
    if (!isValidCreditCode(code)) return;
    setCounterparty(await lookupOrganisation(code).catch(() => 'missing' as const));
  };

  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      onFinish={async (values: Record<string, unknown>) => {
        if (!template || !counterparty || counterparty === 'missing') return;
        try {
          const contract = await create.mutateAsync({
            kind: template.kind,
            counterpartyOrgId: counterparty.id,
            title: String(values.title),
            variables: toVariables(template, values),
          });
          navigate(`/workspace/contracts/${contract.id}`);
        } catch (error) {
          feedback.show(error);
        }
      }}
    >
      <Form.Item name="kind" label={t('create.kind')} rules={[{ required: true }]}>
        <Select
          options={(templates.data ?? []).map((x) => ({ value: x.kind, label: x.title[lang] }))}
          data-testid="contract-kind"
        />
      </Form.Item>
      <Form.Item label={t('create.counterparty')} required htmlFor="counterparty-credit-code">
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="creditCode" noStyle rules={[{ required: true }]}>
            <Input id="counterparty-credit-code" maxLength={18} onBlur={() => void lookup()} />
          </Form.Item>
          <Button onClick={() => void lookup()}>{t('create.lookup')}</Button>
        </Space.Compact>
      </Form.Item>
      {counterparty === 'missing' ? (
        <Alert type="warning" showIcon message={t('create.counterpartyMissing')} style={{ marginBottom: 16 }} />
      ) : null}
      {counterparty && counterparty !== 'missing' ? (
        <Alert
          type="success"
          showIcon
          message={t('create.counterpartyFound', { name: counterparty.name })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item name="title" label={t('create.contractTitle')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={120} />
      </Form.Item>
      {template ? <ContractFields template={template} /> : null}
      <Button
        type="primary"
        htmlType="submit"
        loading={create.isPending}
        disabled={!template || !counterparty || counterparty === 'missing'}
      >
        {t('create.submit')}
      </Button>
    </Form>
  );
}
