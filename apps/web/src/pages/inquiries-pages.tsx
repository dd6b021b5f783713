import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../app/page-title';
import { FavouritesView, InquiryDetail, InquiryForm, InquiryListView } from '../modules/inquiries';
import { useActiveContext } from '../modules/organisation';

/** Business roles that mostly receive inquiries: their 询价 page opens on the received tab. */
const MERCHANT_ROLES = new Set(['SUP', 'SUB', 'DES', 'SVR']);

function useManager() {
  const { membership } = useActiveContext();
  return membership.membershipRole === 'owner' || membership.membershipRole === 'admin';
}

/** 我的收藏 */
export function FavouritesPage() {
  const { t } = useTranslation('inquiries');
  const { orgId } = useActiveContext();
  const manager = useManager();
  return (
    <>
      <PageTitle title={t('favourites.title')} subtitle={t('favourites.subtitle')} />
      <FavouritesView orgId={orgId} canInquire={manager} />
    </>
  );
}

/** 询价: sent and received inquiries. */
export function InquiriesPage() {
  const { t } = useTranslation('inquiries');
  const { orgId, role } = useActiveContext();
  const manager = useManager();
  return (
    <>
      <PageTitle
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          manager ? (
            <Link to="/workspace/inquiries/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('list.new')}
              </Button>
            </Link>
          ) : null
        }
      />
      <InquiryListView orgId={orgId} merchantFirst={MERCHANT_ROLES.has(role)} />
    </>
  );
}

/** 发起询价: merchants and listing from the query (`?merchants=a,b&listing=x`). */
export function InquiryNewPage() {
  const { t } = useTranslation('inquiries');
  const { orgId } = useActiveContext();
  const [params] = useSearchParams();
  const merchants = (params.get('merchants') ?? '').split(',').filter(Boolean).slice(0, 20);
  return (
    <>
      <PageTitle title={t('form.title')} />
      <InquiryForm orgId={orgId} merchantOrgIds={merchants} listingId={params.get('listing')} />
    </>
  );
}

export function InquiryDetailPage() {
  const { orgId } = useActiveContext();
  const { inquiryId = '' } = useParams();
  return <InquiryDetail orgId={orgId} inquiryId={inquiryId} />;
}
