import type { FastifyPluginAsync } from 'fastify';

/**
 * What a module's factory (`createXModule(ctx, deps)`) returns. The composition root (`app.ts`) is the only
 * place that calls factories, registers routes and jobs and subscribes handlers; a module keeps no state at
 * module level, so two apps in one process share nothing.
 *
 * - `routes`: Fastify plugins, registered in order;
 * - `jobs(ctx)`: registers its job handlers and cron schedules on `ctx.jobs`;
 * - `subscribe(ctx)`: subscribes its handlers to other modules' events on `ctx.events`;
 * - `api`: the part of its public face that holds state or injected dependencies (stateless functions that take
 *   `ctx` stay plain exports of `index.ts`).
 */
export interface PlatformModule<Api extends object = object> {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: route plugins carry their own type providers
  routes?: FastifyPluginAsync<any, any, any>[];
  jobs?: () => void;
  subscribe?: () => void;
  api: Api;
}

/** Identity function that checks a module's shape and keeps its exact type (its `api` above all). */
export function defineModule<M extends PlatformModule<object>>(module: M): M {
  return module;
}
