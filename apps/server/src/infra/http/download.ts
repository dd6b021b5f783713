import type { FastifyReply } from 'fastify';

/**
 * Sends a generated document as a download: its MIME type, a content-disposition whose file name survives Chinese
 * (RFC 5987 `filename*`), and a private cache header (default: not stored, as reports change with the data).
 */
export function sendDownload(
  reply: FastifyReply,
  file: { name: string; mime: string; bytes: Buffer | string },
  cacheControl = 'private, no-store',
) {
  return reply
    .type(file.mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', cacheControl)
    .send(file.bytes);
}
