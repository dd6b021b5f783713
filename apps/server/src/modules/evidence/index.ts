export { createEvidenceModule } from './evidence.module';
export { appendEvidence, createCheckpoint, type EvidenceItem, findBySubjects, verifyLog } from './evidence.service';
