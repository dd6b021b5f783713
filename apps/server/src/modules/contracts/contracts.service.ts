import type { ContractKind } from '@zhuhe/contracts';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { recordProductEvent } from '../analytics';
import { appendEvidence } from '../evidence';
import { getFile, readFileContent, storeFile } from '../files';
import { getUser } from '../identity';
import { getOrganisation } from '../organisation';
import { platformSealProvider } from '../signing';
import { contractErrors } from './contracts.errors';
import {
  bodyHash,
  diffLines,
  formatFen,
  renderBody,
  renderContractPdf,
  type Variables,
  validateVariables,
} from './contracts.render';
import * as repo from './contracts.repository';
import { CONTRACT_TEMPLATES } from './contracts.templates';

export type { ContractRow, PartyRow, SignatureRow, VersionRow } from './contracts.repository';

interface Actor {
  userId: string;
}

export function listTemplates() {
  return Object.values(CONTRACT_TEMPLATES);
}

async function partyInfos(ctx: AppContext, parties: repo.PartyRow[]) {
  return Promise.all(
    parties.map(async (p) => {
      const org = await getOrganisation(ctx, p.orgId);
      return { orgId: p.orgId, role: p.role as 'party_a' | 'party_b', name: org.name, creditCode: org.creditCode };
    }),
  );
}

/** 中标信息 what a tender award fixes: the amount and priced bill of quantities, the scope and the dates. */
export interface AwardPrefill {
  projectName: string;
  scope: string;
  amountFen: number;
  boq: { name: string; spec: string; unit: string; quantity: number; unitPriceFen: number; totalFen: number }[];
  startDate?: string | null;
  endDate?: string | null;
}

/** The template variables an award fills for each contract kind; the award's values win over typed ones. */
export function awardVariables(kind: ContractKind, award: AwardPrefill): Variables {
  const boq = award.boq
    .map(
      (l, i) =>
        `${i + 1}. ${l.name}${l.spec ? `（${l.spec}）` : ''}：${l.quantity} ${l.unit} × ${formatFen(l.unitPriceFen)} = ${formatFen(l.totalFen)}`,
    )
    .join('\n');
  const dates = (start: string, end: string): Variables => ({
    ...(award.startDate ? { [start]: award.startDate } : {}),
    ...(award.endDate ? { [end]: award.endDate } : {}),
  });
  const common = { projectName: award.projectName, amountFen: award.amountFen, billOfQuantities: boq };
  if (kind === 'subcontract') return { ...common, scope: award.scope, ...dates('startDate', 'endDate') };
  if (kind === 'purchase')
    return { ...common, goods: award.scope, ...(award.endDate ? { deliveryDate: award.endDate } : {}) };
  return { ...common, equipment: award.scope, ...dates('leaseStart', 'leaseEnd') };
}

/**
 * 甲方 (the initiating organisation) drafts a contract with a counterparty from a template; version 1. From a
 * tender award, the award fills the parties' amount, bill of quantities, scope and dates (`award`).
 */
export async function createContract(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { kind: ContractKind; counterpartyOrgId: string; title: string; variables: Variables; award?: AwardPrefill },
): Promise<string> {
  if (input.counterpartyOrgId === orgId) throw contractErrors.raise('CONTRACT_COUNTERPARTY_INVALID');
  await getOrganisation(ctx, input.counterpartyOrgId).catch(() => {
    throw contractErrors.raise('CONTRACT_COUNTERPARTY_INVALID');
  });
  const template = CONTRACT_TEMPLATES[input.kind];
  const variables = validateVariables(
    template,
    input.award ? { ...input.variables, ...awardVariables(input.kind, input.award) } : input.variables,
  );
  const parties: repo.PartyRow[] = [];
  const id = newId();
  parties.push(
    { orgId, contractId: id, role: 'party_a' },
    { orgId: input.counterpartyOrgId, contractId: id, role: 'party_b' },
  );
  const body = renderBody(template, input.title, await partyInfos(ctx, parties), variables);
  const sha256 = bodyHash(body);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.insertContract(tx, {
      id,
      initiatorOrgId: orgId,
      kind: input.kind,
      templateVersion: template.version,
      title: input.title,
      status: 'negotiating',
      currentVersion: 1,
    });
    await repo.insertParties(tx, parties);
    await repo.insertVersion(tx, {
      contractId: id,
      versionNo: 1,
      variables,
      bodyText: body,
      bodySha256: sha256,
      proposedByOrgId: orgId,
      proposedByUserId: actor.userId,
      createdAt: now,
    });
    await appendEvidence(ctx, { kind: 'contract.version', subject: `contract:${id}:v1`, sha256, orgId }, tx);
    await recordProductEvent(
      ctx,
      { name: 'contract.drafted', userId: actor.userId, orgId, properties: { kind: input.kind } },
      tx,
    );
  });
  return id;
}

