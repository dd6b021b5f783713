import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import forge from 'node-forge';

/**
 * The platform's small PKI for organisation seals (电子印章): a root CA, and per organisation a key pair with a
 * certificate naming the organisation and its 统一社会信用代码. Keys are generated with node:crypto; node-forge
 * only builds the X.509 and CMS structures.
 */
export interface IssuedCert {
  certPem: string;
  keyPem: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
}

const { asn1, pki } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  serialNumber: '2.5.4.5',
  documentSigning: '1.3.6.1.5.5.7.3.36',
};

function newKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function serial(): string {
  // Positive 64-bit serial: first bit cleared.
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0] as number) & 0x7f;
  return bytes.toString('hex');
}

function build(
  subject: forge.pki.CertificateField[],
  issuerSubject: forge.pki.CertificateField[],
  publicPem: string,
  years: number,
  extensions: object[],
) {
  const cert = pki.createCertificate();
  cert.publicKey = pki.publicKeyFromPem(publicPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 5 * 60_000);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuerSubject);
  cert.setExtensions(extensions);
  return cert;
}

function signCert(cert: forge.pki.Certificate, issuerKeyPem: string) {
  // forge signs with its own RSA implementation; the key is converted from PKCS#8 PEM.
  const key = pki.privateKeyFromPem(createPrivateKey(issuerKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString());
  cert.sign(key as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
}

function issued(cert: forge.pki.Certificate, keyPem: string): IssuedCert {
  return {
    certPem: pki.certificateToPem(cert),
    keyPem,
    serialHex: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
  };
}

// ASCII only: node-forge re-encodes non-ASCII names it reads back from a parsed certificate (issuer fields).
export function createRootCa(name = 'ZhuHe Platform Seal CA'): IssuedCert {
  const keys = newKeyPair();
  const subject = [
    { name: 'commonName', value: name, valueTagClass: asn1.Type.UTF8 },
    { name: 'organizationName', value: 'ZhuHe', valueTagClass: asn1.Type.UTF8 },
    { name: 'countryName', value: 'CN' },
  ] as forge.pki.CertificateField[];
  const cert = build(subject, subject, keys.publicPem, 20, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCert(cert, keys.privatePem);
  return issued(cert, keys.privatePem);
}

/** An organisation seal certificate: CN and O are the organisation's name, serialNumber its credit code. */
export function issueSealCertificate(ca: IssuedCert, org: { name: string; creditCode: string }, years = 3): IssuedCert {
  const keys = newKeyPair();
  const caCert = pki.certificateFromPem(ca.certPem);
  const subject = [
    { name: 'commonName', value: org.name, valueTagClass: asn1.Type.UTF8 },
    { name: 'organizationName', value: org.name, valueTagClass: asn1.Type.UTF8 },
    { type: OID.serialNumber, value: org.creditCode, valueTagClass: asn1.Type.PRINTABLESTRING },
    { name: 'countryName', value: 'CN' },
  ] as forge.pki.CertificateField[];
  const cert = build(subject, caCert.subject.attributes, keys.publicPem, years, [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    // NSS (poppler's pdfsig) validates PDF signers with the e-mail signer usage, so emailProtection is listed too.
    { name: 'extKeyUsage', emailProtection: true, [OID.documentSigning]: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  signCert(cert, ca.keyPem);
  return issued(cert, keys.privatePem);
}

function oid(value: string) {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
}
function octets(bytes: Buffer) {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
}
function seq(items: forge.asn1.Asn1[]) {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
}
function der(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}
function attribute(type: string, value: forge.asn1.Asn1) {
  return seq([oid(type), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [value])]);
}
/** DER SET OF: elements sorted by their encodings. */
function sortedSet(items: forge.asn1.Asn1[], tagClass = asn1.Class.UNIVERSAL, tag: number = asn1.Type.SET) {
  const sorted = items.map((i) => ({ i, d: der(i) })).sort((a, b) => Buffer.compare(a.d, b.d));
  return asn1.create(
    tagClass,
    tag,
    true,
    sorted.map((x) => x.i),
  );
}

/**
 * A detached CMS SignedData over `content` for PAdES baseline B-B (ETSI EN 319 142-1, subfilter
 * ETSI.CAdES.detached): signed attributes are content-type, message-digest and ESS signing-certificate-v2 (no
 * CMS signing-time: the time lives in the signature dictionary's /M).
 */
export function cadesDetached(content: Buffer, signer: IssuedCert, chain: string[]): Buffer {
  const cert = pki.certificateFromPem(signer.certPem);
  const certDer = der(pki.certificateToAsn1(cert));
  const essCertIdV2 = seq([octets(createHash('sha256').update(certDer).digest())]);
  const signedAttrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    attribute(OID.signingCertificateV2, seq([seq([essCertIdV2])])),
  ];
  // The signature covers the attributes DER-encoded as a SET (tag 0x31), not as the [0] IMPLICIT field.
  const toSign = der(sortedSet(signedAttrs));
  const signature = sign('sha256', toSign, createPrivateKey(signer.keyPem));
  const sha256Alg = seq([oid(OID.sha256)]);
  const signerInfo = seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(1).getBytes()),
    seq([
      pki.distinguishedNameToAsn1(cert.issuer),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, forge.util.hexToBytes(cert.serialNumber)),
    ]),
    sha256Alg,
    sortedSet(signedAttrs, asn1.Class.CONTEXT_SPECIFIC, 0),
    seq([oid(OID.rsaEncryption), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]),
    octets(signature),
  ]);
  const certificates = [signer.certPem, ...chain].map((pem) => pki.certificateToAsn1(pki.certificateFromPem(pem)));
  const signedData = seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(1).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [sha256Alg]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

export function certificateSha256(certPem: string): string {
  return createHash('sha256')
    .update(der(pki.certificateToAsn1(pki.certificateFromPem(certPem))))
    .digest('hex');
}
