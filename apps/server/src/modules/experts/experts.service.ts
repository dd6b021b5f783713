import type {
  ExpertAnswer,
  ExpertApplication,
  ExpertApplicationBody,
  ExpertAskBody,
  ExpertDecisionBody,
  ExpertQuestionDetail,
  ExpertQuestionSearchQuery,
  ExpertQuestionStatus,
  ExpertQuestionSummary,
  ExpertQuestionVisibility,
  ExpertRatingBody,
  ExpertSearchQuery,
  ExpertSpeciality,
  ExpertStatus,
  ExpertSummary,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getFile, type StoredFileRow, storeFile } from '../files';
import { getUsers } from '../identity';
import { notify } from '../notifications';
import { getOrganisations } from '../organisation';
import { isKnownRegion, regionName, regionPrefix } from '../regions';
import { expertErrors } from './experts.errors';
import { questionIndex, questionQuery } from './experts.index';
import * as repo from './experts.repository';

/** The owner the files module keeps the certificates under: the platform, not an organisation. */
export const EXPERT_FILES_OWNER = '00000000-0000-7000-8000-00000000e001';
/** 频率限制 per rolling day: questions per asker, answers per expert. */
export const MAX_QUESTIONS_PER_DAY = 10;
export const MAX_ANSWERS_PER_DAY = 50;
const DAY_MS = 86_400_000;

const yuanOf = (fen: number | null) => (fen === null ? null : Math.round(fen / 100));

async function namesOf(ctx: AppContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const users = await getUsers(
    ctx,
    [...new Set(ids)].filter((id): id is string => !!id),
  );
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function presentSummary(
  row: repo.ExpertRow,
  stats: { answered: number; ratings: number; average: number | null } | undefined,
): ExpertSummary {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    employer: row.employer,
    years: row.years,
    specialities: row.specialities as ExpertSpeciality[],
    regions: row.regions.map((code) => ({ code, name: regionName(code) || code })),
    feeYuan: yuanOf(row.feeFen),
    bio: row.bio,
    answeredCount: stats?.answered ?? 0,
    averageRating: stats?.average ?? null,
    ratingCount: stats?.ratings ?? 0,
  };
}

