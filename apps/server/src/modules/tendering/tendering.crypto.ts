import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { decryptField, encryptField, type FieldKeyring, sha256Hex } from '../../infra/crypto';

/**
 * 密封投标 sealed-bid envelopes: ECIES over X25519. Each tender has a key pair; a bid is encrypted on receipt to
 * the tender's public key with a fresh ephemeral key, HKDF-SHA256 and AES-256-GCM, the tender and bidder bound in
 * as associated data. The private key is stored encrypted under the master key and released by the database only
 * at the deadline (ADR 0060).
 */
export interface TenderKeyPair {
  publicKey: string;
  privateKeyEnc: string;
}

export function generateTenderKeys(masterKey: FieldKeyring | Buffer): TenderKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyEnc: encryptField(masterKey, pkcs8),
  };
}

function context(tenderId: string, bidderOrgId: string): Buffer {
  return Buffer.from(`zhuhe-bid-v1|${tenderId}|${bidderOrgId}`, 'utf8');
}

function derive(shared: Buffer, ephemeral: Buffer, recipient: Buffer, info: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), info, 32));
}

/** Seals a plaintext to the tender's public key; returns the envelope `v1.<eph>.<nonce>.<tag>.<ciphertext>`. */
export function sealBid(publicKeyB64: string, tenderId: string, bidderOrgId: string, plaintext: string): string {
  const recipient = Buffer.from(publicKeyB64, 'base64');
  const tenderKey = createPublicKey({ key: recipient, format: 'der', type: 'spki' });
  const eph = generateKeyPairSync('x25519');
  const ephDer = eph.publicKey.export({ type: 'spki', format: 'der' });
  const info = context(tenderId, bidderOrgId);
  const key = derive(diffieHellman({ privateKey: eph.privateKey, publicKey: tenderKey }), ephDer, recipient, info);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(info);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', ephDer, nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Opens an envelope with the released private key (still encrypted under the master key). */
export function openBid(
  masterKey: FieldKeyring | Buffer,
  privateKeyEnc: string,
  publicKeyB64: string,
  tenderId: string,
  bidderOrgId: string,
  envelope: string,
): string {
  const [version, eph, nonce, tag, body] = envelope.split('.');
  if (version !== 'v1' || !eph || !nonce || !tag || body === undefined) throw new Error('unknown envelope format');
  const privateKey = createPrivateKey({
    key: Buffer.from(decryptField(masterKey, privateKeyEnc), 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  const ephDer = Buffer.from(eph, 'base64url');
  const ephKey = createPublicKey({ key: ephDer, format: 'der', type: 'spki' });
  const info = context(tenderId, bidderOrgId);
  const key = derive(
    diffieHellman({ privateKey, publicKey: ephKey }),
    ephDer,
    Buffer.from(publicKeyB64, 'base64'),
    info,
  );
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(info);
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function envelopeHash(envelope: string): string {
  return sha256Hex(envelope);
}
