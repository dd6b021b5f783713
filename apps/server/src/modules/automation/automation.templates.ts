import type { JourneyBody, JourneyTemplateKey } from '@zhuhe/contracts';

/**
 * 内置模板 the three built-in journeys (GROW-5). Staff start from one, adjust it and activate it.
 *
 * - 沉默召回 recall organisations with no product event for 30 days, at most once a month;
 * - 线索跟进 a lead is a user who registered and belongs to no organisation yet: if 24 h later they still have
 *   done nothing, a sales operator gets a task with a 4-hour SLA and the lead an e-mail (seed: 78% of leads are
 *   lost in the first 24 hours);
 * - 新商家欢迎 a merchant's welcome series: on activation, then after 2 and 7 days.
 */
export const JOURNEY_TEMPLATES: Readonly<Record<JourneyTemplateKey, JourneyBody>> = {
  recall_silent_30d: {
    name: '沉默 30 天组织召回',
    description: '30 天无任何业务行为的组织，发送站内信与邮件，提醒查看新的需求与招标',
    audience: 'organisation',
    segment: { silentDays: 30 },
    trigger: { kind: 'schedule', reentryDays: 30 },
    steps: [
      {
        id: 'remind',
        type: 'action',
        channel: 'email',
        title: '好久不见：本月有新的需求与招标等您查看',
        body: '筑合上新增了与贵司业务相关的需求与招标项目，登录查看并及时报价。',
        next: 'wait3d',
      },
      { id: 'wait3d', type: 'wait', hours: 72, next: 'back' },
      { id: 'back', type: 'condition', check: 'activeSinceEntry', onTrue: null, onFalse: 'nudge' },
      {
        id: 'nudge',
        type: 'action',
        channel: 'inApp',
        title: '有 3 个与贵司匹配的需求即将截止',
        body: '打开智能匹配查看为贵司推荐的需求。',
        next: null,
      },
    ],
  },
  lead_follow_up_24h: {
    name: '注册线索 24 小时跟进',
    description:
      '注册后 24 小时内未创建或加入组织、也无任何行为的用户，生成 4 小时内处理的销售跟进任务，并发送引导邮件',
    audience: 'user',
    segment: { withoutOrganisation: true },
    trigger: { kind: 'event', event: 'user.registered' },
    steps: [
      { id: 'wait24h', type: 'wait', hours: 24, next: 'idle' },
      { id: 'idle', type: 'condition', check: 'activeSinceEntry', onTrue: null, onFalse: 'task' },
      {
        id: 'task',
        type: 'action',
        channel: 'task',
        title: '电话回访新注册用户',
        body: '注册 24 小时未建组织：了解需求，协助完成企业认证。',
        slaHours: 4,
        next: 'guide',
      },
      {
        id: 'guide',
        type: 'action',
        channel: 'email',
        title: '三步完成企业入驻，开始承接项目',
        body: '创建组织、完成企业认证、发布第一条资源，专属顾问将与您联系。',
        next: null,
      },
    ],
  },
  merchant_welcome: {
    name: '新商家欢迎系列',
    description: '商家开通后当天、第 2 天、第 7 天依次发送入门指引',
    audience: 'organisation',
    segment: {},
    trigger: { kind: 'event', event: 'merchant.activated' },
    steps: [
      {
        id: 'welcome',
        type: 'action',
        channel: 'inApp',
        title: '欢迎入驻筑合商城',
        body: '新商家享 3 个月流量扶持，先完善店铺资料与商品。',
        next: 'wait2d',
      },
      { id: 'wait2d', type: 'wait', hours: 48, next: 'listing' },
      {
        id: 'listing',
        type: 'action',
        channel: 'email',
        title: '上架第一件商品的 5 个技巧',
        body: '清晰的规格、含税价与交期能让询价转化率提升一倍。',
        next: 'wait5d',
      },
      { id: 'wait5d', type: 'wait', hours: 120, next: 'review' },
      {
        id: 'review',
        type: 'action',
        channel: 'sms',
        title: '您的店铺首周数据已生成，登录查看',
        body: '',
        next: null,
      },
    ],
  },
};
