import { AdvanceClockBody, BusinessClockView } from '@zhuhe/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import { defineErrors } from '../errors';
import { definePermission } from './access';

const read = definePermission('ops.clock.read', { kind: 'staff', roles: ['admin'] });
const advance = definePermission('ops.clock.advance', { kind: 'staff', roles: ['admin'] });

export const clockErrors = defineErrors({
  CLOCK_FIXED: {
    kind: 'conflict',
    'zh-CN': '此部署的业务时钟不可调整',
    en: 'The business clock of this deployment cannot be moved',
  },
});

/** 业务时钟: admin staff read it, and move it forward where the deployment allows it (acceptance runs). */
export function registerClockRoutes(app: FastifyInstance, clock: Clock) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const view = () => ({ now: clock.now().toISOString(), adjustable: clock.adjustable });
  typed.get(
    '/api/staff/clock',
    { config: { permission: read }, schema: { tags: ['staff'], response: { 200: BusinessClockView } } },
    async () => view(),
  );
  typed.post(
    '/api/staff/clock',
    {
      config: { permission: advance },
      schema: { tags: ['staff'], body: AdvanceClockBody, response: { 200: BusinessClockView } },
    },
    async (request) => {
      if (!clock.advance(request.body.days * 86_400_000)) throw clockErrors.raise('CLOCK_FIXED');
      return view();
    },
  );
}
