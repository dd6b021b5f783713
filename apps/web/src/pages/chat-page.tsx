import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { ChatView } from '../modules/chat';
import { useActiveContext } from '../modules/organisation';

/** 消息: the active organisation's conversations with its partners. */
export function ChatPage() {
  const { t } = useTranslation('chat');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <ChatView orgId={orgId} />
    </>
  );
}