export async function getContract(ctx: AppContext, orgId: string, contractId: string) {
  const contract = await repo.findForParty(ctx.db, orgId, contractId);
  if (!contract) throw contractErrors.raise('CONTRACT_NOT_FOUND');
  const [parties, versions, signatures] = await Promise.all([
    repo.partiesOf(ctx.db, contractId),
    repo.versionsOf(ctx.db, contractId),
    repo.signaturesFor(ctx.db, contractId, contract.currentVersion),
  ]);
  return { contract, parties: await partyInfos(ctx, parties), versions, signatures };
}

export async function listContracts(ctx: AppContext, orgId: string) {
  const rows = await repo.listForOrg(ctx.db, orgId, 200);
  const parties = await repo.partiesOfMany(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = new Map<string, string>();
  for (const p of parties) if (!names.has(p.orgId)) names.set(p.orgId, (await getOrganisation(ctx, p.orgId)).name);
  return rows.map((contract) => {
    const other = parties.find((p) => p.contractId === contract.id && p.orgId !== orgId);
    return {
      contract,
      counterparty: { orgId: other?.orgId ?? orgId, orgName: names.get(other?.orgId ?? orgId) ?? '—' },
    };
  });
}

/**
 * A party proposes a new version (negotiation, or an amendment of a signed contract). Consents given for the
 * previous version no longer apply: everyone signs the new text.
 */
export async function proposeVersion(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  input: { variables: Variables; note?: string | undefined },
) {
  const { contract, parties } = await getContract(ctx, orgId, contractId);
  const template = CONTRACT_TEMPLATES[contract.kind as ContractKind];
  const variables = validateVariables(template, input.variables);
  const body = renderBody(template, contract.title, parties, variables);
  const sha256 = bodyHash(body);
  const versionNo = contract.currentVersion + 1;
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.findForParty(tx, orgId, contractId, true);
    if (!locked || locked.currentVersion + 1 !== versionNo)
      throw contractErrors.raise('CONTRACT_NOT_CURRENT_VERSION', { current: locked?.currentVersion ?? 0 });
    await repo.insertVersion(tx, {
      contractId,
      versionNo,
      variables,
      bodyText: body,
      bodySha256: sha256,
      note: input.note ?? null,
      proposedByOrgId: orgId,
      proposedByUserId: actor.userId,
      createdAt: ctx.clock.now(),
    });
    await repo.updateContract(tx, contractId, {
      currentVersion: versionNo,
      status: locked.signedVersion ? 'amending' : 'negotiating',
    });
    await appendEvidence(
      ctx,
      { kind: 'contract.version', subject: `contract:${contractId}:v${versionNo}`, sha256, orgId },
      tx,
    );
  });
}

export async function diffVersions(
  ctx: AppContext,
  orgId: string,
  contractId: string,
  versionNo: number,
  against: number,
) {
  const { versions } = await getContract(ctx, orgId, contractId);
  const to = versions.find((v) => v.versionNo === versionNo);
  const from = versions.find((v) => v.versionNo === against);
  if (!to || !from) throw contractErrors.raise('CONTRACT_VERSION_NOT_FOUND');
  return { from: against, to: versionNo, lines: diffLines(from.bodyText, to.bodyText) };
}

/**
 * 签署: an authorised signer of a party consents, after step-up 2FA, to sign the current version. When every
 * party has consented the contract is sealed: the PDF with its signing page is rendered, each party's seal signs
 * it (PAdES, with that party's consent time), it is stored and its hash goes into the evidence log.
 */
export async function signVersion(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  contractId: string,
  versionNo: number,
): Promise<void> {
  const user = await getUser(ctx, actor.userId);
  await ctx.db.transaction(async (tx) => {
    const contract = await repo.findForParty(tx, orgId, contractId, true);
    if (!contract) throw contractErrors.raise('CONTRACT_NOT_FOUND');
    if (contract.currentVersion !== versionNo)
      throw contractErrors.raise('CONTRACT_NOT_CURRENT_VERSION', { current: contract.currentVersion });
    if (contract.signedVersion === versionNo) throw contractErrors.raise('CONTRACT_VERSION_SIGNED');
    const existing = await repo.signaturesFor(tx, contractId, versionNo);
    if (existing.some((s) => s.orgId === orgId)) throw contractErrors.raise('CONTRACT_ALREADY_SIGNED');
    await repo.insertSignature(tx, {
      contractId,
      versionNo,
      orgId,
      signerUserId: actor.userId,
      signerName: user?.displayName ?? '—',
      signedAt: ctx.clock.now(),
    });
  });
  await sealIfComplete(ctx, contractId, versionNo);
}

