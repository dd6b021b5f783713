import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageTitle } from '../app/page-title';
import {
  CommunityBoardView,
  CommunityModerationDesk,
  CommunityPostDetail,
  CommunityPostForm,
} from '../modules/community';

/** 施工人社区: boards, filters, search and the posts, for every signed-in user. */
export function CommunityPage() {
  const { t } = useTranslation('community');
  const navigate = useNavigate();
  return (
    <>
      <PageTitle
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button type="primary" icon={<EditOutlined />} onClick={() => navigate('/community/new')}>
            {t('newPost')}
          </Button>
        }
      />
      <CommunityBoardView />
    </>
  );
}

/** 发帖 */
export function CommunityNewPostPage() {
  const { t } = useTranslation('community');
  return (
    <>
      <PageTitle title={t('form.title')} subtitle={t('form.subtitle')} />
      <CommunityPostForm />
    </>
  );
}

/** 帖子详情 with replies. */
export function CommunityPostPage() {
  const { postId } = useParams();
  return <CommunityPostDetail key={postId} postId={postId as string} />;
}

/** 社区审核 staff moderation queue. */
export function StaffCommunityPage() {
  const { t } = useTranslation('community');
  return (
    <>
      <PageTitle title={t('staff.title')} subtitle={t('staff.subtitle')} />
      <CommunityModerationDesk />
    </>
  );
}
