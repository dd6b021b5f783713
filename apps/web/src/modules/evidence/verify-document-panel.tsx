import {
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  InboxOutlined,
  MinusCircleFilled,
} from '@ant-design/icons';
import {
  bundleFromZip,
  bundleToZip,
  type EvidenceResult,
  type PublicEntry,
  type Step,
  sha256Hex,
  verifyEvidence,
} from '@zhuhe/verify';
import { Alert, Button, Descriptions, Flex, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import {
  type EvidenceLookupData,
  fetchEvidenceBundle,
  fetchLogPublicKey,
  type LogPublicKeyData,
  lookupEvidence,
} from './evidence.api';

interface Checked {
  file: File;
  bytes: Uint8Array;
  lookup: EvidenceLookupData;
  keys: LogPublicKeyData;
  /** one per match; null when the entry is not yet under a signed checkpoint */
  results: (EvidenceResult | null)[];
}

const STEP_NUMBER: Record<Step['id'], number> = { file: 1, leaf: 2, inclusion: 3, checkpoint: 4, witness: 5 };

function Hash({ value }: { value: string }) {
  return <code style={{ wordBreak: 'break-all', fontSize: 12 }}>{value}</code>;
}

function StepRow({ step, auditPathLength }: { step: Step; auditPathLength: number }) {
  const { t } = useTranslation('evidence');
  const status = step.ok === true ? 'ok' : step.ok === false ? 'bad' : 'skip';
  const time = /at (\S+Z)$/.exec(step.detail)?.[1];
  const text = t(`verify.${status}.${step.id}`, {
    n: auditPathLength,
    time: time ? formatDateTime(time) : '',
  });
  const icon =
    status === 'ok' ? (
      <CheckCircleFilled style={{ color: '#389e0d' }} />
    ) : status === 'bad' ? (
      <CloseCircleFilled style={{ color: '#cf1322' }} />
    ) : (
      <MinusCircleFilled style={{ color: '#767676' }} />
    );
  return (
    <List.Item data-testid={`verify-step-${step.id}`} data-ok={String(step.ok)} style={{ display: 'block' }}>
      <Flex gap={8} align="start">
        <span style={{ fontSize: 16, lineHeight: '22px' }}>{icon}</span>
        <Space direction="vertical" size={2} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong>{t(`verify.steps.${step.id}`, { name: step.witness ?? '' })}</Typography.Text>
          <Typography.Text type={status === 'bad' ? 'danger' : undefined}>{text}</Typography.Text>
          {step.computed && step.id !== 'checkpoint' ? (
            <Typography.Text type="secondary">
              {t('verify.computed')}: <Hash value={step.computed} />
            </Typography.Text>
          ) : null}
          {step.expected && step.expected !== step.computed ? (
            <Typography.Text type="secondary">
              {t('verify.expected')}: <Hash value={step.expected} />
            </Typography.Text>
          ) : null}
          {status === 'bad' ? <Typography.Text type="secondary">{step.detail}</Typography.Text> : null}
        </Space>
      </Flex>
    </List.Item>
  );
}

function download(name: string, bytes: Uint8Array) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Hashes a file locally, asks the log for entries with that hash, and then recomputes every step with
 * @zhuhe/verify (the same code as the `zhuhe-verify` command): the file hash, the leaf from the public entry, the
 * path to the checkpoint's root, the log's signature and the witnesses' cosignatures.
 */
export function VerifyDocumentPanel() {
  const { t } = useTranslation('evidence');
  const [busy, setBusy] = useState(false);
  const [sha, setSha] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [failed, setFailed] = useState(false);
  const [bundleFailed, setBundleFailed] = useState(false);

  const check = async (file: File) => {
    setBusy(true);
    setFailed(false);
    setChecked(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const hash = sha256Hex(bytes);
      setSha(hash);
      const [lookup, keys] = await Promise.all([lookupEvidence(hash), fetchLogPublicKey()]);
      const checkpoint = lookup.checkpoint;
      const results = lookup.matches.map((m) =>
        checkpoint?.note && m.auditPath
          ? verifyEvidence({
              file: bytes,
              entry: m.entry as PublicEntry,
              proof: { index: m.entry.index, treeSize: checkpoint.treeSize, auditPath: m.auditPath },
              checkpoint: checkpoint.note,
              logKey: keys.verifierKey,
              witnessKeys: keys.witnessKeys,
            })
          : null,
      );
      setChecked({ file, bytes, lookup, keys, results });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const saveBundle = async (entryIndex: number) => {
    if (!checked) return;
    setBundleFailed(false);
    try {
      const bundle = bundleFromZip(await fetchEvidenceBundle(entryIndex));
      bundle.document = { name: checked.file.name, bytes: checked.bytes };
      download(`zhuhe-evidence-${entryIndex}.zip`, bundleToZip(bundle));
    } catch {
      setBundleFailed(true);
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
        <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
          {t('verify.sha256')}: <code data-testid="verify-sha256">{sha}</code>
        </Typography.Text>
      ) : null}
      {failed ? <Alert type="error" showIcon message={t('verify.error')} /> : null}
      {checked && !checked.lookup.found ? (
        <Alert
          type="warning"
          showIcon
          data-testid="verify-result"
          message={t('verify.notFound')}
          description={t('verify.notFoundHint')}
        />
      ) : null}
      {checked?.lookup.found ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="verify-result">
          {checked.lookup.matches.map((match, i) => {
            const result = checked.results[i];
            return (
              <Space key={match.entry.index} direction="vertical" style={{ width: '100%' }}>
                {result === null || result === undefined ? (
                  <Alert type="info" showIcon message={t('verify.found')} description={t('verify.pending')} />
                ) : result.ok ? (
                  <Alert type="success" showIcon message={t('verify.allOk')} data-testid="verify-verdict" />
                ) : (
                  <Alert
                    type="error"
                    showIcon
                    data-testid="verify-verdict"
                    message={t('verify.failed', { step: result.failed ? STEP_NUMBER[result.failed.id] : '' })}
                  />
                )}
                <Descriptions bordered size="small" column={1}>
                  <Descriptions.Item label={t('verify.loggedAt')}>
                    {formatDateTime(match.entry.createdAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('verify.kind')}>{match.entry.kind}</Descriptions.Item>
                  <Descriptions.Item label={t('verify.subject')}>
                    <span style={{ wordBreak: 'break-all' }}>{match.entry.subject}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('verify.index')}>{match.entry.index}</Descriptions.Item>
                </Descriptions>
                {result ? (
                  <List
                    size="small"
                    bordered
                    dataSource={result.steps}
                    renderItem={(step) => <StepRow step={step} auditPathLength={match.auditPath?.length ?? 0} />}
                  />
                ) : null}
                {result ? (
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={() => void saveBundle(match.entry.index)}
                    data-testid="verify-bundle"
                    style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
                  >
                    {t('verify.bundle')}
                  </Button>
                ) : null}
              </Space>
            );
          })}
          {bundleFailed ? <Alert type="error" showIcon message={t('verify.bundleFailed')} /> : null}
        </Space>
      ) : null}
      {checked?.lookup.checkpoint ? (
        <Descriptions bordered size="small" column={1} title={t('verify.checkpoint')}>
          <Descriptions.Item label="Root">
            <Hash value={checked.lookup.checkpoint.rootHash} />
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.checkpoint')}>
            {t('verify.checkpointSize', {
              size: checked.lookup.checkpoint.treeSize,
              time: formatDateTime(checked.lookup.checkpoint.createdAt),
            })}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {checked?.lookup.found ? (
        <Descriptions bordered size="small" column={1} title={t('verify.keys')} data-testid="verify-keys">
          <Descriptions.Item label={t('verify.logKey')}>
            <Hash value={checked.keys.verifierKey} />
          </Descriptions.Item>
          {checked.keys.witnessKeys.map((k) => (
            <Descriptions.Item key={k} label={t('verify.witnessKey')}>
              <Tag color="blue">{k.split('+')[0]}</Tag>
              <Hash value={k} />
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('verify.caFingerprint')}>
            <Hash value={checked.keys.sealCaSha256} />
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Space>
  );
}
