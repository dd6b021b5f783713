import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { signingPermissions as perm } from './signing.policy';
import { caCertificatePem } from './signing.service';

export function signingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/signing/ca.pem',
      {
        config: { permission: perm.caCertificate },
        schema: {
          tags: ['signing'],
          summary: '平台电子印章根证书 seal CA certificate (PEM)',
          response: { 200: z.string() },
        },
      },
      async (_request, reply) => reply.type('application/x-pem-file').send(await caCertificatePem(ctx)),
    );
  };
}
