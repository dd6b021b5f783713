import { SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { loginWithTotp } from './identity.api';
import { storeMe } from './identity.queries';
import { homePathFor, safeNextPath } from './post-login-path';

interface TotpLoginValues {
  code: string;
}

/** Second step of login: a 6-digit code from the authenticator app, or one recovery code. */
export function TotpLoginForm() {
  const { t } = useTranslation('identity');
  const [form] = Form.useForm<TotpLoginValues>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { messageOf } = useErrorFeedback();
  const mutation = useMutation({ mutationFn: loginWithTotp });

  const onFinish = ({ code }: TotpLoginValues) => {
    mutation.mutate(code.trim(), {
      onSuccess: (me) => {
        storeMe(queryClient, me);
        navigate(safeNextPath(params.get('next')) ?? homePathFor(me), { replace: true });
      },
      onSettled: () => form.setFieldValue('code', ''),
    });
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} size="large" onFinish={onFinish}>
      <Typography.Paragraph type="secondary">{t('totpLogin.hint')}</Typography.Paragraph>
      {mutation.error ? (
        <Alert type="error" showIcon title={messageOf(mutation.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="code"
        label={t('fields.totpOrRecoveryCode')}
        rules={[
          { required: true, whitespace: true, message: t('validation.codeRequired') },
          { min: 6, max: 20, message: t('validation.codeLength') },
        ]}
      >
        <Input
          prefix={<SafetyOutlined />}
          autoComplete="one-time-code"
          autoFocus
          placeholder={t('fields.totpOrRecoveryCodePlaceholder')}
          maxLength={20}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
        {t('totpLogin.submit')}
      </Button>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/login">{t('totpLogin.backToLogin')}</Link>
      </div>
    </Form>
  );
}
