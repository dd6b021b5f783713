import {
  DryRun,
  FollowUpTask,
  FollowUpTaskList,
  Journey,
  type JourneyBody,
  JourneyDetail,
  JourneyList,
  type JourneyStatus,
  type JourneyTemplateKey,
  JourneyTemplateList,
} from '@zhuhe/contracts';
import { apiRequest } from '../../app/api-client';

const base = '/api/staff/automation';

export const listJourneys = () => apiRequest('GET', `${base}/journeys`, JourneyList);
export const listTemplates = () => apiRequest('GET', `${base}/templates`, JourneyTemplateList);
export const getJourney = (id: string) => apiRequest('GET', `${base}/journeys/${id}`, JourneyDetail);
export const createJourney = (body: JourneyBody) => apiRequest('POST', `${base}/journeys`, Journey, { body });
export const createFromTemplate = (key: JourneyTemplateKey) =>
  apiRequest('POST', `${base}/templates/${key}/journeys`, Journey);
export const setJourneyStatus = (id: string, status: JourneyStatus) =>
  apiRequest('POST', `${base}/journeys/${id}/status`, Journey, { body: { status } });
export const dryRunJourney = (id: string) => apiRequest('POST', `${base}/journeys/${id}/dry-run`, DryRun);
export const listFollowUpTasks = () => apiRequest('GET', `${base}/tasks`, FollowUpTaskList);
export const completeFollowUpTask = (id: string) => apiRequest('POST', `${base}/tasks/${id}/done`, FollowUpTask);
