import { useQuery } from '@tanstack/react-query';
import { CreditGradesView } from '@zhuhe/contracts';
import DataLoader from 'dataloader';
import { apiRequest } from '../../app/api-client';
import { CreditGradeBadge } from './credit-badge';

/**
 * One request for all the badges a page renders in the same tick (a list of search hits, a table of bids): the
 * loader collects the ids the badges ask for and fetches them together, up to 100 per request.
 */
const grades = new DataLoader<string, string | null>(
  async (orgIds) => {
    const found = await apiRequest('GET', '/api/credit-grades', CreditGradesView, {
      query: { orgIds: orgIds.join(',') },
    });
    const byOrg = new Map(found.items.map((item) => [item.orgId, item.grade]));
    return orgIds.map((id) => byOrg.get(id) ?? null);
  },
  { maxBatchSize: 100, cache: false },
);

/** 信用等级 badge next to another organisation's name; nothing when the organisation has no grade. */
export function OrgGradeBadge({ orgId }: { orgId: string }) {
  const query = useQuery({
    queryKey: ['credit-grade-badge', orgId],
    queryFn: () => grades.load(orgId),
    staleTime: 5 * 60_000,
  });
  return <CreditGradeBadge grade={query.data} />;
}