async function presentApplications(ctx: AppContext, rows: repo.ExpertRow[]): Promise<ExpertApplication[]> {
  const stats = await repo.expertStats(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await namesOf(
    ctx,
    rows.map((r) => r.decidedBy),
  );
  const out: ExpertApplication[] = [];
  for (const row of rows) {
    const certificates = [];
    for (const fileId of row.certificateFileIds) {
      try {
        const f = await getFile(ctx, EXPERT_FILES_OWNER, fileId);
        certificates.push({ id: f.id, name: f.name, size: f.size });
      } catch {
        // a certificate that is gone is left out
      }
    }
    out.push({
      ...presentSummary(row, stats.get(row.id)),
      status: row.status as ExpertStatus,
      userId: row.userId,
      certificates,
      decisionReason: row.decisionReason,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decidedBy: (row.decidedBy && names.get(row.decidedBy)) || null,
      submittedAt: row.submittedAt.toISOString(),
    });
  }
  return out;
}

/** 上传证书 a certificate (PDF or image), kept by the files module under the platform; only its uploader may cite it. */
export async function uploadCertificate(ctx: AppContext, actor: Actor, name: string, bytes: Buffer) {
  const row = await storeFile(ctx, {
    orgId: EXPERT_FILES_OWNER,
    userId: actor.userId,
    name,
    bytes,
    accept: ['pdf', 'image'],
  });
  return { id: row.id, name: row.name, size: row.size };
}

/**
 * 申请成为专家: a new profile, or a changed one, goes to the reviewers (pending). Regions must exist and every
 * certificate must be one the applicant uploaded; nothing is written before that is checked.
 */
export async function apply(ctx: AppContext, actor: Actor, body: ExpertApplicationBody): Promise<ExpertApplication> {
  for (const code of body.regions)
    if (!isKnownRegion(code)) throw expertErrors.raise('EXPERT_REGION_UNKNOWN', { code });
  const certificateFileIds = [...new Set(body.certificateFileIds)];
  for (const fileId of certificateFileIds) {
    let file: StoredFileRow;
    try {
      file = await getFile(ctx, EXPERT_FILES_OWNER, fileId);
    } catch {
      throw expertErrors.raise('EXPERT_CERTIFICATE_UNKNOWN');
    }
    if (file.uploadedBy !== actor.userId) throw expertErrors.raise('EXPERT_CERTIFICATE_UNKNOWN');
  }
  const existing = await repo.findExpertByUser(ctx.db, actor.userId);
  const now = ctx.clock.now();
  await repo.upsertExpert(ctx.db, {
    id: existing?.id ?? newId(),
    userId: actor.userId,
    status: 'pending',
    name: body.name,
    title: body.title,
    employer: body.employer,
    years: body.years,
    specialities: [...new Set(body.specialities)],
    regions: [...new Set(body.regions)],
    feeFen: body.feeYuan === null ? null : body.feeYuan * 100,
    bio: body.bio,
    certificateFileIds,
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
    submittedAt: now,
    updatedAt: now,
  });
  return (await myApplication(ctx, actor)) as ExpertApplication;
}

export async function myApplication(ctx: AppContext, actor: Actor): Promise<ExpertApplication | null> {
  const row = await repo.findExpertByUser(ctx.db, actor.userId);
  return row ? ((await presentApplications(ctx, [row]))[0] ?? null) : null;
}

export async function staffApplications(ctx: AppContext, status?: ExpertStatus): Promise<ExpertApplication[]> {
  return presentApplications(ctx, await repo.listExperts(ctx.db, status));
}

/** A certificate of an application, for the reviewers. */
export async function certificateFile(ctx: AppContext, expertId: string, fileId: string): Promise<StoredFileRow> {
  const row = await repo.findExpert(ctx.db, expertId);
  if (!row) throw expertErrors.raise('EXPERT_NOT_FOUND');
  if (!row.certificateFileIds.includes(fileId)) throw expertErrors.raise('EXPERT_FILE_NOT_FOUND');
  return getFile(ctx, EXPERT_FILES_OWNER, fileId);
}

/**
 * 审核 a reviewer verifies or refuses a pending application with a reason (the request itself is in the audit
 * chain, as every staff action); the applicant is told in-app and by e-mail.
 */
export async function decideApplication(
  ctx: AppContext,
  actor: Actor,
  expertId: string,
  body: ExpertDecisionBody,
): Promise<ExpertApplication> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findExpert(tx, expertId);
    if (!row) throw expertErrors.raise('EXPERT_NOT_FOUND');
    const changed = await repo.decide(tx, expertId, {
      status: body.decision,
      decisionReason: body.reason,
      decidedBy: actor.userId,
      decidedAt: now,
      updatedAt: now,
    });
    if (!changed) throw expertErrors.raise('EXPERT_ALREADY_DECIDED');
    await ctx.events.publish(
      tx,
      'experts.decided',
      { expertId, userId: row.userId, decision: body.decision, decidedAt: now.toISOString() },
      now,
    );
    const verified = body.decision === 'verified';
    await notify(
      ctx,
      {
        userId: row.userId,
        kind: 'experts.decision',
        title: verified ? '您的专家认证已通过' : '您的专家认证未通过',
        body: verified
          ? `您已成为筑合专家智库的认证专家，可以回答企业的问题。审核意见：${body.reason}`
          : `审核意见：${body.reason}。您可以修改资料后重新提交。`,
        link: '/experts/apply',
        email: true,
      },
      tx,
    );
  });
  const [row] = await presentApplications(ctx, [(await repo.findExpert(ctx.db, expertId)) as repo.ExpertRow]);
  return row as ExpertApplication;
}

/** 专家列表 verified experts by speciality, region served (a province covers its cities) and free/paid. */
export async function searchExperts(ctx: AppContext, query: ExpertSearchQuery): Promise<ExpertSummary[]> {
  if (query.region && !isKnownRegion(query.region))
    throw expertErrors.raise('EXPERT_REGION_UNKNOWN', { code: query.region });
  let rows = await repo.verifiedExperts(ctx.db, { speciality: query.speciality ?? null, fee: query.fee ?? null });
  if (query.region) {
    const wanted = query.region;
    // serves the region: one of the expert's regions contains it, or lies inside it
    rows = rows.filter((r) =>
      r.regions.some((code) => wanted.startsWith(regionPrefix(code)) || code.startsWith(regionPrefix(wanted))),
    );
  }
  const stats = await repo.expertStats(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentSummary(r, stats.get(r.id)));
}

