import { CheckCircleFilled, CloseCircleFilled, InboxOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { type EvidenceLookupData, fetchLogPublicKey, lookupEvidence } from './evidence.api';
import { fileSha256, verifyCheckpoint, verifyInclusion } from './evidence.verify';

interface Checked {
  result: EvidenceLookupData;
  proofs: (boolean | null)[];
  signature: boolean | null;
}

/** Hashes a file locally, asks the log for entries with that hash, and verifies proof and checkpoint locally. */
export function VerifyDocumentPanel() {
  const { t } = useTranslation('evidence');
  const [busy, setBusy] = useState(false);
  const [sha, setSha] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [failed, setFailed] = useState(false);

  const check = async (file: File) => {
    setBusy(true);
    setFailed(false);
    setChecked(null);
    try {
      const hash = await fileSha256(file);
      setSha(hash);
      const result = await lookupEvidence(hash);
      const checkpoint = result.checkpoint;
      const proofs = await Promise.all(
        result.matches.map((m) =>
          checkpoint && m.auditPath
            ? verifyInclusion(m.entry.index, checkpoint.treeSize, m.entry.leafHash, m.auditPath, checkpoint.rootHash)
            : Promise.resolve(null),
        ),
      );
      const signature = checkpoint
        ? await verifyCheckpoint(checkpoint, (await fetchLogPublicKey()).publicKeyPem)
        : null;
      setChecked({ result, proofs, signature });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Upload.Dragger
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void check(file);
          return false;
        }}
        disabled={busy}
        data-testid="verify-file-input"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{busy ? t('verify.hashing') : t('verify.choose')}</p>
      </Upload.Dragger>
      {sha ? (
        <Typography.Text type="secondary" copyable style={{ wordBreak: 'break-all' }}>
          {t('verify.sha256')}: <code data-testid="verify-sha256">{sha}</code>
        </Typography.Text>
      ) : null}
      {failed ? <Alert type="error" showIcon message={t('verify.error')} /> : null}
      {checked && !checked.result.found ? (
        <Alert
          type="warning"
          showIcon
          data-testid="verify-result"
          message={t('verify.notFound')}
          description={t('verify.notFoundHint')}
        />
      ) : null}
      {checked?.result.found ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="verify-result">
          <Alert type="success" showIcon message={t('verify.found')} />
          {checked.result.matches.map((match, i) => (
            <Descriptions key={match.entry.index} bordered size="small" column={1}>
              <Descriptions.Item label={t('verify.loggedAt')}>
                {formatDateTime(match.entry.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.kind')}>{match.entry.kind}</Descriptions.Item>
              <Descriptions.Item label={t('verify.subject')}>{match.entry.subject}</Descriptions.Item>
              <Descriptions.Item label={t('verify.index')}>{match.entry.index}</Descriptions.Item>
              <Descriptions.Item label={t('verify.proof')}>
                {checked.proofs[i] === null ? (
                  <Tag>{t('verify.proofPending')}</Tag>
                ) : checked.proofs[i] ? (
                  <Tag icon={<CheckCircleFilled />} color="success">
                    {t('verify.proofOk')}
                  </Tag>
                ) : (
                  <Tag icon={<CloseCircleFilled />} color="error">
                    {t('verify.proofBad')}
                  </Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
          ))}
        </Space>
      ) : null}
      {checked?.result.checkpoint ? (
        <Descriptions bordered size="small" column={1} title={t('verify.checkpoint')}>
          <Descriptions.Item label="Root">
            <code style={{ wordBreak: 'break-all' }}>{checked.result.checkpoint.rootHash}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.checkpoint')}>
            {t('verify.checkpointSize', {
              size: checked.result.checkpoint.treeSize,
              time: formatDateTime(checked.result.checkpoint.createdAt),
            })}
          </Descriptions.Item>
          <Descriptions.Item label="Ed25519">
            {checked.signature === null
              ? t('verify.signatureUnsupported')
              : checked.signature
                ? t('verify.signatureOk')
                : t('verify.signatureBad')}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Space>
  );
}
