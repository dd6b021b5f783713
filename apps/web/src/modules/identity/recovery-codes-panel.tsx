import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface RecoveryCodesPanelProps {
  codes: readonly string[];
  onDone: () => void;
}

/** Shows freshly issued recovery codes once; the server never shows them again. */
export function RecoveryCodesPanel({ codes, onDone }: RecoveryCodesPanelProps) {
  const { t } = useTranslation('identity');
  const { message } = App.useApp();
  const text = codes.join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      message.success(t('recovery.copied'));
    } catch {
      message.warning(t('recovery.copyFailed'));
    }
  };

  const download = () => {
    const content = `${t('recovery.fileHeader')}\n\n${text}\n`;
    const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'zhuhe-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Flex vertical gap={16}>
      <Alert type="warning" showIcon title={t('recovery.title')} description={t('recovery.warning')} />
      <div
        data-testid="recovery-codes"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
          gap: 8,
          padding: 16,
          background: '#f5f7fa',
          borderRadius: 6,
        }}
      >
        {codes.map((code) => (
          <Typography.Text key={code} code style={{ fontSize: 15, textAlign: 'center' }}>
            {code}
          </Typography.Text>
        ))}
      </div>
      <Flex gap={8} wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('recovery.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('recovery.download')}
        </Button>
        <Button type="primary" onClick={onDone}>
          {t('recovery.done')}
        </Button>
      </Flex>
    </Flex>
  );
}