/** 专家主页 a verified expert's profile, answered count and average rating (others: 404). */
export async function expertPage(ctx: AppContext, expertId: string): Promise<ExpertSummary> {
  const row = await repo.findExpert(ctx.db, expertId);
  if (row?.status !== 'verified') throw expertErrors.raise('EXPERT_NOT_FOUND');
  const stats = await repo.expertStats(ctx.db, [row.id]);
  return presentSummary(row, stats.get(row.id));
}

/** 提问 a member asks in the organisation's name: public, or a private consultation at the expert's fee then. */
export async function ask(ctx: AppContext, actor: Actor, orgId: string, body: ExpertAskBody): Promise<string> {
  let feeFen: number | null = null;
  if (body.visibility === 'private') {
    const expert = body.expertId ? await repo.findExpert(ctx.db, body.expertId) : undefined;
    if (expert?.status !== 'verified') throw expertErrors.raise('EXPERT_NOT_AVAILABLE');
    if (expert.userId === actor.userId) throw expertErrors.raise('EXPERT_ASK_OWN');
    feeFen = expert.feeFen;
  }
  const now = ctx.clock.now();
  if ((await repo.questionsAskedSince(ctx.db, actor.userId, new Date(now.getTime() - DAY_MS))) >= MAX_QUESTIONS_PER_DAY)
    throw expertErrors.raise('EXPERT_QUESTION_LIMIT', { max: MAX_QUESTIONS_PER_DAY });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await repo.insertQuestion(tx, {
      id,
      askerUserId: actor.userId,
      askerOrgId: orgId,
      visibility: body.visibility,
      expertId: body.visibility === 'private' ? body.expertId : null,
      feeFen,
      speciality: body.speciality,
      title: body.title,
      body: body.body,
      status: 'open',
      acceptedAnswerId: null,
      ...questionIndex({ ...body, answers: [] }),
      createdAt: now,
      updatedAt: now,
    });
    await ctx.events.publish(
      tx,
      'experts.question_asked',
      {
        questionId: id,
        orgId,
        visibility: body.visibility,
        expertId: body.expertId,
        feeFen,
        askedAt: now.toISOString(),
      },
      now,
    );
    if (body.visibility === 'private' && body.expertId) {
      const expert = (await repo.findExpert(tx, body.expertId)) as repo.ExpertRow;
      const org = actor.memberships.find((m) => m.orgId === orgId)?.orgName ?? '';
      const fee = feeFen === null ? '免费咨询' : `咨询费 ¥${yuanOf(feeFen)}（线下结算）`;
      await notify(
        ctx,
        {
          userId: expert.userId,
          kind: 'experts.consultation',
          title: `新的私密咨询：${body.title}`,
          body: `${org} 向您发起咨询（${fee}）。`,
          link: `/experts/questions/${id}`,
          email: true,
        },
        tx,
      );
    }
  });
  return id;
}

/**
 * Who sees a question: a public one, everyone signed in; a private consultation, the asking organisation's members
 * and the chosen expert only. Anyone else gets 404, as if it did not exist — staff included (ADR 0130).
 */
async function visibleQuestion(ctx: AppContext, actor: Actor, questionId: string) {
  const row = await repo.findQuestion(ctx.db, questionId);
  if (!row) throw expertErrors.raise('EXPERT_QUESTION_NOT_FOUND');
  const me = await repo.findExpertByUser(ctx.db, actor.userId);
  if (row.visibility === 'private') {
    const member = actor.memberships.some((m) => m.orgId === row.askerOrgId);
    const chosen = !!me && me.id === row.expertId;
    if (!member && !chosen) throw expertErrors.raise('EXPERT_QUESTION_NOT_FOUND');
  }
  return { row, me };
}

