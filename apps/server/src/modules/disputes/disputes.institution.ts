import { createHash } from 'node:crypto';
import type { BlobStore } from '../../infra/files/blob-store';

/** One file of the hand-over bundle, with its hash in the manifest. */
export interface BundleFile {
  role: 'case_file' | 'evidence';
  name: string;
  sha256: string;
  size: number;
  /** the index of its entry in the platform's evidence log (存证), null for the case file */
  evidenceIndex: number | null;
}

export interface CaseBundle {
  caseNo: string;
  /** the sealed case file (PDF) */
  caseFile: Buffer;
  evidence: { name: string; bytes: Buffer; evidenceIndex: number }[];
}

export interface HandOverReceipt {
  institution: string;
  reference: string;
  manifestSha256: string;
}

/**
 * 第三方仲裁机构 an outside arbitration institution that receives a case the platform's committee does not decide.
 * A real institution's intake (an online arbitration platform's API, or a registered e-mail box) implements this
 * interface; it receives the sealed case file, the evidence and a manifest of SHA-256 hashes.
 */
export interface ArbitrationInstitution {
  readonly name: string;
  submit(bundle: CaseBundle): Promise<HandOverReceipt>;
}

export function manifestOf(bundle: CaseBundle): { caseNo: string; files: BundleFile[] } {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  return {
    caseNo: bundle.caseNo,
    files: [
      {
        role: 'case_file',
        name: `${bundle.caseNo}-案件材料.pdf`,
        sha256: sha(bundle.caseFile),
        size: bundle.caseFile.length,
        evidenceIndex: null,
      },
      ...bundle.evidence.map((e) => ({
        role: 'evidence' as const,
        name: e.name,
        sha256: sha(e.bytes),
        size: e.bytes.length,
        evidenceIndex: e.evidenceIndex,
      })),
    ],
  };
}

/**
 * The built-in adapter: no outside institution is connected. It writes the bundle (case file, evidence and the
 * manifest as JSON) to the platform's blob storage, where an operator downloads it for the institution; the
 * reference is the manifest's hash.
 */
export function blobStoreInstitution(blobs: BlobStore, name = '杭州仲裁委员会（材料移交）'): ArbitrationInstitution {
  return {
    name,
    async submit(bundle) {
      await blobs.put(bundle.caseFile);
      for (const e of bundle.evidence) await blobs.put(e.bytes);
      const manifest = Buffer.from(JSON.stringify(manifestOf(bundle), null, 2), 'utf8');
      const { sha256 } = await blobs.put(manifest);
      return { institution: name, reference: `BUNDLE-${sha256.slice(0, 16)}`, manifestSha256: sha256 };
    },
  };
}
