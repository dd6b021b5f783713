import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, equalBytes, fromBase64, toBase64, utf8ToBytes } from './bytes';

/**
 * C2SP signed notes (https://c2sp.org/signed-note), checkpoints (https://c2sp.org/tlog-checkpoint) and
 * cosignatures (https://c2sp.org/tlog-cosignature), for Ed25519 keys.
 */
export const SIG_ED25519 = 0x01;
export const SIG_COSIGNATURE_V1 = 0x04;

export interface VerifierKey {
  name: string;
  type: number;
  keyHash: Uint8Array;
  publicKey: Uint8Array;
}

/** The key id: the first four bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key). */
export function keyHash(name: string, type: number, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8ToBytes(name), new Uint8Array([0x0a, type]), publicKey)).slice(0, 4);
}

/** `<name>+<key id hex>+<base64(type ‖ public key)>`, the verifier key encoding of signed-note. */
export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  return `${name}+${bytesToHex(keyHash(name, type, publicKey))}+${toBase64(concatBytes(new Uint8Array([type]), publicKey))}`;
}

export function parseVerifierKey(text: string): VerifierKey {
  // the name holds no '+', the key id is 8 hex digits; the base64 key may itself contain '+'
  const m = /^([^+\s]+)\+([0-9a-fA-F]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!m) throw new TypeError('a verifier key is <name>+<key id>+<base64 key>');
  const [, name, hashHex, keyB64] = m as unknown as [string, string, string, string];
  const raw = fromBase64(keyB64);
  const type = raw[0] ?? -1;
  const publicKey = raw.slice(1);
  if ((type !== SIG_ED25519 && type !== SIG_COSIGNATURE_V1) || publicKey.length !== 32)
    throw new TypeError('only Ed25519 (0x01) and cosignature/v1 (0x04) keys are supported');
  const hash = keyHash(name, type, publicKey);
  if (bytesToHex(hash) !== hashHex.toLowerCase()) throw new TypeError('the key id does not match the key');
  return { name, type, keyHash: hash, publicKey };
}

export interface NoteSignature {
  name: string;
  keyHash: Uint8Array;
  /** the signature bytes after the key id */
  payload: Uint8Array;
}

export interface Note {
  /** the signed text, up to and including the line feed before the blank line */
  body: string;
  signatures: NoteSignature[];
}

export function parseNote(text: string): Note {
  const normalised = text.replace(/\r\n/g, '\n');
  const split = normalised.lastIndexOf('\n\n');
  if (split < 0) throw new TypeError('a signed note has a blank line between text and signatures');
  const body = normalised.slice(0, split + 1);
  const signatures: NoteSignature[] = [];
  for (const line of normalised.slice(split + 2).split('\n')) {
    if (line === '') continue;
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m) throw new TypeError(`not a signature line: ${line}`);
    const raw = fromBase64(m[2] as string);
    if (raw.length < 5) throw new TypeError('signature too short');
    signatures.push({ name: m[1] as string, keyHash: raw.slice(0, 4), payload: raw.slice(4) });
  }
  return { body, signatures };
}

export function formatSignatureLine(name: string, hash: Uint8Array, payload: Uint8Array): string {
  return `\u2014 ${name} ${toBase64(concatBytes(hash, payload))}\n`;
}

export interface CheckpointBody {
  origin: string;
  treeSize: number;
  rootHash: Uint8Array;
  extensions: string[];
}

/** `<origin>\n<tree size>\n<base64 root hash>\n`, the tlog-checkpoint body. */
export function formatCheckpointBody(origin: string, treeSize: number, rootHash: Uint8Array): string {
  return `${origin}\n${treeSize}\n${toBase64(rootHash)}\n`;
}

export function parseCheckpointBody(body: string): CheckpointBody {
  const lines = body.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new TypeError('a checkpoint has at least three lines');
  const [origin, size, root] = lines as [string, string, string];
  if (!/^(0|[1-9]\d*)$/.test(size)) throw new TypeError('the tree size is not a decimal number');
  const rootHash = fromBase64(root);
  if (rootHash.length !== 32) throw new TypeError('the root hash is not 32 bytes');
  return { origin, treeSize: Number(size), rootHash, extensions: lines.slice(3, -1) };
}

/** The message a cosignature/v1 signs: `cosignature/v1\ntime <seconds>\n` followed by the checkpoint body. */
export function cosignatureMessage(body: string, time: number): Uint8Array {
  return utf8ToBytes(`cosignature/v1\ntime ${time}\n${body}`);
}

export type SignatureCheck =
  | { status: 'valid'; time?: number }
  | { status: 'missing' }
  | { status: 'invalid'; reason: string };

function findSignature(note: Note, key: VerifierKey): NoteSignature | undefined {
  return note.signatures.find((s) => s.name === key.name && equalBytes(s.keyHash, key.keyHash));
}

/** The log's own Ed25519 signature over the note text. */
export function verifyNoteSignature(note: Note, key: VerifierKey): SignatureCheck {
  if (key.type !== SIG_ED25519) return { status: 'invalid', reason: 'not an Ed25519 note key' };
  const sig = findSignature(note, key);
  if (!sig) return { status: 'missing' };
  if (sig.payload.length !== 64) return { status: 'invalid', reason: 'an Ed25519 signature is 64 bytes' };
  const ok = ed25519.verify(sig.payload, utf8ToBytes(note.body), key.publicKey, { zip215: false });
  return ok ? { status: 'valid' } : { status: 'invalid', reason: 'the signature does not match the text' };
}

/** A witness's cosignature/v1: key id ‖ 8-byte big-endian time ‖ Ed25519 signature. */
export function verifyCosignature(note: Note, key: VerifierKey): SignatureCheck {
  if (key.type !== SIG_COSIGNATURE_V1) return { status: 'invalid', reason: 'not a cosignature/v1 key' };
  const sig = findSignature(note, key);
  if (!sig) return { status: 'missing' };
  if (sig.payload.length !== 72) return { status: 'invalid', reason: 'a cosignature is 8 + 64 bytes' };
  const view = new DataView(sig.payload.buffer, sig.payload.byteOffset, 8);
  const time = Number(view.getBigUint64(0));
  const ok = ed25519.verify(sig.payload.slice(8), cosignatureMessage(note.body, time), key.publicKey, {
    zip215: false,
  });
  return ok ? { status: 'valid', time } : { status: 'invalid', reason: 'the cosignature does not match the text' };
}

/** The cosignature payload for a time and signature (for witnesses). */
export function cosignaturePayload(time: number, signature: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + signature.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(time));
  out.set(signature, 8);
  return out;
}
