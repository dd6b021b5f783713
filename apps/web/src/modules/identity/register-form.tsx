import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@zhuhe/contracts';
import { LoginIdentifier, Password } from '@zhuhe/contracts';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contractRule } from '../../app/contract-rule';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { type RegisterInput, register } from './identity.api';
import { storeMe } from './identity.queries';
import { homePathFor } from './post-login-path';

interface RegisterValues extends RegisterInput {
  confirmPassword: string;
}

const FIELDS = ['identifier', 'displayName', 'password'] as const;

/** `afterRegister` runs once the account exists, before leaving the page (e.g. recording a referral code). */
export function RegisterForm({ afterRegister }: { afterRegister?: (me: Me) => Promise<unknown> } = {}) {
  const { t } = useTranslation('identity');
  const [form] = Form.useForm<RegisterValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const feedback = useErrorFeedback();
  const mutation = useMutation({ mutationFn: register });

  const onFinish = ({ identifier, displayName, password }: RegisterValues) => {
    mutation.mutate(
      { identifier: identifier.trim(), displayName: displayName.trim(), password },
      {
        onSuccess: async (me) => {
          storeMe(queryClient, me);
          // a referral that cannot be recorded must not keep a new user from their account
          await afterRegister?.(me).catch(() => undefined);
          navigate(homePathFor(me), { replace: true });
        },
        onError: (error) =>
          feedback.showOnForm(form, error, { fields: FIELDS, codeFields: { IDENTIFIER_TAKEN: 'identifier' } }),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} size="large" onFinish={onFinish}>
      <Form.Item
        name="identifier"
        label={t('fields.identifier')}
        extra={t('register.identifierHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.identifierRequired') },
          contractRule(LoginIdentifier, 'IDENTIFIER_INVALID'),
        ]}
        validateTrigger="onBlur"
      >
        <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t('fields.identifierPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('fields.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.displayNameRequired') },
          { max: 64, message: t('validation.displayNameTooLong') },
        ]}
      >
        <Input autoComplete="name" placeholder={t('fields.displayNamePlaceholder')} maxLength={64} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('fields.password')}
        rules={[
          { required: true, message: t('validation.passwordRequired') },
          contractRule(Password, 'PASSWORD_TOO_SHORT'),
        ]}
        hasFeedback
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('fields.confirmPassword')}
        dependencies={['password']}
        hasFeedback
        rules={[
          { required: true, message: t('validation.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (!value || getFieldValue('password') === value) return;
              throw new Error(t('validation.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
        {t('register.submit')}
      </Button>
    </Form>
  );
}
