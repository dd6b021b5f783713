import {
  OpsAssignment,
  OpsAssignmentList,
  OpsCentreList,
  OpsExperienceReport,
  OpsLeadDetail,
  OpsLeadList,
  OpsReportList,
  OpsTargetBoard,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type OpsLeadData = z.infer<typeof OpsLeadDetail>;
export type OpsLeadSummary = z.infer<typeof OpsLeadList>['items'][number];
export type OpsTargetBoardData = z.infer<typeof OpsTargetBoard>;
export type OpsAssignmentData = z.infer<typeof OpsAssignment>;
export type OpsReportData = z.infer<typeof OpsExperienceReport>;
export type OpsCentreData = z.infer<typeof OpsCentreList>['items'][number];

export const opsKeys = {
  all: ['operations'] as const,
  centres: ['operations', 'centres'] as const,
  targets: (month: string) => ['operations', 'targets', month] as const,
  leads: ['operations', 'leads'] as const,
  lead: (id: string) => ['operations', 'leads', id] as const,
  assignments: ['operations', 'assignments'] as const,
  reports: ['operations', 'reports'] as const,
  report: (month: string) => ['operations', 'reports', month] as const,
};

export const fetchCentres = () => apiRequest('GET', '/api/staff/operations/centres', OpsCentreList);
export const fetchTargets = (month: string) =>
  apiRequest('GET', '/api/staff/operations/targets', OpsTargetBoard, { query: { month } });
export const setTarget = (body: { userId: string; month: string; newCustomers: number }) =>
  apiRequest('PUT', '/api/staff/operations/targets', OpsTargetBoard, { body });
export const fetchLeads = () => apiRequest('GET', '/api/staff/operations/leads', OpsLeadList);
export const fetchLead = (id: string) => apiRequest('GET', `/api/staff/operations/leads/${id}`, OpsLeadDetail);
export const createLead = (body: {
  companyName: string;
  creditCode?: string | null;
  contactName: string;
  contactPhone: string;
  regionCode: string;
  source: string;
}) => apiRequest('POST', '/api/staff/operations/leads', OpsLeadDetail, { body });
export const checkIn = (
  leadId: string,
  body: {
    place: string;
    notes: string;
    nextStep: string;
    intent: boolean;
    location: { lat: number; lng: number; accuracyM: number | null } | null;
  },
) => apiRequest('POST', `/api/staff/operations/leads/${leadId}/visits`, OpsLeadDetail, { body });
export const fetchAssignments = () => apiRequest('GET', '/api/staff/operations/assignments', OpsAssignmentList);
export const recordAssist = (assignmentId: string, body: { kind: string; notes: string }) =>
  apiRequest('POST', `/api/staff/operations/assignments/${assignmentId}/assists`, OpsAssignment, { body });
export const fetchReports = () => apiRequest('GET', '/api/staff/operations/reports', OpsReportList);
export const fetchReport = (month: string) =>
  apiRequest('GET', `/api/staff/operations/reports/${month}`, OpsExperienceReport);
export const generateReport = (month: string) =>
  apiRequest('POST', '/api/staff/operations/reports', OpsExperienceReport, { body: { month } });
export const reportPdfUrl = (month: string) => `/api/staff/operations/reports/${month}/pdf`;
