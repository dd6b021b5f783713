import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LoginIdentifier } from '@zhuhe/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { contractRule } from '../../app/contract-rule';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { type LoginInput, login } from './identity.api';
import { storeMe } from './identity.queries';
import { homePathFor, safeNextPath } from './post-login-path';

export function LoginForm() {
  const { t } = useTranslation('identity');
  const [form] = Form.useForm<LoginInput>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { messageOf } = useErrorFeedback();
  const mutation = useMutation({ mutationFn: login });

  const onFinish = (values: LoginInput) => {
    mutation.mutate(values, {
      onSuccess: (result) => {
        const next = safeNextPath(params.get('next'));
        if (result.status === 'totp_required') {
          navigate(next ? `/login/totp?next=${encodeURIComponent(next)}` : '/login/totp');
          return;
        }
        storeMe(queryClient, result.me);
        navigate(next ?? homePathFor(result.me), { replace: true });
      },
    });
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} size="large" onFinish={onFinish}>
      {mutation.error ? (
        <Alert type="error" showIcon title={messageOf(mutation.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="identifier"
        label={t('fields.identifier')}
        rules={[
          { required: true, whitespace: true, message: t('validation.identifierRequired') },
          contractRule(LoginIdentifier, 'IDENTIFIER_INVALID'),
        ]}
        validateTrigger="onBlur"
      >
        <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t('fields.identifierPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('fields.password')}
        rules={[{ required: true, message: t('validation.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
