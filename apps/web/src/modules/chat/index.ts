export { chatEn, chatZhCN } from './chat.i18n';
export { ChatButton } from './chat-button';
export { ChatNavBadge } from './chat-nav-badge';
export { ChatView } from './chat-view';
