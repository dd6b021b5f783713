import {
  idCardBirthDate,
  maskIdCardNumber,
  type ParsedVerificationPackage,
  type VerificationPackage,
} from '@zhuhe/contracts';
import { appendAuditInTx } from '../../infra/audit/audit-chain';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { decryptField, encryptField, lookupHash, sha256Hex } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import { getFile, type StoredFileRow } from '../files';
import { getUser, getUsers } from '../identity';
import { getOrganisation, getOrganisations, managersOf, setVerificationStatus } from '../organisation';
import {
  addDays,
  credentialStatus,
  documentProblems,
  EXPIRY_WARNING_DAYS,
  runAutomaticChecks,
} from './verification.checks';
import { verificationErrors } from './verification.errors';
import type { CredentialExpired } from './verification.events';
import * as repo from './verification.repository';

export type { QualificationRow, SubmissionRow } from './verification.repository';

/** The parsed (normalised) package, as the route's schema hands it over. */
export type ParsedPackage = ParsedVerificationPackage;
export type VerificationPurpose = 'organisation' | 'merchant';

export interface PreparedVerification {
  submission: repo.NewSubmission & { id: string; orgId: string; status: string };
  qualifications: repo.NewQualification[];
}

/**
 * Validates and checks a package without storing anything: documents that cannot be accepted (expired, dates
 * reversed, files that are not PDFs or images, or not this organisation's) are refused here, and the automatic
 * checks decide between `pending` (to the reviewer) and `needs_correction` (back to the applicant).
 */
export async function prepareVerification(
  ctx: AppContext,
  input: {
    orgId: string;
    userId: string;
    pkg: ParsedPackage | VerificationPackage;
    purpose: VerificationPurpose;
    now: Date;
  },
): Promise<PreparedVerification> {
  const pkg = input.pkg as ParsedPackage;
  const org = await getOrganisation(ctx, input.orgId);
  const today = shanghaiDate(input.now);
  const problems = documentProblems(pkg, today);
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    const issues = problems.map((p) => {
      const e = verificationErrors.raise(p.code, { document: p.document, documentEn: p.documentEn, date: p.date });
      return { path: p.path, code: p.code, message: e.messages() };
    });
    throw verificationErrors.raise(
      first.code,
      { document: first.document, documentEn: first.documentEn, date: first.date },
      issues,
    );
  }
  const files: { id: string; document: string; documentEn: string }[] = [
    { id: pkg.licence.fileId, document: '营业执照', documentEn: 'business licence' },
    { id: pkg.idCard.frontFileId, document: '身份证人像面', documentEn: 'ID card (photo side)' },
    { id: pkg.idCard.backFileId, document: '身份证国徽面', documentEn: 'ID card (emblem side)' },
    ...pkg.qualifications.map((q) => ({
      id: q.fileId,
      document: `资质证书 ${q.number}`,
      documentEn: `certificate ${q.number}`,
    })),
  ];
  for (const f of files) {
    const file = await getFile(ctx, input.orgId, f.id);
    if (file.kind !== 'pdf' && file.kind !== 'image')
      throw verificationErrors.raise('VERIFICATION_FILE_KIND', { document: f.document, documentEn: f.documentEn });
  }
  const duplicateOrgId = await repo.otherOrgWithCreditCode(ctx.db, pkg.licence.creditCode, input.orgId);
  const duplicateOrgName = duplicateOrgId ? ((await getOrganisations(ctx, [duplicateOrgId]))[0]?.name ?? '—') : null;
  const checks = runAutomaticChecks(pkg, { orgName: org.name, orgCreditCode: org.creditCode, today, duplicateOrgName });
  const status = checks.some((c) => c.status === 'fail') ? 'needs_correction' : 'pending';
  const id = newId();
  return {
    submission: {
      orgId: input.orgId,
      id,
      purpose: input.purpose,
      status,
      licenceCreditCode: pkg.licence.creditCode,
      licenceCompanyName: pkg.licence.companyName,
      licenceLegalRepresentative: pkg.licence.legalRepresentative,
      licenceCapitalFen: pkg.licence.registeredCapitalFen,
      licenceAddress: pkg.licence.address,
      licenceValidFrom: pkg.licence.validFrom,
      licenceValidUntil: pkg.licence.validUntil,
      licenceFileId: pkg.licence.fileId,
      idName: pkg.idCard.name,
      idNumberEnc: encryptField(ctx.config.fieldKeys, pkg.idCard.number),
      idNumberHash: lookupHash(ctx.config.lookupKey, `id-card:${pkg.idCard.number}`),
      idNumberMasked: maskIdCardNumber(pkg.idCard.number),
      idBirthDate: idCardBirthDate(pkg.idCard.number, input.now) ?? '1900-01-01',
      idValidUntil: pkg.idCard.validUntil,
      idFrontFileId: pkg.idCard.frontFileId,
      idBackFileId: pkg.idCard.backFileId,
      checks,
      submittedBy: input.userId,
      submittedAt: input.now,
    },
    qualifications: pkg.qualifications.map((q, position) => ({
      orgId: input.orgId,
      id: newId(),
      verificationId: id,
      position,
      kind: q.kind,
      category: q.category,
      grade: q.grade,
      number: q.number,
      issuer: q.issuer,
      validFrom: q.validFrom,
      validUntil: q.validUntil,
      fileId: q.fileId,
    })),
  };
}

