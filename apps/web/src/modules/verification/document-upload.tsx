import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { type FileMetaData, orgFileUrl, uploadOrgFile } from './verification.api';

interface DocumentUploadProps {
  orgId: string;
  /** the stored file id (form value) */
  value?: string;
  onChange?: (fileId: string | undefined) => void;
  accept?: 'document' | 'video';
  testId?: string;
  id?: string;
}

/**
 * 上传证件 uploads a document as the organisation's file and keeps its id as the form value. Images show a
 * thumbnail and PDFs open in the browser's viewer; a file whose content is not what it claims is refused by the
 * server with its message.
 */
export function DocumentUpload({ orgId, value, onChange, accept = 'document', testId, id }: DocumentUploadProps) {
  const { t } = useTranslation('verification');
  const feedback = useErrorFeedback();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [meta, setMeta] = useState<FileMetaData | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const stored = await uploadOrgFile(orgId, file, accept === 'video' ? 'video' : undefined);
      setMeta(stored);
      onChange?.(stored.id);
    } catch (error) {
      feedback.show(error);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const url = value ? orgFileUrl(orgId, value) : null;
  return (
    <Flex gap={8} align="center" wrap data-testid={testId}>
      <input
        id={id}
        ref={input}
        type="file"
        hidden
        accept={accept === 'video' ? 'video/*' : 'application/pdf,image/jpeg,image/png,image/webp'}
        onChange={(event) => void pick(event.target.files?.[0])}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {value ? t('upload.replace') : t('upload.choose')}
      </Button>
      {url && meta?.kind === 'image' ? (
        <Image
          src={url}
          alt={meta?.name ?? t('upload.preview')}
          width={48}
          height={48}
          style={{ objectFit: 'cover' }}
        />
      ) : null}
      {url ? (
        <Typography.Link href={url} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {meta?.name ?? t('upload.preview')}
        </Typography.Link>
      ) : (
        <Typography.Text type="secondary">{t('upload.hint')}</Typography.Text>
      )}
    </Flex>
  );
}

/** A stored document: thumbnail for images, a link that opens PDFs and videos in the browser. */
export function DocumentLink({ file, url }: { file: FileMetaData | null; url: string | null }) {
  const { t } = useTranslation('verification');
  if (!file || !url) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={8} align="center" wrap>
      {file.kind === 'image' ? (
        <Image src={url} alt={file.name} width={56} height={56} style={{ objectFit: 'cover' }} />
      ) : null}
      {file.kind === 'video' ? (
        <video src={url} controls style={{ maxWidth: 240 }}>
          <track kind="captions" />
        </video>
      ) : null}
      <Typography.Link href={url} target="_blank" rel="noreferrer">
        <PaperClipOutlined /> {file.name} · {t('upload.preview')}
      </Typography.Link>
    </Flex>
  );
}
