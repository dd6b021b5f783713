import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationCategory, NotificationChannel, NotificationPreferences } from '@zhuhe/contracts';
import { App, Button, Card, Checkbox, Flex, Input, Switch, Tag, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import * as api from './notifications.api';

const CHANNELS: readonly NotificationChannel[] = ['inApp', 'email', 'sms'];
const cell = { padding: '8px 4px', borderBottom: '1px solid #f0f0f0' } as const;

/** 通知设置 the matrix of categories × channels, quiet hours and the daily digest; mandatory switches locked. */
export function NotificationPreferencesForm() {
  const { t } = useTranslation('notifications');
  const { message } = App.useApp();
  const { show } = useErrorFeedback();
  const client = useQueryClient();
  const startId = useId();
  const endId = useId();
  const query = useQuery({ queryKey: ['notifications', 'preferences'], queryFn: api.getPreferences });
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  const [quietOn, setQuietOn] = useState(false);
  const [quiet, setQuiet] = useState({ start: '22:00', end: '08:00' });
  useEffect(() => {
    if (!query.data) return;
    setDraft(query.data);
    setQuietOn(query.data.quietHours !== null);
    if (query.data.quietHours) setQuiet(query.data.quietHours);
  }, [query.data]);
  const save = useMutation({
    mutationFn: api.savePreferences,
    onSuccess: (saved) => {
      client.setQueryData(['notifications', 'preferences'], saved);
      void client.invalidateQueries({ queryKey: ['notifications'] });
      void message.success(t('prefs.saved'));
    },
    onError: show,
  });

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!draft) return <LoadingState />;

  const toggle = (category: NotificationCategory, channel: NotificationChannel, on: boolean) =>
    setDraft({
      ...draft,
      categories: draft.categories.map((c) =>
        c.category === category ? { ...c, channels: { ...c.channels, [channel]: on } } : c,
      ),
    });
  const submit = () =>
    save.mutate({
      categories: draft.categories.map(({ category, channels }) => ({ category, channels })),
      quietHours: quietOn ? quiet : null,
      digest: draft.digest,
    });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('prefs.subtitle')}
      </Typography.Paragraph>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('prefs.matrix')}</h2>}>
        <div style={{ overflowX: 'auto' }}>
          <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="preferences-matrix">
            <thead>
              <tr>
                <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                  {t('prefs.category')}
                </th>
                {CHANNELS.map((channel) => (
                  <th key={channel} scope="col" style={{ ...cell, textAlign: 'center' }}>
                    {t(`channels.${channel}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {draft.categories.map((row) => (
                <tr key={row.category}>
                  <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400, whiteSpace: 'nowrap' }}>
                    {t(`categories.${row.category}`)}
                    {row.locked.length > 0 ? (
                      <Tag color="gold" style={{ marginInlineStart: 6 }}>
                        {t('prefs.locked')}
                      </Tag>
                    ) : null}
                  </th>
                  {CHANNELS.map((channel) => {
                    const locked = row.locked.includes(channel);
                    const label = t('prefs.switchLabel', {
                      category: t(`categories.${row.category}`),
                      channel: t(`channels.${channel}`),
                    });
                    return (
                      <td key={channel} style={{ ...cell, textAlign: 'center' }}>
                        <Switch
                          size="small"
                          checked={row.channels[channel]}
                          disabled={locked}
                          aria-label={locked ? `${label}（${t('prefs.lockedHint')}）` : label}
                          title={locked ? t('prefs.lockedHint') : undefined}
                          onChange={(on) => toggle(row.category, channel, on)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('prefs.smsHint')}
        </Typography.Text>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('prefs.quiet')}</h2>}>
        <Flex vertical gap={8}>
          <Checkbox checked={quietOn} onChange={(e) => setQuietOn(e.target.checked)}>
            {t('prefs.quietOn')}
          </Checkbox>
          <Flex gap={12} wrap>
            <Flex vertical gap={4}>
              <label htmlFor={startId}>{t('prefs.quietStart')}</label>
              <Input
                id={startId}
                type="time"
                value={quiet.start}
                disabled={!quietOn}
                onChange={(e) => setQuiet({ ...quiet, start: e.target.value })}
                style={{ width: 140 }}
              />
            </Flex>
            <Flex vertical gap={4}>
              <label htmlFor={endId}>{t('prefs.quietEnd')}</label>
              <Input
                id={endId}
                type="time"
                value={quiet.end}
                disabled={!quietOn}
                onChange={(e) => setQuiet({ ...quiet, end: e.target.value })}
                style={{ width: 140 }}
              />
            </Flex>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('prefs.quietHint')}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('prefs.digest')}</h2>}>
        <Flex vertical gap={8}>
          <Checkbox checked={draft.digest} onChange={(e) => setDraft({ ...draft, digest: e.target.checked })}>
            {t('prefs.digestOn')}
          </Checkbox>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('prefs.digestHint')}
          </Typography.Text>
        </Flex>
      </Card>
      <div>
        <Button type="primary" onClick={submit} loading={save.isPending}>
          {t('prefs.save')}
        </Button>
      </div>
    </Flex>
  );
}