/**
 * Stores a prepared submission inside the caller's transaction: earlier open submissions of the organisation are
 * superseded, and the organisation's 实名核验 status follows (an already verified organisation stays verified
 * while a renewal waits).
 */
export async function savePreparedVerification(
  ctx: AppContext,
  tx: DbOrTx,
  prepared: PreparedVerification,
  currentOrgStatus: string,
): Promise<repo.SubmissionRow> {
  const { submission } = prepared;
  await repo.setStatusWhere(tx, submission.orgId, ['needs_correction', 'pending'], 'superseded');
  const row = await repo.insertSubmission(tx, submission);
  await repo.insertQualifications(tx, prepared.qualifications);
  if (currentOrgStatus !== 'verified') {
    await setVerificationStatus(ctx, submission.orgId, submission.status === 'pending' ? 'pending' : 'unverified', tx);
  }
  return row;
}

/** 提交实名核验 for an organisation that is not applying as a merchant. */
export async function submitVerification(
  ctx: AppContext,
  actor: { userId: string },
  orgId: string,
  pkg: ParsedPackage,
  now = new Date(),
): Promise<repo.SubmissionRow> {
  const prepared = await prepareVerification(ctx, { orgId, userId: actor.userId, pkg, purpose: 'organisation', now });
  const org = await getOrganisation(ctx, orgId);
  return ctx.db.transaction((tx) => savePreparedVerification(ctx, tx, prepared, org.verification));
}

export async function latestVerification(ctx: AppContext, orgId: string): Promise<repo.SubmissionRow | undefined> {
  return repo.latestSubmission(ctx.db, orgId);
}

export async function getVerification(ctx: AppContext, verificationId: string): Promise<repo.SubmissionRow> {
  const row = await repo.findSubmission(ctx.db, verificationId);
  if (!row) throw verificationErrors.raise('VERIFICATION_NOT_FOUND');
  return row;
}

export async function listVerifications(ctx: AppContext, status?: string, limit = 100) {
  return repo.listSubmissions(ctx.db, status, limit);
}

export interface DecideInput {
  decision: 'approve' | 'reject';
  reasons: string[];
}

export interface PreparedDecision {
  row: repo.SubmissionRow;
  userId: string;
  reviewerName: string;
  orgStatus: string;
}

/**
 * Reads what a decision needs, outside any transaction (PGlite has one connection). Merchant verifications are
 * decided through the merchant application (`viaMerchant`), which then applies the decision in its transaction.
 */
export async function prepareDecision(
  ctx: AppContext,
  actor: { userId: string },
  verificationId: string,
  options: { viaMerchant?: boolean } = {},
): Promise<PreparedDecision> {
  const row = await getVerification(ctx, verificationId);
  if (row.purpose === 'merchant' && !options.viaMerchant)
    throw verificationErrors.raise('VERIFICATION_DECIDED_WITH_MERCHANT');
  if (row.status !== 'pending') throw verificationErrors.raise('VERIFICATION_NOT_PENDING');
  const reviewer = await getUser(ctx, actor.userId);
  const org = await getOrganisation(ctx, row.orgId);
  return { row, userId: actor.userId, reviewerName: reviewer?.displayName ?? '—', orgStatus: org.verification };
}

/** Writes a reviewer's decision (reasons required when rejecting) inside the caller's transaction. */
export async function applyDecision(
  ctx: AppContext,
  tx: DbOrTx,
  prepared: PreparedDecision,
  input: DecideInput,
  now = new Date(),
): Promise<repo.SubmissionRow> {
  const { row } = prepared;
  const decided = await repo.updateSubmission(tx, row.id, 'pending', {
    status: input.decision === 'approve' ? 'approved' : 'rejected',
    decision: input.decision,
    decisionReasons: input.reasons,
    decidedBy: prepared.userId,
    decidedByName: prepared.reviewerName,
    decidedAt: now,
  });
  if (!decided) throw verificationErrors.raise('VERIFICATION_NOT_PENDING');
  if (input.decision === 'approve') {
    await repo.setStatusWhere(tx, row.orgId, ['approved'], 'superseded', row.id);
    await setVerificationStatus(ctx, row.orgId, 'verified', tx);
    await ctx.events.publish(
      tx,
      'verification.approved',
      {
        orgId: row.orgId,
        verificationId: row.id,
        licenceCreditCode: row.licenceCreditCode,
        decidedAt: now.toISOString(),
      },
      now,
    );
  } else if (prepared.orgStatus !== 'verified') {
    await setVerificationStatus(ctx, row.orgId, 'rejected', tx);
  }
  return decided;
}

