import { DatePicker, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../app/dayjs';
import { useLanguage } from '../../app/language';
import type { ContractTemplateData } from './contracts.api';

type Variables = Record<string, string | number>;
type FormValues = Record<string, unknown>;

/** Form values (yuan, %, dayjs) → API variables (fen, basis points, YYYY-MM-DD). */
export function toVariables(template: ContractTemplateData, values: FormValues): Variables {
  const out: Variables = {};
  for (const field of template.fields) {
    const value = values[field.key];
    if (value === undefined || value === null || value === '') continue;
    if (field.type === 'money') out[field.key] = Math.round(Number(value) * 100);
    else if (field.type === 'percent') out[field.key] = Math.round(Number(value) * 100);
    else if (field.type === 'date') out[field.key] = dayjs(value as string).format('YYYY-MM-DD');
    else if (field.type === 'integer') out[field.key] = Number(value);
    else out[field.key] = String(value);
  }
  return out;
}

export function fromVariables(template: ContractTemplateData, variables: Variables): FormValues {
  const out: FormValues = {};
  for (const field of template.fields) {
    const value = variables[field.key];
    if (value === undefined) continue;
    if (field.type === 'money' || field.type === 'percent') out[field.key] = Number(value) / 100;
    else if (field.type === 'date') out[field.key] = dayjs(String(value));
    else out[field.key] = value;
  }
  return out;
}

/** The template's fields as form items. */
export function ContractFields({ template }: { template: ContractTemplateData }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  return (
    <>
      {template.fields.map((field) => {
        const rules = field.required ? [{ required: true }] : [];
        const label = field.label[lang];
        switch (field.type) {
          case 'money':
            return (
              <Form.Item key={field.key} name={field.key} label={label} rules={rules} extra={t('create.moneyHint')}>
                <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
              </Form.Item>
            );
          case 'percent':
            return (
              <Form.Item key={field.key} name={field.key} label={label} rules={rules} extra={t('create.percentHint')}>
                <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            );
          case 'date':
            return (
              <Form.Item key={field.key} name={field.key} label={label} rules={rules}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            );
          case 'integer':
            return (
              <Form.Item key={field.key} name={field.key} label={label} rules={rules}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            );
          case 'textarea':
            return (
              <Form.Item key={field.key} name={field.key} label={label} rules={rules}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
              </Form.Item>
            );
          default:
            return (
              <Form.Item key={field.key} name={field.key} label={label} rules={rules}>
                <Input maxLength={200} />
              </Form.Item>
            );
        }
      })}
    </>
  );
}
