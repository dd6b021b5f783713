import {
  Checkpoint,
  CheckpointList,
  ConsistencyProof,
  ConsistencyQuery,
  EntryParams,
  EvidenceEntry,
  EvidenceLookupBody,
  EvidenceLookupResult,
  EvidenceSubscription,
  EvidenceSubscriptionBody,
  EvidenceSubscriptionList,
  InclusionProof,
  InclusionQuery,
  LogPublicKey,
  SubscriptionParams,
} from '@zhuhe/contracts';
import { bundleToZip } from '@zhuhe/verify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { evidencePermissions as perm } from './evidence.policy';
import { presentCheckpoint, presentEntry, presentSubscription } from './evidence.presenter';
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
        const keys = await service.publishedKeys(ctx);
        return {
          algorithm: 'Ed25519' as const,
          keyId: keys.key.keyId,
          publicKeyPem: keys.key.publicKeyPem,
          verifierKey: keys.logVerifierKey,
          witnessKeys: keys.witnessKeys,
          sealCaSha256: await service.sealCaFingerprint(ctx),
        };
      },
    );

    app.get(
      '/api/evidence/checkpoints/latest',
      { config: { permission: perm.read }, schema: { tags, summary: '最新签名检查点', response: { 200: Checkpoint } } },
      async () => {
        const row = await service.latestCheckpoint(ctx);
        return presentCheckpoint(row, (await service.noteWithCosignatures(ctx, [row])).get(row.id) ?? null);
      },
    );

    app.get(
      '/api/evidence/checkpoints',
      { config: { permission: perm.read }, schema: { tags, summary: '检查点列表', response: { 200: CheckpointList } } },
      async () => {
        const rows = await service.listCheckpoints(ctx, 100);
        const notes = await service.noteWithCosignatures(ctx, rows);
        return { items: rows.map((r) => presentCheckpoint(r, notes.get(r.id) ?? null)) };
      },
    );

    app.post(
      '/api/evidence/checkpoints',
      {
        config: { permission: perm.checkpoint },
        schema: { tags, summary: '立即签发检查点', response: { 201: Checkpoint } },
      },
      async (_request, reply) => {
        const row = await service.createCheckpoint(ctx);
        const notes = await service.noteWithCosignatures(ctx, [row]);
        return reply.status(201).send(presentCheckpoint(row, notes.get(row.id) ?? null));
      },
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
          checkpoint: checkpoint
            ? presentCheckpoint(checkpoint, (await service.noteWithCosignatures(ctx, [checkpoint])).get(checkpoint.id))
            : null,
          matches,
        };
      },
    );

    app.get(
      '/api/evidence/entries/:entryIndex/bundle',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '存证包（离线查验）evidence bundle for offline checking',
          params: EntryParams,
          response: { 200: z.any() },
        },
      },
      async (request, reply) => {
        const bundle = await service.evidenceBundle(ctx, request.params.entryIndex);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="zhuhe-evidence-${request.params.entryIndex}.zip"`)
          .send(Buffer.from(bundleToZip(bundle)));
      },
    );

    app.get(
      '/api/evidence/subscriptions',
      {
        config: { permission: perm.subscriptions },
        schema: { tags, summary: '检查点订阅列表', response: { 200: EvidenceSubscriptionList } },
      },
      async () => ({ items: (await service.listSubscriptions(ctx)).map(presentSubscription) }),
    );

    app.post(
      '/api/evidence/subscriptions',
      {
        config: { permission: perm.subscriptions },
        schema: {
          tags,
          summary: '订阅检查点邮件（法院、银行等）',
          body: EvidenceSubscriptionBody,
          response: { 201: EvidenceSubscription },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentSubscription(await service.addSubscription(ctx, request.body, requireActor(request).userId))),
    );

    app.delete(
      '/api/evidence/subscriptions/:subscriptionId',
      {
        config: { permission: perm.subscriptions },
        schema: { tags, summary: '取消检查点订阅', params: SubscriptionParams },
      },
      async (request, reply) => {
        await service.removeSubscription(ctx, request.params.subscriptionId);
        return reply.status(204).send();
      },
    );
  };
}
