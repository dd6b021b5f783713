import {
  Checkpoint,
  CheckpointList,
  ConsistencyProof,
  ConsistencyQuery,
  EntryParams,
  EvidenceEntry,
  EvidenceLookupBody,
  EvidenceLookupResult,
  InclusionProof,
  InclusionQuery,
  LogPublicKey,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { evidencePermissions as perm } from './evidence.policy';
import { presentCheckpoint, presentEntry } from './evidence.presenter';
import * as service from './evidence.service';

const tags = ['evidence'];

export function evidenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/evidence/public-key',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '存证日志公钥 log public key', response: { 200: LogPublicKey } },
      },
      async () => {
        const key = service.logKey(ctx);
        return { algorithm: 'Ed25519' as const, keyId: key.keyId, publicKeyPem: key.publicKeyPem };
      },
    );

    app.get(
      '/api/evidence/checkpoints/latest',
      { config: { permission: perm.read }, schema: { tags, summary: '最新签名检查点', response: { 200: Checkpoint } } },
      async () => presentCheckpoint(await service.latestCheckpoint(ctx)),
    );

    app.get(
      '/api/evidence/checkpoints',
      { config: { permission: perm.read }, schema: { tags, summary: '检查点列表', response: { 200: CheckpointList } } },
      async () => ({ items: (await service.listCheckpoints(ctx, 100)).map(presentCheckpoint) }),
    );

    app.post(
      '/api/evidence/checkpoints',
      {
        config: { permission: perm.checkpoint },
        schema: { tags, summary: '立即签发检查点', response: { 201: Checkpoint } },
      },
      async (_request, reply) => reply.status(201).send(presentCheckpoint(await service.createCheckpoint(ctx))),
    );

    app.get(
      '/api/evidence/entries/:entryIndex',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '存证条目', params: EntryParams, response: { 200: EvidenceEntry } },
      },
      async (request) => presentEntry(await service.getEntry(ctx, request.params.entryIndex)),
    );

    app.get(
      '/api/evidence/proofs/inclusion',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '包含证明 inclusion proof (RFC 6962)',
          querystring: InclusionQuery,
          response: { 200: InclusionProof },
        },
      },
      async (request) => {
        const proof = await service.proveInclusion(ctx, request.query.index, request.query.treeSize);
        return { ...proof, entry: presentEntry(proof.entry) };
      },
    );

    app.get(
      '/api/evidence/proofs/consistency',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '一致性证明 consistency proof (RFC 6962)',
          querystring: ConsistencyQuery,
          response: { 200: ConsistencyProof },
        },
      },
      async (request) => service.proveConsistency(ctx, request.query.first, request.query.second),
    );

    app.post(
      '/api/evidence/lookup',
      {
        config: { permission: perm.lookup },
        schema: {
          tags,
          summary: '按文件哈希查验存证',
          body: EvidenceLookupBody,
          response: { 200: EvidenceLookupResult },
        },
      },
      async (request) => {
        const sha256 = request.body.sha256.toLowerCase();
        const [entries, checkpoint] = await Promise.all([
          service.findBySha256(ctx, sha256),
          service.latestCheckpoint(ctx).catch(() => null),
        ]);
        const matches = [];
        for (const entry of entries) {
          const covered = checkpoint && entry.entryIndex < checkpoint.treeSize;
          const proof = covered ? await service.proveInclusion(ctx, entry.entryIndex, checkpoint.treeSize) : null;
          matches.push({ entry: presentEntry(entry), auditPath: proof ? proof.auditPath : null });
        }
        return {
          sha256,
          found: entries.length > 0,
          checkpoint: checkpoint ? presentCheckpoint(checkpoint) : null,
          matches,
        };
      },
    );
  };
}