/** 审核结论 a reviewer's decision on an organisation's own verification. */
export async function decideVerification(
  ctx: AppContext,
  actor: { userId: string },
  verificationId: string,
  input: DecideInput,
  now = new Date(),
): Promise<repo.SubmissionRow> {
  const prepared = await prepareDecision(ctx, actor, verificationId);
  return ctx.db.transaction((tx) => applyDecision(ctx, tx, prepared, input, now));
}

/** The full ID number, for the reviewer who needs it; the route is staff-only and every call is audited. */
export async function revealIdNumber(ctx: AppContext, verificationId: string): Promise<string> {
  const row = await getVerification(ctx, verificationId);
  return decryptField(ctx.config.fieldKeys, row.idNumberEnc);
}

function fileIdsOf(row: repo.SubmissionRow, qualifications: repo.QualificationRow[]): string[] {
  return [row.licenceFileId, row.idFrontFileId, row.idBackFileId, ...qualifications.map((q) => q.fileId)];
}

/** A document of a submission, for the reviewer (staff are not members of the applicant's organisation). */
export async function verificationFile(
  ctx: AppContext,
  verificationId: string,
  fileId: string,
): Promise<StoredFileRow> {
  const row = await getVerification(ctx, verificationId);
  const qualifications = await repo.qualificationsOf(ctx.db, [row.id]);
  if (!fileIdsOf(row, qualifications).includes(fileId))
    throw verificationErrors.raise('VERIFICATION_FILE_NOT_IN_SUBMISSION');
  return getFile(ctx, row.orgId, fileId);
}

export interface VerificationView {
  row: repo.SubmissionRow;
  orgName: string;
  qualifications: repo.QualificationRow[];
  files: Map<string, StoredFileRow>;
  today: string;
}

