import { useQuery } from '@tanstack/react-query';
import type { ExperimentSurface } from '@zhuhe/contracts';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchAssignment } from './experiments.api';

/**
 * The guidance text of a surface under experiment: asks the server which variant this user or organisation sees
 * (the server counts its first exposure) and shows that variant's text, or the default while loading, on an
 * error, or when nothing runs. An experiment must never block the form it decorates.
 */
export function ExperimentGuidance({ surface }: { surface: ExperimentSurface }) {
  const { t } = useTranslation('experiments');
  const assignment = useQuery({
    queryKey: ['experiment-assignment', surface],
    queryFn: () => fetchAssignment(surface),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const content = assignment.data?.content || t('guidance.default');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="experiment-guidance"
      data-variant={assignment.data?.variant ?? 'default'}
      title={t('guidance.title')}
      description={content}
    />
  );
}
