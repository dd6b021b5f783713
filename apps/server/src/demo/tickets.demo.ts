import type { OpenTicketBody, TicketCategory, TicketPriority } from '@zhuhe/contracts';
import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import type { Actor } from '../infra/http/access';
import { createUserDirect } from '../modules/identity';
import { seedStaffRoles } from '../modules/staff';
import {
  agentReply,
  checkClocks,
  createCannedAnswer,
  escalate,
  intakeEmail,
  openForMember,
  rate,
  reopen,
  resolve,
} from '../modules/tickets';
import { actorFor } from './disputes.demo';
import { DEMO_PASSWORD, type DemoLogin } from './foundation.demo';

/** Fixed authenticator secrets of the demo support agents of lines 2 and 3 (demo only). */
export const DEMO_SUPPORT_TOTP = {
  technical: 'Q3Y5WN67JR76G7R2ALVIRKPP6GFVCWLJ',
  expert: 'IW53GPJ2TFNRIUUGUUKKAGUYUA3L2FC7',
} as const;

const AGENTS = [
  {
    email: 'support2@example.com',
    name: '二线技术 马骁',
    role: 'support_technical',
    totp: DEMO_SUPPORT_TOTP.technical,
  },
  { email: 'support3@example.com', name: '三线专家 顾澄', role: 'support_expert', totp: DEMO_SUPPORT_TOTP.expert },
] as const;

