import { MessageOutlined } from '@ant-design/icons';
import type { ChatContextKind } from '@zhuhe/contracts';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { openConversation } from './chat.api';

/**
 * 联系 / Chat: opens (or finds) the conversation for a context and goes to it. Put it on any page that shows a
 * listing, demand, tender, contract or dispute; `withOrgId` names the counterpart when the viewer owns the context.
 */
export function ChatButton({
  orgId,
  kind,
  contextId,
  withOrgId,
  label,
}: {
  orgId: string;
  kind: ChatContextKind;
  contextId?: string;
  withOrgId?: string;
  label?: string;
}) {
  const { t } = useTranslation('chat');
  const navigate = useNavigate();
  const feedback = useErrorFeedback();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const conversation = await openConversation(orgId, {
        kind,
        ...(contextId ? { contextId } : {}),
        ...(withOrgId ? { withOrgId } : {}),
      });
      navigate(`/workspace/chat?c=${conversation.id}`);
    } catch (error) {
      feedback.show(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<MessageOutlined />} loading={busy} onClick={open} data-testid="chat-button">
      {label ?? t('contact')}
    </Button>
  );
}
