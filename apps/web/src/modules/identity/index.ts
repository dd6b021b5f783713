export { ForgotPasswordForm, ResetPasswordForm, VerifyEmailPanel } from './account-recovery-forms';
export { ContactCard } from './contact-card';
export type {
  LoginResultData,
  MeData,
  RecoveryCodesData,
  SessionInfoData,
  StepUpResultData,
  TotpSetupData,
} from './identity.api';
export { identityZhCN } from './identity.i18n';
export {
  forgetSession,
  identityKeys,
  refreshMe,
  storeMe,
  useAuthedMe,
  useLogout,
  useMe,
} from './identity.queries';
export { LoginForm } from './login-form';
export { homePathFor, safeNextPath } from './post-login-path';
export { RegisterForm } from './register-form';
export { GuestOnly, RequireAuth, RequireStaff } from './route-guards';
export { SessionSecurityCard } from './session-security-card';
export { SessionsCard } from './sessions-card';
export { StepUpModal, type StepUpModalProps } from './step-up-modal';
export { TotpLoginForm } from './totp-login-form';
export { TwoFactorCard } from './two-factor-card';
export { type StepUp, useStepUp } from './use-step-up';
