import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import { useSpecialityOptions } from './expert-directory';
import { askQuestion, type ExpertSpeciality, expertKeys } from './experts.api';

interface Values {
  speciality: ExpertSpeciality;
  title: string;
  body: string;
}

/**
 * 提问 in the active organisation's name: public (no expert), or a private consultation of `expert` at the fee
 * shown (recorded as agreed; settled outside the platform).
 */
export function AskForm({
  expert,
  defaultSpeciality,
}: {
  expert?: { id: string; name: string; feeYuan: number | null } | undefined;
  defaultSpeciality?: ExpertSpeciality | undefined;
}) {
  const { t } = useTranslation('experts');
  const me = useAuthedMe();
  const [form] = Form.useForm<Values>();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const specialities = useSpecialityOptions();
  const orgId = me.activeOrgId;
  const ask = useMutation({
    mutationFn: (v: Values) =>
      askQuestion(orgId as string, {
        visibility: expert ? 'private' : 'public',
        expertId: expert?.id ?? null,
        speciality: v.speciality,
        title: v.title,
        body: v.body,
      }),
    onSuccess: (q) => {
      void queryClient.invalidateQueries({ queryKey: expertKeys.all });
      void message.success(t('ask.asked'));
      void navigate(`/experts/questions/${q.id}`);
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['speciality', 'title', 'body'] }),
  });
  if (!orgId) return <Typography.Text type="secondary">{t('ask.needOrg')}</Typography.Text>;
  const prefix = expert ? 'ask-private' : 'ask-public';
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => ask.mutate(v)}
      initialValues={{ speciality: defaultSpeciality }}
      name={prefix}
    >
      <Form.Item name="speciality" label={t('ask.speciality')} rules={[{ required: true }]}>
        <Select options={specialities} />
      </Form.Item>
      <Form.Item name="title" label={t('ask.questionTitle')} rules={[{ required: true }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="body" label={t('ask.body')} rules={[{ required: true }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={ask.isPending}>
        {t('ask.submit')}
      </Button>
    </Form>
  );
}
