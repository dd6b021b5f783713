import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { LoginIdentifier, Password } from '@zhuhe/contracts';
import { Alert, Button, Form, Input, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ButtonLink } from '../../app/button-link';
import { contractRule } from '../../app/contract-rule';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { confirmPasswordReset, requestPasswordReset, verifyEmail } from './identity.api';

/** 忘记密码: asks for the account's e-mail or mobile and sends the reset link. */
export function ForgotPasswordForm() {
  const { t } = useTranslation('identity');
  const { messageOf } = useErrorFeedback();
  const mutation = useMutation({ mutationFn: requestPasswordReset });
  if (mutation.isSuccess)
    return (
      <Result
        status="success"
        title={t('accountRecovery.sentTitle')}
        subTitle={t('accountRecovery.sentHint')}
        extra={<Link to="/login">{t('totpLogin.backToLogin')}</Link>}
      />
    );
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      size="large"
      onFinish={(v: { identifier: string }) => mutation.mutate(v.identifier)}
    >
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
      <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="reset-request">
        {t('accountRecovery.send')}
      </Button>
    </Form>
  );
}

/** 重置密码: the page the mailed link opens (`/reset-password?token=…`). */
export function ResetPasswordForm() {
  const { t } = useTranslation('identity');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { messageOf } = useErrorFeedback();
  const mutation = useMutation({ mutationFn: (password: string) => confirmPasswordReset(token, password) });
  if (!token) return <Alert type="error" showIcon title={t('accountRecovery.noToken')} />;
  if (mutation.isSuccess)
    return (
      <Result
        status="success"
        title={t('accountRecovery.resetDone')}
        extra={
          <ButtonLink to="/login" type="primary">
            {t('login.submit')}
          </ButtonLink>
        }
      />
    );
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      size="large"
      onFinish={(v: { password: string }) => mutation.mutate(v.password)}
    >
      {mutation.error ? (
        <Alert type="error" showIcon title={messageOf(mutation.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="password"
        label={t('accountRecovery.newPassword')}
        rules={[
          { required: true, message: t('validation.passwordRequired') },
          contractRule(Password, 'PASSWORD_TOO_SHORT'),
        ]}
        hasFeedback
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('accountRecovery.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('validation.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue('password') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('accountRecovery.mismatch'))),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="reset-confirm">
        {t('accountRecovery.reset')}
      </Button>
    </Form>
  );
}

/** 邮箱验证: the page the mailed link opens (`/verify-email?token=…`); it confirms once on arrival. */
export function VerifyEmailPanel() {
  const { t } = useTranslation('identity');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { messageOf } = useErrorFeedback();
  const mutation = useMutation({ mutationFn: verifyEmail });
  const sent = useRef(false);
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      mutation.mutate(token);
    }
  }, [token, mutation]);
  if (!token) return <Alert type="error" showIcon title={t('accountRecovery.noToken')} />;
  if (mutation.isError) return <Result status="error" title={messageOf(mutation.error)} />;
  if (mutation.isSuccess)
    return (
      <Result
        status="success"
        title={t('accountRecovery.emailVerified')}
        extra={<Link to="/">{t('accountRecovery.toWorkspace')}</Link>}
      />
    );
  return <Spin />;
}
