import { useQuery } from '@tanstack/react-query';
import { fetchRegions } from './regions.api';

/** The whole division list, fetched once per session: it changes with a national standard, not with use. */
export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: fetchRegions, staleTime: Number.POSITIVE_INFINITY });
}
