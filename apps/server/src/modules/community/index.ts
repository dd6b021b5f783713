export { communityErrors } from './community.errors';
export { createCommunityModule } from './community.module';
export { POINTS, type PointsEarning, recordPointsEarning, reputationOf } from './community.points';
export {
  approveContent,
  chooseBestAnswer,
  createPost,
  createReply,
  EDIT_WINDOW_MINUTES,
  like,
  report,
} from './community.service';