async function sealIfComplete(ctx: AppContext, contractId: string, versionNo: number): Promise<void> {
  const [partyRows, signatures, versions] = await Promise.all([
    repo.partiesOf(ctx.db, contractId),
    repo.signaturesFor(ctx.db, contractId, versionNo),
    repo.versionsOf(ctx.db, contractId),
  ]);
  if (!partyRows.every((p) => signatures.some((s) => s.orgId === p.orgId))) return;
  const version = versions.find((v) => v.versionNo === versionNo);
  const initiator = partyRows.find((p) => p.role === 'party_a');
  if (!version || !initiator) return;
  const [contract] = await Promise.all([repo.findForParty(ctx.db, initiator.orgId, contractId)]);
  if (!contract || contract.signedVersion === versionNo) return;
  const parties = await partyInfos(ctx, partyRows);
  const template = CONTRACT_TEMPLATES[contract.kind as ContractKind];
  const signatories = signatures.map((s) => {
    const p = parties.find((x) => x.orgId === s.orgId);
    return {
      role: p?.role ?? 'party_b',
      orgName: p?.name ?? '—',
      creditCode: p?.creditCode ?? '—',
      signerName: s.signerName,
      signedAt: s.signedAt,
    };
  });
  const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
  let pdf = await renderContractPdf({
    template,
    title: contract.title,
    contractId,
    versionNo,
    body: version.bodyText,
    signatories,
    verifyUrl: `${base}/verify`,
  });
  const provider = platformSealProvider(ctx);
  for (const s of signatures) {
    const p = parties.find((x) => x.orgId === s.orgId);
    if (!p) continue;
    pdf = await provider.signPdf(pdf, {
      org: { id: p.orgId, name: p.name, creditCode: p.creditCode },
      signer: { userId: s.signerUserId, name: s.signerName },
      reason: `${p.role === 'party_a' ? '甲方' : '乙方'}签署 ${contract.title}（第 ${versionNo} 版）`,
      signingTime: s.signedAt,
    });
  }
  const partyB = parties.find((p) => p.role === 'party_b');
  const placeOfWork = (await getOrganisation(ctx, initiator.orgId)).regionCode ?? '';
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.findForParty(tx, initiator.orgId, contractId, true);
    if (!locked || locked.signedVersion === versionNo) return;
    const file = await storeFile(
      ctx,
      {
        orgId: initiator.orgId,
        userId: null,
        name: `${contract.title}-第${versionNo}版-已签署.pdf`,
        bytes: pdf,
        accept: ['pdf'],
      },
      tx,
    );
    const entry = await appendEvidence(
      ctx,
      {
        kind: 'contract.signed',
        subject: `contract:${contractId}:v${versionNo}:signed`,
        sha256: file.sha256,
        orgId: initiator.orgId,
      },
      tx,
    );
    await repo.updateContract(tx, contractId, {
      status: 'signed',
      signedVersion: versionNo,
      signedFileId: file.id,
      signedSha256: file.sha256,
      // the last consent ends the signing clock (FLOW-4), on the business clock like the consents
      signedAt: signatures.reduce((last, s) => (s.signedAt > last ? s.signedAt : last), new Date(0)),
      signedEvidenceIndex: entry.entryIndex,
      amendmentCount: locked.signedVersion ? locked.amendmentCount + 1 : locked.amendmentCount,
    });
    await recordProductEvent(
      ctx,
      {
        name: 'contract.signed',
        orgId: initiator.orgId,
        properties: { versionNo, amendment: Boolean(locked.signedVersion) },
      },
      tx,
    );
    // 合作记录 and anything else that reacts to a signature subscribes to `contract.signed` (same transaction).
    const partyA = parties.find((p) => p.orgId === initiator.orgId);
    if (partyA && partyB) {
      const amount = Number(version.variables.amountFen);
      await ctx.events.publish(tx, 'contract.signed', {
        contractId,
        kind: contract.kind,
        title: contract.title,
        buyer: { orgId: partyA.orgId, name: partyA.name },
        supplier: { orgId: partyB.orgId, name: partyB.name },
        regionCode: placeOfWork,
        amountFen: Number.isFinite(amount) && amount > 0 ? amount : null,
        signedOn: shanghaiDate(new Date()),
        versionNo,
        amendment: Boolean(locked.signedVersion),
      });
    }
  });
}

/** The signed PDF, for either party. */
export async function signedPdf(
  ctx: AppContext,
  orgId: string,
  contractId: string,
): Promise<{ name: string; bytes: Buffer } | null> {
  const contract = await repo.findForParty(ctx.db, orgId, contractId);
  if (!contract) throw contractErrors.raise('CONTRACT_NOT_FOUND');
  if (!contract.signedFileId) return null;
  const file = await getFile(ctx, contract.initiatorOrgId, contract.signedFileId);
  return { name: file.name, bytes: await readFileContent(ctx, file) };
}

/** 平台履约业绩: signed contracts each organisation is party to (organisations with none are absent). */
/** 在手合同 the signed contracts each organisation performs (a party, not the initiator), with their amounts in fen. */
export async function openContractAmountsOf(
  ctx: AppContext,
  orgIds: readonly string[],
): Promise<{ orgId: string; contractId: string; amountFen: number }[]> {
  const rows = await repo.openContractAmounts(ctx.db, [...orgIds]);
  return rows.map((r) => {
    const amount = Number(r.amountFen);
    return { orgId: r.orgId, contractId: r.contractId, amountFen: Number.isFinite(amount) && amount > 0 ? amount : 0 };
  });
}

export async function signedContractCounts(ctx: AppContext, orgIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await repo.signedCounts(ctx.db, [...orgIds]);
  return new Map(rows.map((r) => [r.orgId, Number(r.n)]));
}
