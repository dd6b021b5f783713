import { FileMeta, FileParams, OrgParams, UploadQuery } from '@zhuhe/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { fileErrors } from './files.errors';
import { filePermissions as perm } from './files.policy';
import { presentFile } from './files.presenter';
import * as service from './files.service';

const tags = ['files'];

/** Sends a stored file: images, PDFs and videos inline (browser preview), everything else as a download. */
export async function sendStoredFile(ctx: AppContext, reply: FastifyReply, file: service.StoredFileRow) {
  const bytes = await service.readFileContent(ctx, file);
  const inline = file.kind === 'image' || file.kind === 'pdf' || file.kind === 'video';
  return reply
    .type(file.mime)
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, max-age=3600')
    .header('etag', `"${file.sha256}"`)
    .send(bytes);
}

export function filesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/orgs/:orgId/files',
      {
        config: { permission: perm.upload },
        schema: {
          tags,
          summary: '上传文件 upload a file (multipart field "file")',
          params: OrgParams,
          querystring: UploadQuery,
          consumes: ['multipart/form-data'],
          response: { 201: FileMeta },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw fileErrors.raise('FILE_MISSING');
        const part = await request.file();
        if (!part) throw fileErrors.raise('FILE_MISSING');
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw fileErrors.raise('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.fileMaxBytes / 1_048_576) });
          }
          throw error;
        }
        const row = await service.storeFile(ctx, {
          orgId: request.params.orgId,
          userId: requireActor(request).userId,
          name: part.filename,
          bytes,
          ...(request.query.kind ? { accept: [request.query.kind] } : {}),
        });
        request.auditOverride = { target: `file ${row.id} sha256 ${row.sha256}` };
        return reply.status(201).send(presentFile(row));
      },
    );

    app.get(
      '/api/orgs/:orgId/files/:fileId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '文件信息', params: FileParams, response: { 200: FileMeta } },
      },
      async (request) => presentFile(await service.getFile(ctx, request.params.orgId, request.params.fileId)),
    );

    app.get(
      '/api/orgs/:orgId/files/:fileId/content',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '文件内容（预览或下载）', params: FileParams, response: { 200: z.any() } },
      },
      async (request, reply) =>
        sendStoredFile(ctx, reply, await service.getFile(ctx, request.params.orgId, request.params.fileId)),
    );
  };
}