async function presentQuestions(ctx: AppContext, rows: repo.QuestionRow[]): Promise<ExpertQuestionSummary[]> {
  const [counts, names, orgs, chosen] = await Promise.all([
    repo.answerCounts(
      ctx.db,
      rows.map((r) => r.id),
    ),
    namesOf(
      ctx,
      rows.map((r) => r.askerUserId),
    ),
    getOrganisations(ctx, [...new Set(rows.map((r) => r.askerOrgId))]),
    repo.expertsByIds(ctx.db, [...new Set(rows.map((r) => r.expertId).filter((id): id is string => !!id))]),
  ]);
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  const experts = new Map(chosen.map((e) => [e.id, e]));
  return rows.map((r) => {
    const expert = r.expertId ? experts.get(r.expertId) : undefined;
    return {
      id: r.id,
      visibility: r.visibility as ExpertQuestionVisibility,
      status: r.status as ExpertQuestionStatus,
      speciality: r.speciality as ExpertSpeciality,
      title: r.title,
      excerpt: r.body.slice(0, 200),
      askerName: names.get(r.askerUserId) ?? '',
      orgName: orgNames.get(r.askerOrgId) ?? '',
      expert: expert ? { id: expert.id, name: expert.name } : null,
      feeYuan: yuanOf(r.feeFen),
      answerCount: counts.get(r.id) ?? 0,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function questionDetail(ctx: AppContext, actor: Actor, questionId: string): Promise<ExpertQuestionDetail> {
  const { row, me } = await visibleQuestion(ctx, actor, questionId);
  const answers = await repo.answersOf(ctx.db, questionId);
  const [ratings, authors, [summary]] = await Promise.all([
    repo.ratingsOf(
      ctx.db,
      answers.map((a) => a.id),
    ),
    repo.expertsByIds(ctx.db, [...new Set(answers.map((a) => a.expertId))]),
    presentQuestions(ctx, [row]),
  ]);
  const byId = new Map(authors.map((e) => [e.id, e]));
  // the asker's own rating of each answer (only the asker rates)
  const rated = new Map(ratings.filter((r) => r.raterUserId === row.askerUserId).map((r) => [r.answerId, r]));
  const presented: ExpertAnswer[] = answers.map((a) => {
    const author = byId.get(a.expertId);
    const rating = rated.get(a.id);
    return {
      id: a.id,
      expert: { id: a.expertId, name: author?.name ?? '', title: author?.title ?? '' },
      body: a.body,
      accepted: row.acceptedAnswerId === a.id,
      rating: rating ? { stars: rating.stars, text: rating.text, at: rating.createdAt.toISOString() } : null,
      createdAt: a.createdAt.toISOString(),
    };
  });
  const canAnswer =
    !!me &&
    me.status === 'verified' &&
    row.status !== 'accepted' &&
    me.userId !== row.askerUserId &&
    (row.visibility === 'public' || me.id === row.expertId) &&
    !answers.some((a) => a.expertId === me.id);
  return {
    ...(summary as ExpertQuestionSummary),
    body: row.body,
    answers: presented,
    canAnswer,
    isAsker: row.askerUserId === actor.userId,
  };
}

/** 问答检索 public questions by the platform's Chinese search (title, question and answers) and speciality. */
export async function searchQuestions(
  ctx: AppContext,
  query: ExpertQuestionSearchQuery,
): Promise<ExpertQuestionSummary[]> {
  const rows = await repo.searchPublic(ctx.db, {
    ...questionQuery(query.q),
    speciality: query.speciality ?? null,
  });
  return presentQuestions(ctx, rows);
}

/** 我的提问 the organisation's questions, public and private, for its members. */
export async function orgQuestions(ctx: AppContext, orgId: string): Promise<ExpertQuestionSummary[]> {
  return presentQuestions(ctx, await repo.questionsOfOrg(ctx.db, orgId));
}

/** 专家收件箱 a verified expert's private consultations and the open public questions in their specialities. */
export async function inbox(ctx: AppContext, actor: Actor): Promise<ExpertQuestionSummary[]> {
  const me = await repo.findExpertByUser(ctx.db, actor.userId);
  if (me?.status !== 'verified') throw expertErrors.raise('EXPERT_NOT_VERIFIED');
  return presentQuestions(ctx, await repo.inboxOf(ctx.db, me));
}

async function reindex(tx: DbOrTx, row: repo.QuestionRow) {
  const answers = await repo.answersOf(tx, row.id);
  return questionIndex({ ...row, answers: answers.map((a) => a.body) });
}

/** 回答 a verified expert answers once per question; the asker is told in-app and by e-mail. */
export async function answer(ctx: AppContext, actor: Actor, questionId: string, body: string): Promise<string> {
  const { me } = await visibleQuestion(ctx, actor, questionId);
  if (me?.status !== 'verified') throw expertErrors.raise('EXPERT_NOT_VERIFIED');
  const now = ctx.clock.now();
  if ((await repo.answersSince(ctx.db, me.id, new Date(now.getTime() - DAY_MS))) >= MAX_ANSWERS_PER_DAY)
    throw expertErrors.raise('EXPERT_ANSWER_LIMIT', { max: MAX_ANSWERS_PER_DAY });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findQuestion(tx, questionId, true);
    if (!row) throw expertErrors.raise('EXPERT_QUESTION_NOT_FOUND');
    if (row.visibility === 'private' && row.expertId !== me.id) throw expertErrors.raise('EXPERT_NOT_CHOSEN');
    if (row.askerUserId === actor.userId) throw expertErrors.raise('EXPERT_ASK_OWN');
    if (row.status === 'accepted') throw expertErrors.raise('EXPERT_QUESTION_CLOSED');
    if ((await repo.answersOf(tx, questionId)).some((a) => a.expertId === me.id))
      throw expertErrors.raise('EXPERT_ALREADY_ANSWERED');
    await repo.insertAnswer(tx, { id, questionId, expertId: me.id, body, createdAt: now });
    await repo.updateQuestion(tx, questionId, { status: 'answered', updatedAt: now, ...(await reindex(tx, row)) });
    await ctx.events.publish(
      tx,
      'experts.answered',
      { questionId, answerId: id, expertId: me.id, answeredAt: now.toISOString() },
      now,
    );
    await notify(
      ctx,
      {
        userId: row.askerUserId,
        kind: 'experts.answer',
        title: `专家 ${me.name} 回答了您的问题`,
        body: row.title,
        link: `/experts/questions/${questionId}`,
        email: true,
      },
      tx,
    );
  });
  return id;
}

async function askersAnswer(ctx: AppContext, actor: Actor, questionId: string, answerId: string) {
  const { row } = await visibleQuestion(ctx, actor, questionId);
  if (row.askerUserId !== actor.userId) throw expertErrors.raise('EXPERT_NOT_ASKER');
  const answerRow = (await repo.answersOf(ctx.db, questionId)).find((a) => a.id === answerId);
  if (!answerRow) throw expertErrors.raise('EXPERT_ANSWER_NOT_FOUND');
  return { row, answerRow };
}

/** 采纳 the asker accepts one answer; the question then takes no more answers. */
export async function accept(ctx: AppContext, actor: Actor, questionId: string, answerId: string): Promise<void> {
  const { answerRow } = await askersAnswer(ctx, actor, questionId, answerId);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findQuestion(tx, questionId, true);
    if (!row) throw expertErrors.raise('EXPERT_QUESTION_NOT_FOUND');
    if (row.status === 'accepted') throw expertErrors.raise('EXPERT_ALREADY_ACCEPTED');
    await repo.updateQuestion(tx, questionId, { status: 'accepted', acceptedAnswerId: answerId, updatedAt: now });
    await ctx.events.publish(
      tx,
      'experts.answer_accepted',
      { questionId, answerId, expertId: answerRow.expertId, acceptedAt: now.toISOString() },
      now,
    );
  });
}

/** 评价 the asker rates an answer once: 1–5 stars and an optional text. */
export async function rate(
  ctx: AppContext,
  actor: Actor,
  questionId: string,
  answerId: string,
  body: ExpertRatingBody,
): Promise<void> {
  const { answerRow } = await askersAnswer(ctx, actor, questionId, answerId);
  const inserted = await repo.insertRating(ctx.db, {
    id: newId(),
    answerId,
    expertId: answerRow.expertId,
    raterUserId: actor.userId,
    stars: body.stars,
    text: body.text,
    createdAt: ctx.clock.now(),
  });
  if (!inserted) throw expertErrors.raise('EXPERT_ALREADY_RATED');
}
