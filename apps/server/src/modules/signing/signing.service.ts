import type { AppContext } from '../../infra/context';
import { decryptField, encryptField } from '../../infra/crypto';
import { newId } from '../../infra/ids';
import { signPdfIncrementally } from './signing.pdf';
import { certificateSha256, createRootCa, type IssuedCert, issueSealCertificate } from './signing.pki';
import type { ESignatureProvider, SignatureRequest } from './signing.provider';
import * as repo from './signing.repository';

type Ctx = Pick<AppContext, 'db' | 'config'>;

/** The platform seal CA, created on first use. */
export async function authority(ctx: Ctx): Promise<IssuedCert> {
  let row = await repo.findAuthority(ctx.db);
  if (!row) {
    const ca = createRootCa();
    row = await repo.insertAuthority(ctx.db, ca.certPem, encryptField(ctx.config.fieldKeys, ca.keyPem));
  }
  if (!row) throw new Error('signing authority could not be stored');
  return {
    certPem: row.certPem,
    keyPem: decryptField(ctx.config.fieldKeys, row.keyEnc),
    serialHex: '',
    notBefore: row.createdAt,
    notAfter: row.createdAt,
  };
}

export async function caCertificatePem(ctx: Ctx): Promise<string> {
  return (await authority(ctx)).certPem;
}

/** The organisation's current seal, issued when it has none (or the last one expired). */
export async function sealFor(ctx: Ctx, org: SignatureRequest['org']): Promise<IssuedCert & { certSha256: string }> {
  const existing = await repo.currentSeal(ctx.db, org.id, new Date());
  if (existing) {
    return {
      certPem: existing.certPem,
      keyPem: decryptField(ctx.config.fieldKeys, existing.keyEnc),
      serialHex: existing.serialHex,
      notBefore: existing.createdAt,
      notAfter: existing.notAfter,
      certSha256: existing.certSha256,
    };
  }
  const issued = issueSealCertificate(await authority(ctx), org);
  const certSha256 = certificateSha256(issued.certPem);
  await repo.insertSeal(ctx.db, {
    orgId: org.id,
    id: newId(),
    certPem: issued.certPem,
    keyEnc: encryptField(ctx.config.fieldKeys, issued.keyPem),
    serialHex: issued.serialHex,
    certSha256,
    notAfter: issued.notAfter,
  });
  return { ...issued, certSha256 };
}

/** The built-in provider: the organisation's seal issued by the platform CA. */
export function platformSealProvider(ctx: Ctx): ESignatureProvider {
  return {
    name: 'zhuhe-platform-ca',
    async signPdf(pdf, request) {
      // sequential: the context may be a transaction, whose one client runs one query at a time
      const seal = await sealFor(ctx, request.org);
      const ca = await authority(ctx);
      return signPdfIncrementally(pdf, {
        seal,
        chain: [ca.certPem],
        name: `${request.org.name}（${request.signer.name}）`,
        reason: request.reason,
        signingTime: request.signingTime,
      });
    },
    async trustAnchors() {
      return [await caCertificatePem(ctx)];
    },
  };
}

/**
 * 平台签章 the platform's own seal identity: an organisation certificate from the platform CA like every party's,
 * naming the platform operator. It is applied by the system, never by a person, after the parties have signed.
 */
export const PLATFORM_SEAL_ORG = {
  id: '01900000-0000-7000-8000-0000000a5ea1',
  name: '筑合平台',
  creditCode: '91330100MA2ZHUHE00',
} as const;

/**
 * Adds the platform's seal to a PDF the parties have signed, as one more PAdES signature (incremental update, so
 * the parties' signatures stay valid). Returns the sealed PDF and the seal certificate's SHA-256.
 */
export async function sealAsPlatform(
  ctx: Ctx,
  pdf: Buffer,
  input: { reason: string; signingTime: Date },
): Promise<{ pdf: Buffer; certSha256: string; name: string }> {
  const seal = await sealFor(ctx, PLATFORM_SEAL_ORG);
  const ca = await authority(ctx);
  const sealed = await signPdfIncrementally(pdf, {
    seal,
    chain: [ca.certPem],
    name: `${PLATFORM_SEAL_ORG.name}（自动签章）`,
    reason: input.reason,
    signingTime: input.signingTime,
  });
  return { pdf: sealed, certSha256: seal.certSha256, name: PLATFORM_SEAL_ORG.name };
}
