import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';

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
