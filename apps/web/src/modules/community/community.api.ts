import {
  COMMUNITY_BOARDS,
  COMMUNITY_BODY_MAX,
  COMMUNITY_REPLY_MAX,
  COMMUNITY_TITLE_MAX,
  type CommunityBoard,
  CommunityBoards,
  CommunityLikeResult,
  CommunityModerationResult,
  CommunityPost,
  CommunityPostPage,
  CommunityQueue,
  CommunityReport,
  type CommunityTargetKind,
  type CreateCommunityPostBody,
  PROVINCES,
  QA_BOARDS,
} from '@zhuhe/contracts';
import { apiRequest, apiRequestVoid } from '../../app/api-client';

export {
  COMMUNITY_BOARDS,
  COMMUNITY_BODY_MAX,
  COMMUNITY_REPLY_MAX,
  COMMUNITY_TITLE_MAX,
  type CommunityBoard,
  type CommunityTargetKind,
  PROVINCES,
  QA_BOARDS,
};

export interface CommunityFilters {
  board?: CommunityBoard | undefined;
  regionCode?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  sort: 'latest' | 'hot';
  mine?: boolean | undefined;
  page: number;
}

export const PAGE_SIZE = 10;

export const communityKeys = {
  all: ['community'] as const,
  boards: ['community', 'boards'] as const,
  posts: (f: CommunityFilters) => ['community', 'posts', f] as const,
  post: (id: string) => ['community', 'post', id] as const,
  queue: ['community', 'queue'] as const,
};

export function fetchBoards() {
  return apiRequest('GET', '/api/community/boards', CommunityBoards);
}

export function fetchPosts(f: CommunityFilters) {
  const query = new URLSearchParams({ sort: f.sort, page: String(f.page), pageSize: String(PAGE_SIZE) });
  if (f.board) query.set('board', f.board);
  if (f.regionCode) query.set('regionCode', f.regionCode);
  if (f.tag) query.set('tag', f.tag);
  if (f.q) query.set('q', f.q);
  if (f.mine) query.set('mine', 'true');
  return apiRequest('GET', `/api/community/posts?${query}`, CommunityPostPage);
}

export const fetchPost = (id: string) => apiRequest('GET', `/api/community/posts/${id}`, CommunityPost);
export const createPost = (orgId: string, body: CreateCommunityPostBody) =>
  apiRequest('POST', `/api/orgs/${orgId}/community/posts`, CommunityPost, { body });
export const editPost = (id: string, body: { title: string; body: string; tags: string[] }) =>
  apiRequest('PATCH', `/api/community/posts/${id}`, CommunityPost, { body });
export const deletePost = (id: string) => apiRequestVoid('DELETE', `/api/community/posts/${id}`);
export const createReply = (orgId: string, postId: string, body: string) =>
  apiRequest('POST', `/api/orgs/${orgId}/community/posts/${postId}/replies`, CommunityPost, { body: { body } });
export const chooseBestAnswer = (postId: string, replyId: string) =>
  apiRequest('POST', `/api/community/posts/${postId}/best-answer`, CommunityPost, { body: { replyId } });
export const setLike = (kind: CommunityTargetKind, id: string, liked: boolean) =>
  apiRequest(
    liked ? 'PUT' : 'DELETE',
    kind === 'post' ? `/api/community/posts/${id}/like` : `/api/community/replies/${id}/like`,
    CommunityLikeResult,
  );
export const reportContent = (targetKind: CommunityTargetKind, targetId: string, reason: string) =>
  apiRequest('POST', '/api/community/reports', CommunityReport, { body: { targetKind, targetId, reason } });

export const fetchQueue = () => apiRequest('GET', '/api/staff/community/queue', CommunityQueue);
export const moderate = (
  action: 'take-down' | 'restore' | 'approve',
  body: { targetKind: CommunityTargetKind; targetId: string; reason?: string },
) => apiRequest('POST', `/api/staff/community/${action}`, CommunityModerationResult, { body });
export const dismissReport = (reportId: string) =>
  apiRequest('POST', `/api/staff/community/reports/${reportId}/dismiss`, CommunityReport);
