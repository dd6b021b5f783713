export { communityEn, communityZhCN } from './community.i18n';
export { CommunityBoardView } from './community-board';
export { CommunityModerationDesk } from './community-moderation';
export { CommunityPostDetail } from './community-post-detail';
export { CommunityPostForm } from './community-post-form';
