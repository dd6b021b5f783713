import { Alert, App, Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { orgFileUrl, type VerificationData } from './verification.api';
import { useSubmitVerification, useVerification } from './verification.queries';
import { VerificationFields } from './verification-fields';
import { showIssuesOnForm, toPackage, type VerificationFormValues } from './verification-form';
import { VerificationStatusTag, VerificationSummary } from './verification-summary';

/** Form values from an earlier submission, so a correction starts from what was sent (files included). */
export function valuesFrom(v: VerificationData | null): Partial<VerificationFormValues> {
  if (!v)
    return {
      qualifications: [
        { kind: 'specialty_contracting', grade: 'second' } as VerificationFormValues['qualifications'][number],
      ],
    };
  return {
    licence: {
      creditCode: v.licence.creditCode,
      companyName: v.licence.companyName,
      legalRepresentative: v.licence.legalRepresentative,
      capitalWan: v.licence.registeredCapitalFen / 1_000_000,
      address: v.licence.address,
      validFrom: v.licence.validFrom,
      longTerm: v.licence.validUntil === null,
      validUntil: v.licence.validUntil ?? '',
      fileId: v.licence.file?.id ?? '',
    },
    idCard: {
      name: v.idCard.name,
      // The number is never sent back to the browser: it is typed again.
      number: '',
      longTerm: v.idCard.validUntil === null,
      validUntil: v.idCard.validUntil ?? '',
      frontFileId: v.idCard.frontFile?.id ?? '',
      backFileId: v.idCard.backFile?.id ?? '',
    },
    qualifications: v.qualifications.map((q) => ({
      kind: q.kind,
      category: q.category,
      grade: q.grade,
      number: q.number,
      issuer: q.issuer,
      validFrom: q.validFrom,
      validUntil: q.validUntil,
      fileId: q.file?.id ?? '',
    })),
  };
}

/** 实名核验 for an organisation: the latest submission with its checks, and the form to (re)submit. */
export function VerificationPanel({ orgId, canSubmit }: { orgId: string; canSubmit: boolean }) {
  const { t } = useTranslation('verification');
  const query = useVerification(orgId);
  const submit = useSubmitVerification(orgId);
  const [form] = Form.useForm<VerificationFormValues>();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const latest = query.data;
  const open =
    !latest || ['needs_correction', 'rejected'].includes(latest.status) || latest.licence.status === 'expired';

  return (
    <>
      {latest ? (
        <Card title={t('latest')} extra={<VerificationStatusTag status={latest.status} />} style={{ marginBottom: 16 }}>
          {latest.status === 'needs_correction' ? (
            <Alert type="warning" showIcon title={t('needsCorrection')} style={{ marginBottom: 12 }} />
          ) : null}
          <VerificationSummary verification={latest} fileUrl={(id) => orgFileUrl(orgId, id)} />
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('none')} style={{ marginBottom: 16 }} />
      )}
      {canSubmit && open ? (
        <Card title={latest ? t('actions.resubmit') : t('actions.submit')}>
          <Form<VerificationFormValues>
            form={form}
            layout="vertical"
            initialValues={valuesFrom(latest)}
            onFinish={(values) =>
              submit.mutate(toPackage(values), {
                onSuccess: (v) => void message.success(v.status === 'pending' ? t('submitted') : t('needsCorrection')),
                onError: (error) => {
                  feedback.show(error);
                  showIssuesOnForm(form, error, null, []);
                },
              })
            }
          >
            <VerificationFields orgId={orgId} prefix={null} />
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {latest ? t('actions.resubmit') : t('actions.submit')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
