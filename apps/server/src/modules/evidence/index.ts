export { createEvidenceModule } from './evidence.module';
export {
  addSubscription,
  appendEvidence,
  createCheckpoint,
  type EvidenceItem,
  evidenceBundle,
  findBySubjects,
  publicEntry,
  publishedKeys,
  sealCaFingerprint,
  verifyLog,
} from './evidence.service';
export { BUILT_IN_WITNESS, cosign, witnessHead } from './evidence.witness';
