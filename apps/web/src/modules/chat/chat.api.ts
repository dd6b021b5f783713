import {
  ChatMessage,
  ChatMessagePage,
  ChatUnread,
  Conversation,
  ConversationList,
  type OpenConversationBody,
} from '@zhuhe/contracts';
import { apiRequest, apiRequestVoid, apiUpload } from '../../app/api-client';

const base = (orgId: string) => `/api/orgs/${orgId}/chat`;

export const listConversations = (orgId: string) => apiRequest('GET', `${base(orgId)}/conversations`, ConversationList);
export const chatUnread = (orgId: string) => apiRequest('GET', `${base(orgId)}/unread`, ChatUnread);
export const openConversation = (orgId: string, body: OpenConversationBody) =>
  apiRequest('POST', `${base(orgId)}/conversations`, Conversation, { body });
export const conversationHistory = (orgId: string, id: string, q?: string) =>
  apiRequest('GET', `${base(orgId)}/conversations/${id}/messages`, ChatMessagePage, {
    query: { limit: '200', ...(q ? { q } : {}) },
  });
export const postChatMessage = (orgId: string, id: string, body: string) =>
  apiRequest('POST', `${base(orgId)}/conversations/${id}/messages`, ChatMessage, { body: { body } });
export const postChatFile = (orgId: string, id: string, file: File) =>
  apiUpload(`${base(orgId)}/conversations/${id}/files`, file, ChatMessage);
export const markChatRead = (orgId: string, id: string, seq: number) =>
  apiRequestVoid('POST', `${base(orgId)}/conversations/${id}/read`, { body: { seq } });
export const attachmentUrl = (orgId: string, conversationId: string, messageId: string) =>
  `${base(orgId)}/conversations/${conversationId}/messages/${messageId}/file`;
