import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { chatUnread, conversationHistory, listConversations } from './chat.api';
import { chatConnection } from './chat-connection';

export const chatKeys = {
  all: ['chat'] as const,
  conversations: (orgId: string) => ['chat', orgId, 'conversations'] as const,
  unread: (orgId: string) => ['chat', orgId, 'unread'] as const,
  history: (orgId: string, id: string, q: string) => ['chat', orgId, 'history', id, q] as const,
};

export const useConversations = (orgId: string) =>
  useQuery({ queryKey: chatKeys.conversations(orgId), queryFn: () => listConversations(orgId) });

export const useChatUnread = (orgId: string) =>
  useQuery({ queryKey: chatKeys.unread(orgId), queryFn: () => chatUnread(orgId), refetchInterval: 120_000 });

export const useChatHistory = (orgId: string, id: string | null, q: string) =>
  useQuery({
    queryKey: chatKeys.history(orgId, id ?? '', q),
    queryFn: () => conversationHistory(orgId, id as string, q || undefined),
    enabled: Boolean(id),
  });

/** Keeps the chat queries live: any message, catch-up or receipt on the socket refreshes them. */
export function useChatLive() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      chatConnection.listen((frame) => {
        if (frame.type === 'message' || frame.type === 'missed' || frame.type === 'receipt' || frame.type === 'sent')
          void queryClient.invalidateQueries({ queryKey: chatKeys.all });
      }),
    [queryClient],
  );
}
