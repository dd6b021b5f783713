import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { type FileMetaData, uploadFile } from './libraries.api';

/** Uploads a file to the organisation at once and hands its id to the form. */
export function FileUploadField({
  orgId,
  value,
  onChange,
  accept = '.pdf,.jpg,.jpeg,.png',
  testId,
}: {
  orgId: string;
  value?: string | undefined;
  onChange?: (id: string | undefined) => void;
  accept?: string;
  testId?: string;
}) {
  const { t } = useTranslation('libraries');
  const feedback = useErrorFeedback();
  const [file, setFile] = useState<FileMetaData | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Flex gap={8} align="center" wrap data-testid={testId}>
      <Upload
        accept={accept}
        showUploadList={false}
        beforeUpload={(f) => {
          setBusy(true);
          uploadFile(orgId, f)
            .then((meta) => {
              setFile(meta);
              onChange?.(meta.id);
            })
            .catch(feedback.show)
            .finally(() => setBusy(false));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t('projects.upload')}
        </Button>
      </Upload>
      {value && file ? (
        <Typography.Text type="success">{t('common.uploaded', { name: file.name })}</Typography.Text>
      ) : null}
    </Flex>
  );
}
