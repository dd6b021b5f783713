import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fromBase64, toBase64 } from './bytes';
import type { PublicEntry } from './leaf';
import type { EvidenceInput, InclusionProofInput } from './verify';

/**
 * An evidence bundle: everything needed to check one entry offline. As a zip it holds `entry.json`, `proof.json`,
 * `checkpoint.txt` (the signed note), `log.vkey`, `witnesses.vkey` (one key a line), `seal-ca.pem`, the document
 * when included (`document.pdf` or the name in `entry.json`'s neighbour `document.name`) and a `README.txt`.
 */
export interface EvidenceBundle {
  format: 'zhuhe-evidence-bundle/v1';
  entry: PublicEntry;
  proof: InclusionProofInput;
  checkpoint: string;
  logKey: string;
  witnessKeys: string[];
  sealCaPem?: string;
  /** SHA-256 of the seal CA certificate (DER), as published */
  sealCaSha256?: string;
  document?: { name: string; bytes: Uint8Array };
}

const README = `ZhuHe evidence bundle
=====================
Check it without a server:  npx zhuhe-verify --bundle <this zip>   (or: zhuhe-verify FILE --bundle <this zip>)
Compare log.vkey and witnesses.vkey with the keys the platform and the witnesses publish, and the seal CA's
SHA-256 with the published fingerprint, before relying on them. The formats are in docs/EVIDENCE.md.
`;

export function bundleToZip(bundle: EvidenceBundle): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(README),
    'entry.json': strToU8(`${JSON.stringify(bundle.entry, null, 2)}\n`),
    'proof.json': strToU8(`${JSON.stringify(bundle.proof, null, 2)}\n`),
    'checkpoint.txt': strToU8(bundle.checkpoint),
    'log.vkey': strToU8(`${bundle.logKey}\n`),
    'witnesses.vkey': strToU8(bundle.witnessKeys.map((k) => `${k}\n`).join('')),
  };
  if (bundle.sealCaPem) files['seal-ca.pem'] = strToU8(bundle.sealCaPem);
  if (bundle.sealCaSha256) files['seal-ca.sha256'] = strToU8(`${bundle.sealCaSha256}\n`);
  if (bundle.document) files[`document/${bundle.document.name}`] = bundle.document.bytes;
  return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}

function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export function bundleFromZip(bytes: Uint8Array): EvidenceBundle {
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const f = files[name];
    if (!f) throw new TypeError(`the bundle has no ${name}`);
    return strFromU8(f);
  };
  const docName = Object.keys(files).find((n) => n.startsWith('document/') && n.length > 'document/'.length);
  return {
    format: 'zhuhe-evidence-bundle/v1',
    entry: JSON.parse(text('entry.json')) as PublicEntry,
    proof: JSON.parse(text('proof.json')) as InclusionProofInput,
    checkpoint: text('checkpoint.txt'),
    logKey: lines(text('log.vkey'))[0] ?? '',
    witnessKeys: lines(files['witnesses.vkey'] ? strFromU8(files['witnesses.vkey']) : ''),
    ...(files['seal-ca.pem'] ? { sealCaPem: strFromU8(files['seal-ca.pem']) } : {}),
    ...(files['seal-ca.sha256'] ? { sealCaSha256: strFromU8(files['seal-ca.sha256']).trim() } : {}),
    ...(docName ? { document: { name: docName.slice('document/'.length), bytes: files[docName] as Uint8Array } } : {}),
  };
}

/** The JSON form: the same fields, with the document's bytes in base64. */
export function bundleToJson(bundle: EvidenceBundle): string {
  const { document, ...rest } = bundle;
  return JSON.stringify(
    { ...rest, ...(document ? { document: { name: document.name, base64: toBase64(document.bytes) } } : {}) },
    null,
    2,
  );
}

export function bundleFromJson(text: string): EvidenceBundle {
  const raw = JSON.parse(text) as Omit<EvidenceBundle, 'document'> & { document?: { name: string; base64: string } };
  if (raw.format !== 'zhuhe-evidence-bundle/v1') throw new TypeError('not a zhuhe-evidence-bundle/v1');
  const { document, ...rest } = raw;
  return { ...rest, ...(document ? { document: { name: document.name, bytes: fromBase64(document.base64) } } : {}) };
}

/** Reads a bundle from a zip or JSON file's bytes. */
export function readBundle(bytes: Uint8Array): EvidenceBundle {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return bundleFromZip(bytes);
  return bundleFromJson(strFromU8(bytes));
}

export function bundleInput(bundle: EvidenceBundle, file?: Uint8Array): EvidenceInput {
  const bytes = file ?? bundle.document?.bytes;
  return {
    ...(bytes ? { file: bytes } : {}),
    entry: bundle.entry,
    proof: bundle.proof,
    checkpoint: bundle.checkpoint,
    logKey: bundle.logKey,
    witnessKeys: bundle.witnessKeys,
  };
}
