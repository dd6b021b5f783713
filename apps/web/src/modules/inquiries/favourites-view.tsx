import { FAVOURITE_KINDS, type Favourite, type FavouriteKind } from '@zhuhe/contracts';
import { App, Button, Checkbox, Empty, Flex, Popconfirm, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useFavourites, useToggleFavourite } from './inquiries.queries';

const targetPath: Record<FavouriteKind, (id: string) => string | null> = {
  listing: (id) => `/workspace/resources/${id}`,
  project: (id) => `/workspace/projects/${id}`,
  merchant: () => null,
};

/** The organisation a favourite lets the buyer ask for a quote: the merchant itself, or the listing's merchant. */
const merchantOf = (f: Favourite) => (f.kind === 'project' ? null : f.targetOrgId);

export function newInquiryPath(merchantOrgIds: readonly string[], listingId?: string) {
  const params = new URLSearchParams();
  if (merchantOrgIds.length > 0) params.set('merchants', [...new Set(merchantOrgIds)].join(','));
  if (listingId) params.set('listing', listingId);
  return `/workspace/inquiries/new?${params.toString()}`;
}

/** 我的收藏: by kind, with removal, and inquiries to one or several of the merchants behind them. */
export function FavouritesView({ orgId, canInquire }: { orgId: string; canInquire: boolean }) {
  const { t } = useTranslation('inquiries');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const navigate = useNavigate();
  const favourites = useFavourites(orgId);
  const toggle = useToggleFavourite(orgId);
  const [kind, setKind] = useState<FavouriteKind | 'all'>('all');
  const [selected, setSelected] = useState<string[]>([]);
  if (favourites.isLoading) return <LoadingState />;
  if (!favourites.data) return <ErrorState error={favourites.error} onRetry={() => favourites.refetch()} />;
  const rows = favourites.data.items.filter((f) => kind === 'all' || f.kind === kind);
  const key = (f: Favourite) => `${f.kind}:${f.targetId}`;
  const chosen = favourites.data.items.filter((f) => selected.includes(key(f)));
  const chosenMerchants = chosen.map(merchantOf).filter((id): id is string => id !== null);
  const chosenListing = chosen.find((f) => f.kind === 'listing')?.targetId;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" gap={8} wrap>
        <Segmented
          aria-label={t('favourites.kind')}
          value={kind}
          onChange={(value) => setKind(value as FavouriteKind | 'all')}
          options={[
            { value: 'all', label: t('favourites.all') },
            ...FAVOURITE_KINDS.map((k) => ({ value: k, label: t(`favourites.kinds.${k}`) })),
          ]}
        />
        {canInquire ? (
          <Button
            type="primary"
            disabled={chosenMerchants.length === 0}
            onClick={() => navigate(newInquiryPath(chosenMerchants, chosenListing))}
            data-testid="inquire-selected"
          >
            {t('favourites.inquireSelected', { count: new Set(chosenMerchants).size })}
          </Button>
        ) : null}
      </Flex>
      <Table<Favourite>
        rowKey={key}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('favourites.empty')} /> }}
        columns={[
          ...(canInquire
            ? [
                {
                  key: 'select',
                  width: 48,
                  render: (_: unknown, f: Favourite) =>
                    merchantOf(f) ? (
                      <Checkbox
                        aria-label={t('favourites.selectRow', { name: f.title })}
                        checked={selected.includes(key(f))}
                        onChange={(e) =>
                          setSelected((s) => (e.target.checked ? [...s, key(f)] : s.filter((k) => k !== key(f))))
                        }
                      />
                    ) : null,
                },
              ]
            : []),
          {
            title: t('favourites.name'),
            key: 'title',
            render: (_, f) => {
              const path = targetPath[f.kind](f.targetId);
              return path ? <Link to={path}>{f.title}</Link> : f.title;
            },
          },
          { title: t('favourites.kind'), key: 'kind', render: (_, f) => <Tag>{t(`favourites.kinds.${f.kind}`)}</Tag> },
          { title: t('favourites.owner'), dataIndex: 'targetOrgName' },
          { title: t('favourites.since'), key: 'since', render: (_, f) => formatDateTime(f.createdAt) },
          {
            title: '',
            key: 'actions',
            render: (_, f) => (
              <Flex gap={8} wrap>
                {canInquire && merchantOf(f) ? (
                  <Link to={newInquiryPath([merchantOf(f) as string], f.kind === 'listing' ? f.targetId : undefined)}>
                    {t('favourites.inquire')}
                  </Link>
                ) : null}
                <Popconfirm
                  title={t('favourites.remove')}
                  onConfirm={() =>
                    toggle.mutate(
                      { kind: f.kind, targetId: f.targetId, on: false },
                      { onSuccess: () => void message.success(t('favourites.removed')), onError: feedback.show },
                    )
                  }
                >
                  <Button size="small" danger>
                    {t('favourites.remove')}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