/** Everything the presenter needs about submissions: qualifications, files and organisation names. */
export async function loadViews(
  ctx: AppContext,
  rows: repo.SubmissionRow[],
  now = new Date(),
): Promise<VerificationView[]> {
  const qualifications = await repo.qualificationsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const orgs = new Map(
    (
      await getOrganisations(
        ctx,
        rows.map((r) => r.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  const views: VerificationView[] = [];
  for (const row of rows) {
    const own = qualifications.filter((q) => q.verificationId === row.id);
    const files = new Map<string, StoredFileRow>();
    for (const id of fileIdsOf(row, own)) {
      const file = await getFile(ctx, row.orgId, id).catch(() => null);
      if (file) files.set(id, file);
    }
    views.push({ row, orgName: orgs.get(row.orgId) ?? '—', qualifications: own, files, today: shanghaiDate(now) });
  }
  return views;
}

/** Qualifications an organisation holds now: approved and not expired (for tenders and matching). */
export async function validQualifications(ctx: AppContext, orgId: string, at = new Date()) {
  const row = await repo.latestSubmission(ctx.db, orgId);
  const approved = row?.status === 'approved' ? row : undefined;
  if (!approved) return [];
  const today = shanghaiDate(at);
  return (await repo.qualificationsOf(ctx.db, [approved.id])).filter(
    (q) => q.status !== 'expired' && credentialStatus(q.validUntil, today) !== 'expired',
  );
}

/** The valid qualifications of several organisations at once, by organisation (as `validQualifications`). */
export async function validQualificationsOf(ctx: AppContext, orgIds: readonly string[], at = new Date()) {
  const approved = (await repo.latestSubmissions(ctx.db, orgIds)).filter((row) => row.status === 'approved');
  const today = shanghaiDate(at);
  const byOrg = new Map<string, Awaited<ReturnType<typeof repo.qualificationsOf>>>(orgIds.map((id) => [id, []]));
  const orgOf = new Map(approved.map((row) => [row.id, row.orgId]));
  for (const q of await repo.qualificationsOf(ctx.db, [...orgOf.keys()]))
    if (q.status !== 'expired' && credentialStatus(q.validUntil, today) !== 'expired')
      byOrg.get(orgOf.get(q.verificationId) as string)?.push(q);
  return byOrg;
}

async function managerEmails(ctx: AppContext, orgId: string): Promise<{ id: string; email: string }[]> {
  const users = await getUsers(ctx, await managersOf(ctx, orgId));
  return users.flatMap((u) => (u.email ? [{ id: u.id, email: u.email }] : []));
}

async function notify(
  ctx: AppContext,
  recipients: { id: string; email: string }[],
  message: { subject: string; text: string },
  tx: DbOrTx,
  key: string,
) {
  for (const r of recipients)
    await queueMail(ctx.jobs, { to: r.email, ...message }, { tx, dedupeKey: `${key}:${r.id}` });
}

/**
 * 到期监控 the daily expiry watch: 30 days before a licence, ID card or certificate of an approved verification
 * ends, the organisation's managers are warned (once); when it has ended, it is marked expired, the privileges
 * that depend on it are suspended through the listeners, and the change is written to the audit chain.
 */
export async function runExpiryWatch(ctx: AppContext, now = new Date()): Promise<{ warned: number; expired: number }> {
  const today = shanghaiDate(now);
  const horizon = addDays(today, EXPIRY_WARNING_DAYS);
  const { licences, idCards } = await repo.approvedEndingBy(ctx.db, horizon);
  const quals = await repo.approvedQualificationsEndingBy(ctx.db, horizon);
  const subjects: (CredentialExpired & { subject: string; labelEn: string; qualificationId?: string })[] = [
    ...licences.map((r) => ({
      orgId: r.orgId,
      verificationId: r.id,
      credential: 'licence' as const,
      label: '营业执照',
      labelEn: 'business licence',
      validUntil: r.licenceValidUntil as string,
      subject: `licence:${r.id}`,
    })),
    ...idCards.map((r) => ({
      orgId: r.orgId,
      verificationId: r.id,
      credential: 'id_card' as const,
      label: '法定代表人身份证',
      labelEn: "legal representative's ID card",
      validUntil: r.idValidUntil as string,
      subject: `id_card:${r.id}`,
    })),
    ...quals.map(({ q }) => ({
      orgId: q.orgId,
      verificationId: q.verificationId,
      credential: 'qualification' as const,
      label: `资质证书 ${q.number}`,
      labelEn: `certificate ${q.number}`,
      validUntil: q.validUntil,
      subject: `qualification:${q.id}`,
      qualificationId: q.id,
    })),
  ];
  let warned = 0;
  let expired = 0;
  for (const s of subjects) {
    const isExpired = s.validUntil < today;
    // Read outside the transaction: PGlite has one connection.
    const recipients = await managerEmails(ctx, s.orgId);
    await ctx.db.transaction(async (tx) => {
      const fresh = await repo.insertNoticeOnce(tx, {
        orgId: s.orgId,
        id: newId(),
        subject: s.subject,
        kind: isExpired ? 'expired' : 'warning',
        validUntil: s.validUntil,
      });
      if (!fresh) return;
      if (!isExpired) {
        warned += 1;
        await notify(
          ctx,
          recipients,
          {
            subject: `【筑合】${s.label}将于 ${s.validUntil} 到期`,
            text:
              `${s.label}将于 ${s.validUntil} 到期。请在到期前提交更新后的证件，以免相关权限被暂停。\n` +
              `Your ${s.labelEn} expires on ${s.validUntil}. Submit the renewed document before then so that the privileges that depend on it are not suspended.`,
          },
          tx,
          `expiry-warning:${s.subject}:${s.validUntil}`,
        );
        return;
      }
      expired += 1;
      if (s.qualificationId) await repo.setQualificationStatus(tx, s.orgId, s.qualificationId, 'expired');
      else if (s.credential !== 'qualification') {
        await repo.setCredentialStatus(tx, s.verificationId, s.credential, 'expired');
        await setVerificationStatus(ctx, s.orgId, 'expired', tx);
      }
      await ctx.events.publish(tx, 'verification.credential_expired', {
        orgId: s.orgId,
        verificationId: s.verificationId,
        credential: s.credential,
        label: s.label,
        validUntil: s.validUntil,
      });
      await appendAuditInTx(tx, {
        actorUserId: null,
        orgId: s.orgId,
        action: 'verification.credential_expired',
        target: s.subject,
        digest: sha256Hex(`${s.subject}|${s.validUntil}|${today}`),
        ip: null,
      });
      await notify(
        ctx,
        recipients,
        {
          subject: `【筑合】${s.label}已过期，相关权限已暂停`,
          text:
            `${s.label}已于 ${s.validUntil} 过期，依赖它的平台权限已暂停。请提交更新后的证件，审核通过后自动恢复。\n` +
            `Your ${s.labelEn} expired on ${s.validUntil}; the privileges that depend on it are suspended until a renewed document is approved.`,
        },
        tx,
        `expiry-expired:${s.subject}:${s.validUntil}`,
      );
    });
  }
  return { warned, expired };
}

export function registerVerificationJobs(ctx: AppContext): void {
  ctx.jobs.schedule('verification.expiry-watch', '0 7 * * *', async () => {
    await runExpiryWatch(ctx, new Date());
  });
}
