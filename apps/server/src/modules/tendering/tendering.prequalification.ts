import type { PrequalReport } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { signedContractCounts } from '../contracts';
import { creditGradeOf } from '../credit';
import { validQualifications } from '../verification';
import { tenderErrors } from './tendering.errors';
import { renderPrequalPdf } from './tendering.pdf';
import { orgName, visibleTender } from './tendering.queries';
import * as repo from './tendering.repository';
import { demandGradeToQualificationGrade, GRADE_NAMES, gradeMeets, qualificationMatches } from './tendering.rules';

/**
 * 资格预审 the automatic checks of one bidder: platform verification, a valid certificate of the required kind
 * and at least the required grade, credit grade (C may not bid, CREDIT-3), and past performance on the platform.
 */
export async function prequalify(
  ctx: AppContext,
  tender: repo.TenderRow,
  bidderOrgId: string,
  at: Date,
): Promise<PrequalReport> {
  const [qualifications, grades, counts, name] = await Promise.all([
    validQualifications(ctx, bidderOrgId, at),
    creditGradeOf(ctx, [bidderOrgId]),
    signedContractCounts(ctx, [bidderOrgId]),
    orgName(ctx, bidderOrgId),
  ]);
  const checks: PrequalReport['checks'] = [];
  const reasons: PrequalReport['reasons'] = [];
  const requiredGrade = demandGradeToQualificationGrade(tender.qualificationGrade);
  const requirementZh = `${tender.qualificationKind || '不限类别'}，${tender.qualificationGrade}`;

  const verified = qualifications.length > 0;
  checks.push({
    key: 'verification',
    passed: verified,
    detail: verified
      ? { 'zh-CN': '已通过平台实名核验，资质证书在有效期内', en: 'Verified on the platform with certificates in force' }
      : {
          'zh-CN': '未通过平台实名核验或没有有效的资质证书',
          en: 'Not verified on the platform, or no certificate in force',
        },
  });
  if (!verified)
    reasons.push({ 'zh-CN': '未通过实名核验或资质证书已过期', en: 'not verified, or certificates have expired' });

  const matching = qualifications.filter(
    (q) => qualificationMatches(tender.qualificationKind, q) && gradeMeets(q.grade, requiredGrade),
  );
  const best = matching[0];
  checks.push({
    key: 'qualification',
    passed: Boolean(best),
    detail: best
      ? {
          'zh-CN': `${best.category}${GRADE_NAMES[best.grade] ?? best.grade}（证书 ${best.number}，有效期至 ${best.validUntil}）满足要求：${requirementZh}`,
          en: `${best.category} ${best.grade} (certificate ${best.number}, valid until ${best.validUntil}) meets the requirement`,
        }
      : {
          'zh-CN': `没有满足要求的有效资质（要求：${requirementZh}）`,
          en: `No certificate in force meets the requirement (${tender.qualificationKind || 'any kind'}, ${requiredGrade ?? 'any grade'})`,
        },
  });
  if (!best && verified)
    reasons.push({
      'zh-CN': `资质不满足要求（${requirementZh}）`,
      en: `no qualification meeting the requirement (${tender.qualificationKind || 'any kind'}, ${requiredGrade ?? 'any grade'})`,
    });

  const grade = grades.get(bidderOrgId)?.grade ?? null;
  const creditOk = grade !== 'C';
  checks.push({
    key: 'credit',
    passed: creditOk,
    detail: grade
      ? creditOk
        ? { 'zh-CN': `信用等级 ${grade}`, en: `Credit grade ${grade}` }
        : { 'zh-CN': '信用等级 C：按平台规则不得投标', en: 'Credit grade C: the platform rules bar it from bidding' }
      : { 'zh-CN': '尚未评定信用等级', en: 'No credit grade yet' },
  });
  if (!creditOk) reasons.push({ 'zh-CN': '信用等级为 C，不得投标', en: 'credit grade C may not bid' });

  const signed = counts.get(bidderOrgId) ?? 0;
  checks.push({
    key: 'performance',
    passed: true,
    detail: {
      'zh-CN': `在平台签署的合同 ${signed} 份`,
      en: `${signed} contract(s) signed on the platform`,
    },
  });
  return {
    tenderId: tender.id,
    bidderOrgId,
    bidderName: name,
    requirement: { kind: tender.qualificationKind, grade: tender.qualificationGrade },
    checkedAt: at.toISOString(),
    checks,
    creditGrade: grade,
    signedContracts: signed,
    result: reasons.length === 0 ? 'passed' : 'failed',
    reasons,
  };
}

/** 预审报告: a bidder sees its own at any time; the buyer sees every bidder's only after opening. */
export async function prequalReports(
  ctx: AppContext,
  orgId: string,
  tenderId: string,
  bidderOrgId?: string,
): Promise<{ title: string; reports: PrequalReport[] }> {
  const { tender, role } = await visibleTender(ctx, orgId, tenderId);
  if (role === 'bidder') {
    if (bidderOrgId && bidderOrgId !== orgId) throw tenderErrors.raise('TENDER_NOT_FOUND');
    return { title: tender.title, reports: [await prequalify(ctx, tender, orgId, await repo.dbNow(ctx.db))] };
  }
  const opening = await repo.findOpening(ctx.db, tenderId);
  if (!opening) throw tenderErrors.raise('TENDER_SEALED');
  const record = opening.record;
  const bidders = record.bids.filter((b) => !bidderOrgId || b.bidderOrgId === bidderOrgId);
  if (bidderOrgId && bidders.length === 0) throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  return {
    title: tender.title,
    reports: await Promise.all(bidders.map((b) => prequalify(ctx, tender, b.bidderOrgId, opening.openedAt))),
  };
}

export async function prequalPdf(ctx: AppContext, orgId: string, tenderId: string, bidderOrgId?: string) {
  const { title, reports } = await prequalReports(ctx, orgId, tenderId, bidderOrgId ?? orgId);
  const report = reports[0];
  if (!report) throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  return { name: `资格预审报告-${report.bidderName}.pdf`, bytes: await renderPrequalPdf(title, report) };
}
