import { CooperationImportReport } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { fileErrors } from '../files';
import { cooperationPermissions as perm } from './cooperation.policy';
import * as service from './cooperation.service';

const tags = ['cooperation'];

export function cooperationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/staff/cooperation/import',
      {
        config: { permission: perm.import },
        schema: {
          tags,
          summary: '导入合作历史 import award history (multipart field "file": CSV, UTF-8)',
          consumes: ['multipart/form-data'],
          response: { 200: CooperationImportReport },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw fileErrors.raise('FILE_MISSING');
        const part = await request.file();
        if (!part) throw fileErrors.raise('FILE_MISSING');
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw fileErrors.raise('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.fileMaxBytes / 1_048_576) });
          throw error;
        }
        const report = await service.importCooperationCsv(ctx, bytes.toString('utf8'));
        request.auditOverride = { target: `cooperation import ${part.filename}: ${report.imported} records` };
        return report;
      },
    );
  };
}