const CANNED: { title: string; body: string; category: TicketCategory | null }[] = [
  { title: '已收到，正在处理', body: '您好，已收到您的问题，我们正在排查，处理进展会在本工单中回复。', category: null },
  {
    title: '请提供截图',
    body: '您好，为便于定位问题，请补充操作步骤、出错页面的截图和出错时间。',
    category: 'technical',
  },
  {
    title: '重置双因素认证',
    body: '您好，双因素认证重置需由组织所有者在「账号安全」中发起，并完成人脸核验后生效。',
    category: 'account',
  },
  {
    title: '认证材料要求',
    body: '您好，企业认证需上传营业执照、资质证书及法定代表人身份证，材料须在有效期内且清晰可辨。',
    category: 'verification',
  },
  {
    title: '监管资金到账时间',
    body: '您好，监管账户入金一般在银行回单后 1 个工作日内入账，如超过请提供回单号。',
    category: 'payment',
  },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const reply = (body: string) => ({ body, internal: false, cannedAnswerId: null });
const orgOf = (a: Actor) => a.memberships[0]?.orgId as string;

/**
 * 工单 demo: the support agents of lines 2 and 3 (support2@, support3@; line 1 is service@ from the disputes
 * demo), canned answers, and tickets in every state from sub@, gc@ and sup@ and a guest e-mail: new, answered,
 * escalated to line 2 and to line 3, breached (moved up by the clock, red on the board), resolved, resolved and
 * rated, reopened; plus last month's resolved tickets so that the board's figures have history.
 */
export async function seedTicketsDemo(ctx: AppContext, _modules: PlatformModules): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const a of AGENTS) {
    const user = await createUserDirect(ctx, {
      identifier: a.email,
      password: DEMO_PASSWORD,
      displayName: a.name,
      totpSecret: a.totp,
    });
    await seedStaffRoles(ctx, user.id, [a.role]);
    logins.push({ who: a.name, identifier: a.email, password: DEMO_PASSWORD, totpSecret: a.totp });
  }
  const l1 = await actorFor(ctx, 'service@example.com', ['service']);
  const l2 = await actorFor(ctx, 'support2@example.com', ['support_technical']);
  const l3 = await actorFor(ctx, 'support3@example.com', ['support_expert']);
  for (const c of CANNED) await createCannedAnswer(ctx, l1, c);

  const sub = await actorFor(ctx, 'sub@example.com');
  const gc = await actorFor(ctx, 'gc@example.com');
  const sup = await actorFor(ctx, 'sup@example.com');
  const now = Date.now();
  const at = (msAgo: number) => new Date(now - msAgo);
  const open = (
    who: Actor,
    msAgo: number,
    category: TicketCategory,
    priority: TicketPriority,
    subject: string,
    text: string,
  ) => {
    const body: OpenTicketBody = { category, priority, subject, text, attachmentFileIds: [] };
    return openForMember(ctx, who, orgOf(who), body, 'web', at(msAgo));
  };

  // last month's history: resolved and rated at each line
  const history: [Actor, TicketCategory, number, 1 | 2 | 3, string][] = [
    [gc, 'account', 30 * DAY, 1, '子账号无法登录'],
    [sub, 'verification', 31 * DAY, 1, '资质证书更新后认证状态'],
    [sup, 'payment', 32 * DAY, 2, '监管账户入金未到账'],
    [gc, 'tendering', 33 * DAY, 2, '开标时间显示不一致'],
    [sub, 'contract', 34 * DAY, 3, '合同模板条款咨询'],
    [sup, 'technical', 35 * DAY, 1, '导出报价单乱码'],
  ];
  for (const [who, category, ago, line, subject] of history) {
    const id = await open(who, ago, category, 'normal', subject, `${subject}，请协助处理。`);
    await agentReply(ctx, l1, id, reply(CANNED[0]?.body ?? ''), at(ago - 40 * 60_000));
    if (line >= 2) await escalate(ctx, l1, id, '需技术排查', at(ago - 45 * 60_000));
    if (line === 3) await escalate(ctx, l2, id, '涉及合同条款解释，转专家', at(ago - 3 * HOUR));
    const agent = line === 1 ? l1 : line === 2 ? l2 : l3;
    await resolve(ctx, agent, id, '问题已处理，如仍有疑问请回复本工单。', at(ago - (line * 5 + 2) * HOUR));
    await rate(ctx, orgOf(who), id, { stars: 6 - line, comment: line === 1 ? '回复及时' : '' }, at(ago - 2 * DAY));
  }

  // this month: resolved and rated (5 stars), resolved awaiting the rating, reopened
  const rated = await open(sub, 3 * DAY, 'account', 'high', '双因素认证手机丢失', '负责人手机丢失，无法接收验证码。');
  await agentReply(ctx, l1, rated, reply(CANNED[2]?.body ?? ''), at(3 * DAY - 50 * 60_000));
  await resolve(ctx, l1, rated, '已协助组织所有者完成双因素认证重置。', at(3 * DAY - 3 * HOUR));
  await rate(ctx, orgOf(sub), rated, { stars: 5, comment: '处理很快，谢谢！' }, at(2 * DAY));

  const awaiting = await open(gc, 2 * DAY, 'tendering', 'normal', '招标公告附件无法下载', '公告附件点击后提示 404。');
  await agentReply(ctx, l1, awaiting, reply(CANNED[1]?.body ?? ''), at(2 * DAY - 2 * HOUR));
  await escalate(ctx, l1, awaiting, '附件存储链接失效，需技术处理', at(2 * DAY - 2 * HOUR - 60_000));
  await resolve(ctx, l2, awaiting, '附件链接已修复，请刷新后重新下载。', at(DAY));

  const reopened = await open(
    sup,
    4 * DAY,
    'technical',
    'normal',
    '商品导入模板校验失败',
    '导入 Excel 时提示第 3 列格式错误。',
  );
  await agentReply(ctx, l1, reopened, reply('请使用最新模板（商品库 > 下载模板）重新导入。'), at(4 * DAY - HOUR));
  await resolve(ctx, l1, reopened, '模板已更新，请重新下载后导入。', at(3 * DAY));
  await reopen(ctx, sup, orgOf(sup), reopened, '换了新模板还是报同样的错误。', at(HOUR));

  // open at line 2 and at line 3 (low priority: their clocks still run)
  const atLine2 = await open(
    gc,
    5 * HOUR,
    'payment',
    'low',
    '进度款支付回单未同步',
    '银行已扣款，平台上仍显示待支付。',
  );
  await agentReply(ctx, l1, atLine2, reply(CANNED[4]?.body ?? ''), at(4 * HOUR));
  await agentReply(
    ctx,
    l1,
    atLine2,
    { body: '银行回单号已核实，疑似对账任务延迟。', internal: true, cannedAnswerId: null },
    at(4 * HOUR - 60_000),
  );
  await escalate(ctx, l1, atLine2, '对账任务需技术排查', at(4 * HOUR - 2 * 60_000));

  const atLine3 = await open(
    sub,
    6 * HOUR,
    'contract',
    'low',
    '电子签章验签失败',
    '对方下载的合同 PDF 验签提示证书链不完整。',
  );
  await agentReply(ctx, l1, atLine3, reply(CANNED[0]?.body ?? ''), at(5 * HOUR));
  await escalate(ctx, l1, atLine3, '签章问题转技术', at(5 * HOUR - 60_000));
  await agentReply(
    ctx,
    l2,
    atLine3,
    { body: '证书链缺少中间证书，需专家确认 CA 配置。', internal: true, cannedAnswerId: null },
    at(3 * HOUR),
  );
  await escalate(ctx, l2, atLine3, 'CA 证书链配置需专家处理', at(3 * HOUR - 60_000));

  // answered at line 1, waiting for the requester
  const answered = await open(
    sup,
    90 * 60_000,
    'verification',
    'normal',
    '认证材料被退回',
    '营业执照已上传，为什么被退回？',
  );
  await agentReply(ctx, l1, answered, reply(CANNED[3]?.body ?? ''), at(60 * 60_000));

  // breached: an urgent ticket nobody answered; the clock job moves it up (red on the board)
  await open(gc, 150 * 60_000, 'payment', 'urgent', '监管账户被冻结无法付款', '今天必须支付材料款，账户显示冻结。');
  // new, just arrived, from the web and from a guest's e-mail
  await open(sub, 10 * 60_000, 'other', 'normal', '如何添加项目成员', '想给项目部新同事开账号。');
  await intakeEmail(
    ctx,
    {
      from: 'li.na@hz-steel.example',
      fromName: '李娜（杭钢贸易）',
      subject: '供应商入驻咨询',
      text: '您好，我们是钢材贸易商，想了解入驻平台需要准备哪些材料。',
    },
    null,
    at(20 * 60_000),
  );
  await checkClocks(ctx, new Date(now));
  return logins;
}
