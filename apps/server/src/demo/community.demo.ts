import type { AppContext } from '../infra/context';
import type { Actor } from '../infra/http/access';
import { chooseBestAnswer, createPost, createReply, like, report } from '../modules/community';
import { getOrganisations } from '../modules/organisation';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

/**
 * 施工人社区: posts on every board (two provinces on the regional board) with replies and likes; a legal question
 * with its best answer; sup@'s price post with a banned claim, held for review; and an advert reported by gc@,
 * waiting in the staff queue (reviewer@ or admin@ take it down).
 */
export async function seedCommunityDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const candidates = await Promise.all(
    [
      'gc@example.com',
      'sub@example.com',
      'sup@example.com',
      'gc2@example.com',
      'sub2@example.com',
      'svr@example.com',
    ].map((email) => demoActor(ctx, email)),
  );
  const orgs = new Map(
    (
      await getOrganisations(
        ctx,
        candidates.map((a) => a.activeOrgId as string),
      )
    ).map((o) => [o.id, o.verification]),
  );
  // posting is for verified organisations, as in the product
  const people = candidates.filter((a) => a.activeOrgId && orgs.get(a.activeOrgId) === 'verified');
  if (people.length < 3) throw new Error('the community demo needs three verified organisations');
  const [a, b, c] = people as [Actor, Actor, Actor];
  const d = people[3] ?? a;
  const org = (x: Actor) => x.activeOrgId as string;
  const post = (x: Actor, input: Parameters<typeof createPost>[3]) => createPost(ctx, x, org(x), input);
  const reply = (x: Actor, postId: string, body: string) => createReply(ctx, x, org(x), postId, { body });

  const pit = await post(a, {
    board: 'experience',
    title: '深基坑支护施工的五个易错点',
    body: '1. 降水井未按方案提前运行；2. 冠梁浇筑前未复核桩顶标高；3. 土方分层开挖超挖；4. 监测点布设滞后；5. 雨季未做坡顶截水。欢迎补充各自项目上的经验。',
    tags: ['基坑', '安全'],
  });
  await reply(b, pit.id, '补充一条：锚索张拉要等浆体强度达到设计值的 75% 以上，现场经常抢工提前张拉。');
  await reply(c, pit.id, '监测数据最好每天同步给总包和监理，我们项目用共享表格，预警时一目了然。');
  await like(ctx, b, 'post', pit.id);
  await like(ctx, c, 'post', pit.id);

  const rebar = await post(c, {
    board: 'material_prices',
    title: '本周杭州螺纹钢 HRB400E 到货价参考',
    body: 'Φ16–25 到货价约 3,650–3,720 元/吨（含税，杭州主城区），较上周下跌约 40 元。盘螺偏紧，建议提前锁量。',
    tags: ['钢材', '杭州'],
  });
  await reply(a, rebar.id, '我们上周在萧山拿货 3,700 元/吨，和这个区间一致，谢谢分享。');
  await like(ctx, a, 'post', rebar.id);

  const question = await post(b, {
    board: 'legal_qa',
    title: '总包拖欠进度款三个月，分包能否停工？',
    body: '分包合同约定按月支付进度款的 80%，总包已连续三个月未付。我们能否停工？停工期间的窝工损失能否主张？',
    tags: ['进度款', '停工'],
  });
  const answered = await reply(
    d === b ? a : d,
    question.id,
    '可以依据《民法典》第五百二十六条行使先履行抗辩权，但建议先书面催告并留存送达证据，约定合理期限后再停工；窝工损失需有签证或现场记录支撑。',
  );
  await reply(c, question.id, '我们之前是先发函再停工，最后通过平台调解拿回了款项和部分窝工费。');
  const best = answered.replies.find((r) => r.author.userId === (d === b ? a : d).userId);
  if (best) {
    await chooseBestAnswer(ctx, b, question.id, best.id);
    await like(ctx, b, 'reply', best.id);
  }

  const zhejiang = await post(a, {
    board: 'regional',
    regionCode: '330000',
    title: '浙江省建筑工人实名制考勤新要求讨论',
    body: '省里要求 2027 年起在建项目全部接入实名制考勤平台，大家的闸机和人脸设备都换了吗？',
    tags: ['实名制'],
  });
  await reply(b, zhejiang.id, '我们杭州的两个项目已经接入，设备厂家负责对接，大约一周。');
  await post(c, {
    board: 'regional',
    regionCode: '440000',
    title: '广东雨季施工：台风预警期间的停复工流程',
    body: '分享一下我们在深圳项目上台风橙色预警时的停工、巡查和复工验收流程，供大家参考。',
    tags: ['雨季施工'],
  });

  // held at submission: 零风险 is a banned claim (《广告法》)
  await post(c, {
    board: 'material_prices',
    title: '现货水泥低价供应',
    body: 'P.O 42.5 散装水泥现货，零风险囤货，价格随行就市。',
    tags: ['水泥'],
  });

  // reported by a reader, waiting for a moderator
  const advert = await post(d === a ? c : d, {
    board: 'experience',
    title: '二手脚手架钢管便宜处理',
    body: '大量二手钢管扣件低价处理，有意者请加私人联系方式详谈，不走平台。',
    tags: ['脚手架'],
  });
  await report(ctx, a.userId === (d === a ? c : d).userId ? b : a, {
    targetKind: 'post',
    targetId: advert.id,
    reason: '引导私下交易，疑似广告',
  });
  return [];
}
