import {
  EXPERT_SPECIALITIES,
  ExpertApplication,
  ExpertApplicationList,
  ExpertFile,
  ExpertList,
  ExpertQuestionDetail,
  ExpertQuestionList,
  type ExpertSpeciality,
  type ExpertStatus,
  ExpertSummary,
  MyExpertProfile,
} from '@zhuhe/contracts';
import { apiRequest, apiUpload } from '../../app/api-client';

export { EXPERT_SPECIALITIES, type ExpertSpeciality, type ExpertStatus };

export interface ExpertFilters {
  speciality?: ExpertSpeciality | undefined;
  region?: string | undefined;
  fee?: 'free' | 'paid' | undefined;
}

export const expertKeys = {
  all: ['experts'] as const,
  list: (f: ExpertFilters) => ['experts', 'list', f] as const,
  expert: (id: string) => ['experts', 'expert', id] as const,
  questions: (q: string, speciality?: string) => ['experts', 'questions', q, speciality ?? ''] as const,
  question: (id: string) => ['experts', 'question', id] as const,
  org: (orgId: string) => ['experts', 'org', orgId] as const,
  inbox: ['experts', 'inbox'] as const,
  me: ['experts', 'me'] as const,
  staff: (status?: string) => ['experts', 'staff', status ?? 'all'] as const,
};

export const fetchExperts = (f: ExpertFilters) =>
  apiRequest('GET', '/api/experts', ExpertList, {
    query: { speciality: f.speciality, region: f.region, fee: f.fee },
  });
export const fetchExpert = (id: string) => apiRequest('GET', `/api/experts/${id}`, ExpertSummary);
export const searchQuestions = (q: string, speciality?: string) =>
  apiRequest('GET', '/api/expert-questions', ExpertQuestionList, { query: { q: q || undefined, speciality } });
export const fetchQuestion = (id: string) => apiRequest('GET', `/api/expert-questions/${id}`, ExpertQuestionDetail);
export const fetchOrgQuestions = (orgId: string) =>
  apiRequest('GET', `/api/orgs/${orgId}/expert-questions`, ExpertQuestionList);
export const fetchInbox = () => apiRequest('GET', '/api/experts/me/inbox', ExpertQuestionList);
export const fetchMyApplication = () => apiRequest('GET', '/api/experts/me', MyExpertProfile);
export const uploadCertificate = (file: File) => apiUpload('/api/experts/me/certificates', file, ExpertFile);
export const submitApplication = (body: unknown) => apiRequest('PUT', '/api/experts/me', ExpertApplication, { body });
export const askQuestion = (orgId: string, body: unknown) =>
  apiRequest('POST', `/api/orgs/${orgId}/expert-questions`, ExpertQuestionDetail, { body });
export const postAnswer = (questionId: string, body: string) =>
  apiRequest('POST', `/api/expert-questions/${questionId}/answers`, ExpertQuestionDetail, { body: { body } });
export const acceptAnswer = (questionId: string, answerId: string) =>
  apiRequest('POST', `/api/expert-questions/${questionId}/accept`, ExpertQuestionDetail, { body: { answerId } });
export const rateAnswer = (questionId: string, answerId: string, stars: number, text: string) =>
  apiRequest('POST', `/api/expert-questions/${questionId}/answers/${answerId}/rating`, ExpertQuestionDetail, {
    body: { stars, text },
  });
export const fetchStaffApplications = (status?: ExpertStatus) =>
  apiRequest('GET', '/api/staff/experts', ExpertApplicationList, { query: { status } });
export const decideApplication = (id: string, decision: 'verified' | 'rejected', reason: string) =>
  apiRequest('POST', `/api/staff/experts/${id}/decision`, ExpertApplication, { body: { decision, reason } });
export const certificateUrl = (expertId: string, fileId: string) =>
  `/api/staff/experts/${expertId}/certificates/${fileId}`;
