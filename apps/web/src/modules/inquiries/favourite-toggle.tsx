import { StarFilled, StarOutlined } from '@ant-design/icons';
import type { FavouriteKind } from '@zhuhe/contracts';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useFavourites, useToggleFavourite } from './inquiries.queries';

/** 收藏 star on a listing, merchant or project page: pressed when the person has it among their favourites. */
export function FavouriteToggle({
  orgId,
  kind,
  targetId,
  merchant = false,
}: {
  orgId: string;
  kind: FavouriteKind;
  targetId: string;
  /** label it as the merchant's star (on a listing page, next to the listing's own) */
  merchant?: boolean;
}) {
  const { t } = useTranslation('inquiries');
  const favourites = useFavourites(orgId);
  const toggle = useToggleFavourite(orgId);
  const feedback = useErrorFeedback();
  const on = Boolean(favourites.data?.items.some((f) => f.kind === kind && f.targetId === targetId));
  const label = merchant
    ? t(on ? 'favourites.merchantStarred' : 'favourites.starMerchant')
    : t(on ? 'favourites.starred' : 'favourites.star');
  return (
    <Button
      icon={on ? <StarFilled aria-hidden style={{ color: '#d48806' }} /> : <StarOutlined aria-hidden />}
      aria-pressed={on}
      loading={toggle.isPending}
      disabled={favourites.isLoading}
      onClick={() => toggle.mutate({ kind, targetId, on: !on }, { onError: feedback.show })}
      data-testid={`favourite-${kind}`}
    >
      {label}
    </Button>
  );
}
