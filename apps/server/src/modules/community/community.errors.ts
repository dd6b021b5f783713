import { defineErrors } from '../../infra/errors';

export const communityErrors = defineErrors({
  COMMUNITY_POST_NOT_FOUND: { kind: 'not_found', 'zh-CN': '帖子不存在或已删除', en: 'Post not found' },
  COMMUNITY_REPLY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '回复不存在或已删除', en: 'Reply not found' },
  COMMUNITY_REPORT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '举报不存在', en: 'Report not found' },
  COMMUNITY_BOARD_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '版块「{board}」不存在，请选择 经验分享、材料价格、法律问答 或 地区版',
    en: 'Unknown board “{board}”; choose experience, material prices, legal Q&A or regional',
  },
  COMMUNITY_REGION_REQUIRED: {
    kind: 'invalid',
    'zh-CN': '地区版的帖子请选择省份',
    en: 'Choose a province for a post on the regional board',
  },
  COMMUNITY_REGION_UNKNOWN: { kind: 'invalid', 'zh-CN': '地区代码 {code} 不存在', en: 'Unknown region code {code}' },
  COMMUNITY_TITLE_INVALID: {
    kind: 'invalid',
    'zh-CN': '标题不能为空，且不超过 {max} 个字',
    en: 'The title must not be empty and at most {max} characters',
  },
  COMMUNITY_BODY_INVALID: {
    kind: 'invalid',
    'zh-CN': '正文不能为空，且不超过 {max} 个字',
    en: 'The text must not be empty and at most {max} characters',
  },
  /** posting and replying need an organisation that passed 实名核验 */
  COMMUNITY_ORG_NOT_VERIFIED: {
    kind: 'forbidden',
    'zh-CN': '组织通过实名核验后才能在社区发帖和回复',
    en: 'Your organisation must pass verification before you can post or reply in the community',
  },
  COMMUNITY_NOT_AUTHOR: { kind: 'forbidden', 'zh-CN': '只有作者本人可以这样做', en: 'Only the author can do this' },
  COMMUNITY_EDIT_WINDOW_PASSED: {
    kind: 'conflict',
    'zh-CN': '发布 {minutes} 分钟后不能再修改',
    en: 'A post can be edited only within {minutes} minutes of posting',
  },
  COMMUNITY_NOT_OPEN: {
    kind: 'conflict',
    'zh-CN': '该内容未公开（审核中或已下架），不能进行此操作',
    en: 'This content is not public (held for review or taken down)',
  },
  COMMUNITY_ALREADY_LIKED: { kind: 'conflict', 'zh-CN': '您已经点过赞了', en: 'You have already liked this' },
  COMMUNITY_NOT_LIKED: { kind: 'conflict', 'zh-CN': '您还没有点赞', en: 'You have not liked this' },
  COMMUNITY_NOT_QA: {
    kind: 'conflict',
    'zh-CN': '只有问答版块的帖子可以采纳最佳答案',
    en: 'Only posts on a Q&A board can have a best answer',
  },
  COMMUNITY_OWN_REPLY: {
    kind: 'conflict',
    'zh-CN': '不能采纳自己的回复为最佳答案',
    en: 'You cannot choose your own reply as the best answer',
  },
  COMMUNITY_ALREADY_REPORTED: {
    kind: 'conflict',
    'zh-CN': '您已举报过该内容，平台正在处理',
    en: 'You have already reported this; it is being reviewed',
  },
  COMMUNITY_REASON_REQUIRED: {
    kind: 'invalid',
    'zh-CN': '下架请填写作者可见的理由（至少 4 个字）',
    en: 'A takedown needs a reason the author sees (at least 4 characters)',
  },
  COMMUNITY_NOT_REMOVED: { kind: 'conflict', 'zh-CN': '该内容未被下架', en: 'This content is not taken down' },
  COMMUNITY_NOT_HELD: { kind: 'conflict', 'zh-CN': '该内容不在待审核状态', en: 'This content is not held for review' },
});
