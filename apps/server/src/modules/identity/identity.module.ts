import type { AppContext } from '../../infra/context';
import type { ActorResolver } from '../../infra/http/access';
import { defineModule } from '../../infra/module';
import { guardSms, LoggingSms, type SmsSender } from '../../infra/sms/sms';
import { identityRoutes } from './identity.routes';

/** The identity module; the actor resolver comes from the composition root (it reads identity, organisations and staff). */
export function createIdentityModule(ctx: AppContext, deps: { resolver: ActorResolver; sms?: SmsSender }) {
  // No SMS provider is contracted yet: the local fake logs each message (README, "Adapters").
  const sms = deps.sms ?? new LoggingSms(ctx.log);
  // behind its breaker (ADR 0109); `api.sms` stays the sender itself, for the development console and tests;
  // `api.guardedSms` is the one other modules send through (notifications)
  const guarded = guardSms(sms, ctx.resilience, ctx.config.resilience.sms);
  return defineModule({
    name: 'identity',
    routes: [identityRoutes(ctx, deps.resolver, guarded)],
    api: { sms, guardedSms: guarded },
  });
}
