import {
  Assignment,
  type CreateExperimentBody,
  Experiment,
  ExperimentList,
  ExperimentResults,
  type ExperimentStatusBody,
  type ExperimentSurface,
} from '@zhuhe/contracts';
import { apiRequest } from '../../app/api-client';

const base = '/api/staff/experiments';

export const listExperiments = () => apiRequest('GET', base, ExperimentList);
export const createExperiment = (body: CreateExperimentBody) => apiRequest('POST', base, Experiment, { body });
export const changeExperimentStatus = (id: string, body: ExperimentStatusBody) =>
  apiRequest('POST', `${base}/${id}/status`, Experiment, { body });
export const experimentResults = (id: string) => apiRequest('GET', `${base}/${id}/results`, ExperimentResults);
/** what a surface shows the signed-in user (counts the unit's first exposure in a running experiment) */
export const fetchAssignment = (surface: ExperimentSurface) =>
  apiRequest('POST', '/api/experiments/assignment', Assignment, { body: { surface } });
