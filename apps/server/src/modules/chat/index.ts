export { chatErrors } from './chat.errors';
export { CHAT_CHANNEL, type ChatFanout, type ChatSignal, localFanout, notifyFanout } from './chat.fanout';
export { createChatModule } from './chat.module';
export {
  type ChatActor,
  getConversation,
  listConversations,
  markRead,
  openConversation,
  postMessage,
  unreadTotal,
} from './chat.service';
