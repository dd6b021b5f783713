import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JourneyBody, JourneyStatus, JourneyTemplateKey } from '@zhuhe/contracts';
import * as api from './automation.api';

export const automationKeys = {
  journeys: ['automation', 'journeys'] as const,
  templates: ['automation', 'templates'] as const,
  journey: (id: string) => ['automation', 'journeys', id] as const,
  tasks: ['automation', 'tasks'] as const,
};

export const useJourneys = () => useQuery({ queryKey: automationKeys.journeys, queryFn: api.listJourneys });
export const useTemplates = () => useQuery({ queryKey: automationKeys.templates, queryFn: api.listTemplates });
export const useJourney = (id: string) =>
  useQuery({ queryKey: automationKeys.journey(id), queryFn: () => api.getJourney(id) });
export const useFollowUpTasks = () => useQuery({ queryKey: automationKeys.tasks, queryFn: api.listFollowUpTasks });

export function useCreateJourney() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: JourneyBody) => api.createJourney(body),
    onSuccess: () => client.invalidateQueries({ queryKey: automationKeys.journeys }),
  });
}

export function useCreateFromTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: JourneyTemplateKey) => api.createFromTemplate(key),
    onSuccess: () => client.invalidateQueries({ queryKey: automationKeys.journeys }),
  });
}

export function useSetJourneyStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: JourneyStatus) => api.setJourneyStatus(id, status),
    onSuccess: () => client.invalidateQueries({ queryKey: ['automation', 'journeys'] }),
  });
}

/** 试运行: a mutation (a POST that reads only), so it runs when asked, not on every render. */
export const useDryRun = (id: string) => useMutation({ mutationFn: () => api.dryRunJourney(id) });

export function useCompleteFollowUpTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.completeFollowUpTask(id),
    onSuccess: () => client.invalidateQueries({ queryKey: automationKeys.tasks }),
  });
}
