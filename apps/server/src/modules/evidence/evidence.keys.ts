import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';
import { formatSignatureLine, formatVerifierKey, keyHash, SIG_ED25519 } from '@zhuhe/verify';

/**
 * The log's Ed25519 checkpoint key, derived from the master key with HKDF so that it needs no storage of its
 * own; its id is the SHA-256 of the public key. Rotating the master key rotates it (old checkpoints keep their
 * key id and stay verifiable with the published old public key).
 */
export interface LogKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function deriveLogKey(masterKey: Buffer): LogKey {
  const seed = Buffer.from(hkdfSync('sha256', masterKey, 'zhuhe', 'evidence-checkpoint-ed25519', 32));
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/** The exact bytes a checkpoint signature covers. */
export function checkpointMessage(treeSize: number, rootHex: string, createdAt: Date): Buffer {
  return Buffer.from(`zhuhe-evidence-checkpoint/v1\n${treeSize}\n${rootHex}\n${createdAt.toISOString()}\n`);
}

export function signCheckpoint(key: LogKey, treeSize: number, rootHex: string, createdAt: Date): string {
  return sign(null, checkpointMessage(treeSize, rootHex, createdAt), key.privateKey).toString('base64');
}

export function verifyCheckpointSignature(
  publicKey: KeyObject,
  treeSize: number,
  rootHex: string,
  createdAt: Date,
  signature: string,
) {
  return verify(null, checkpointMessage(treeSize, rootHex, createdAt), publicKey, Buffer.from(signature, 'base64'));
}

/** The log's name in its checkpoints (C2SP tlog-checkpoint origin), also the name of its signed-note key. */
export const LOG_ORIGIN = 'zhuhe.cn/evidence';

/** The raw 32-byte Ed25519 public key (the last 32 bytes of its SPKI encoding). */
export function rawPublicKey(publicKey: KeyObject): Uint8Array {
  return new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
}

/** The log key as a signed-note verifier key, `zhuhe.cn/evidence+<key id>+<base64(0x01 ‖ key)>`. */
export function logVerifierKey(key: LogKey): string {
  return formatVerifierKey(LOG_ORIGIN, SIG_ED25519, rawPublicKey(key.publicKey));
}

/** Key id of the log key in signed notes (hex of the four key-hash bytes). */
export function noteKeyId(key: LogKey): string {
  return Buffer.from(keyHash(LOG_ORIGIN, SIG_ED25519, rawPublicKey(key.publicKey))).toString('hex');
}

/** Signs a checkpoint body; returns the raw Ed25519 signature in base64. */
export function signNoteBody(key: LogKey, body: string): string {
  return sign(null, Buffer.from(body, 'utf8'), key.privateKey).toString('base64');
}

/** The signed note: body, blank line, the log's signature line and then any cosignature lines. */
export function signedNote(body: string, keyIdHex: string, signatureB64: string, cosignatureLines: string[] = []) {
  return `${body}\n${formatSignatureLine(LOG_ORIGIN, Buffer.from(keyIdHex, 'hex'), Buffer.from(signatureB64, 'base64'))}${cosignatureLines.join('')}`;
}

export function ed25519FromSeed(seed: Buffer): { privateKey: KeyObject; publicKey: KeyObject } {
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
