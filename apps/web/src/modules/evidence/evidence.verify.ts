/**
 * Client-side checks, so that the verification page does not have to trust the server: the file's SHA-256,
 * the RFC 9162 inclusion proof against the checkpoint's root, and the checkpoint's Ed25519 signature.
 */
const encoder = new TextEncoder();

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    joined.set(p, offset);
    offset += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function fileSha256(file: File): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())));
}

/** RFC 9162 §2.1.3.2. */
export async function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leafHashHex: string,
  pathHex: string[],
  rootHex: string,
) {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = fromHex(leafHashHex);
  const node = new Uint8Array([1]);
  for (const hex of pathHex) {
    const p = fromHex(hex);
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(node, p, r);
      if (fn % 2 === 0) {
        while (!(fn % 2 === 1 || fn === 0)) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await sha256(node, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && toHex(r) === rootHex;
}

/** Ed25519 over the checkpoint text; null when this browser has no Ed25519 in Web Crypto. */
export async function verifyCheckpoint(
  checkpoint: { treeSize: number; rootHash: string; createdAt: string; signature: string },
  publicKeyPem: string,
): Promise<boolean | null> {
  try {
    const der = Uint8Array.from(atob(publicKeyPem.replace(/-----[^-]+-----|\s/g, '')), (c) => c.charCodeAt(0));
    const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
    const message = encoder.encode(
      `zhuhe-evidence-checkpoint/v1\n${checkpoint.treeSize}\n${checkpoint.rootHash}\n${checkpoint.createdAt}\n`,
    );
    const signature = Uint8Array.from(atob(checkpoint.signature), (c) => c.charCodeAt(0));
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
  } catch {
    return null;
  }
}
