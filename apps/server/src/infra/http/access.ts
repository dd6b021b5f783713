import type { ApiKeyScope, BusinessRole, MembershipRole, StaffRole } from '@zhuhe/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { safeEqual } from '../crypto';
import { DomainError, defineErrors } from '../errors';

/**
 * The one policy layer (issue 2 §6). Every route declares a Permission in `config.permission`; a route under
 * /api without one makes the app fail to start. The rule is checked in onRequest, before body validation:
 * unauthenticated → 401, not allowed → 403, an organisation the actor does not belong to → 404.
 */
export type Rule =
  /** anyone, logged in or not */
  | { kind: 'public' }
  /** a session whose password step passed but whose second factor is still owed */
  | { kind: 'pendingMfa' }
  /** any logged-in user */
  | { kind: 'user' }
  /**
   * a member of the organisation named by the path parameter `param`; optionally with one of the membership
   * roles, and optionally acting in it with one of the business roles (active organisation and role)
   */
  | { kind: 'org'; param: string; membership?: readonly MembershipRole[]; activeRole?: readonly BusinessRole[] }
  /** platform staff holding one of the roles, in a session opened with 2FA (ORG-5) */
  | { kind: 'staff'; roles: readonly StaffRole[] }
  /**
   * 开放平台 (PLAT-5): a third party's API key (`Authorization: Bearer …`) holding the scope. The session cookie
   * is not read, so a browser session can never call these routes and they need no CSRF token.
   */
  | { kind: 'apiKey'; scope: ApiKeyScope };

export interface Permission {
  /** stable name, also the audit action: `<module>.<verb>` */
  name: string;
  rule: Rule;
  /** requires a fresh TOTP (step-up) for signing and money actions */
  stepUp?: boolean;
}

export function definePermission(name: string, rule: Rule, options: { stepUp?: boolean } = {}): Permission {
  return { name, rule, ...options };
}

export interface ActorMembership {
  orgId: string;
  orgName: string;
  membershipRole: MembershipRole;
  businessRoles: BusinessRole[];
}

export interface Actor {
  userId: string;
  sessionId: string;
  csrfToken: string;
  mfa: boolean;
  pendingMfa: boolean;
  stepUpAt: Date | null;
  activeOrgId: string | null;
  activeRole: BusinessRole | null;
  staffRoles: StaffRole[];
  memberships: ActorMembership[];
}

/** The key a `/api/v1` request authenticated with. */
export interface ApiKeyPrincipal {
  keyId: string;
  orgId: string;
  /** the organisation admin who created the key */
  createdBy: string;
  scopes: readonly ApiKeyScope[];
  ipAllowList: readonly string[];
}

/** Supplied by the composition root from the developer module. */
export interface ApiKeyAuthenticator {
  /** the key the bearer secret names; refused (401) when absent, unknown, expired or revoked — never cached */
  identify(request: FastifyRequest): Promise<ApiKeyPrincipal>;
  /** refused (403) when the caller's address is not on the key's allow-list or the key lacks the scope */
  authorise(principal: ApiKeyPrincipal, ip: string, scope: ApiKeyScope): void;
}

/** Supplied by the composition root from the identity, organisation and staff modules. */
export interface ActorResolver {
  resolve(sessionToken: string, request: FastifyRequest): Promise<Actor | null>;
}

export const SESSION_COOKIE = 'zh_sid';
export const CSRF_HEADER = 'x-csrf-token';

export const accessErrors = defineErrors({
  AUTH_REQUIRED: { kind: 'unauthenticated', 'zh-CN': '请先登录', en: 'Please log in first' },
  AUTH_FORBIDDEN: { kind: 'forbidden', 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  AUTH_CSRF_INVALID: {
    kind: 'forbidden',
    'zh-CN': '请求校验失败，请刷新页面后重试',
    en: 'Request verification (CSRF) failed; reload the page and try again',
  },
  AUTH_MFA_REQUIRED: {
    kind: 'forbidden',
    'zh-CN': '此操作需要使用双因素认证（动态口令）登录',
    en: 'This needs a session opened with two-factor authentication',
  },
  AUTH_STEP_UP_REQUIRED: {
    kind: 'forbidden',
    'zh-CN': '请输入动态口令再次确认身份',
    en: 'Confirm your identity with a fresh authenticator code',
  },
  AUTH_ROLE_REQUIRED: {
    kind: 'forbidden',
    'zh-CN': '请切换到有权限的组织角色：{roles}',
    en: 'Switch to an organisation role allowed here: {roles}',
  },
  RESOURCE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '对象不存在或无权访问', en: 'Not found' },
});

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** the permission the matched route declared */
    permission: Permission | null;
    /** the API key of an `/api/v1` request, once identified (also when it is then refused 403) */
    apiKey: ApiKeyPrincipal | null;
  }
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyInstance {
    /** every route with its declared permission, in registration order */
    routeCatalogue: RouteEntry[];
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that are not part of the API contract (documentation UI and its assets). */
function isExempt(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/');
}

export function checkRule(
  permission: Permission,
  actor: Actor | null,
  params: Record<string, string>,
  stepUpMinutes: number,
) {
  const rule = permission.rule;
  if (rule.kind === 'public') return;
  if (!actor) throw accessErrors.raise('AUTH_REQUIRED');
  if (rule.kind === 'pendingMfa') {
    if (!actor.pendingMfa) throw accessErrors.raise('AUTH_FORBIDDEN');
    return;
  }
  if (actor.pendingMfa) throw accessErrors.raise('AUTH_REQUIRED');
  switch (rule.kind) {
    case 'user':
      break;
    case 'staff': {
      if (!actor.staffRoles.some((r) => rule.roles.includes(r))) throw accessErrors.raise('AUTH_FORBIDDEN');
      if (!actor.mfa) throw accessErrors.raise('AUTH_MFA_REQUIRED');
      break;
    }
    case 'org': {
      const orgId = params[rule.param];
      const membership = actor.memberships.find((m) => m.orgId === orgId);
      // Not a member: the organisation does not exist as far as this actor can tell.
      if (!membership) throw accessErrors.raise('RESOURCE_NOT_FOUND');
      if (rule.membership && !rule.membership.includes(membership.membershipRole))
        throw accessErrors.raise('AUTH_FORBIDDEN');
      if (rule.activeRole) {
        const acting = actor.activeOrgId === orgId && actor.activeRole && rule.activeRole.includes(actor.activeRole);
        if (!acting) throw accessErrors.raise('AUTH_ROLE_REQUIRED', { roles: rule.activeRole.join('/') });
      }
      break;
    }
    case 'apiKey':
      // A person's session does not stand in for a key.
      throw accessErrors.raise('AUTH_REQUIRED');
    default:
      assertUnreachable(rule);
  }
  if (permission.stepUp) {
    const fresh = actor.stepUpAt && Date.now() - actor.stepUpAt.getTime() <= stepUpMinutes * 60_000;
    if (!fresh) throw accessErrors.raise('AUTH_STEP_UP_REQUIRED');
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}

export interface AccessOptions {
  resolver: ActorResolver;
  apiKeys: ApiKeyAuthenticator;
  stepUpMinutes: number;
}

/** Registers the permission check on every route; must be registered before any route. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission | null;
}

export const accessPlugin = fp(async (app: FastifyInstance, options: AccessOptions) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('permission', null);
  app.decorateRequest('apiKey', null);
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);

  app.addHook('onRoute', (route) => {
    if (isExempt(route.url)) return;
    for (const method of [route.method].flat()) {
      catalogue.push({ method, url: route.url, permission: route.config?.permission ?? null });
    }
    if (!route.url.startsWith('/api')) return;
    if (!route.config?.permission) {
      throw new Error(`route ${route.method} ${route.url} declares no permission (config.permission)`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const permission = request.routeOptions.config.permission;
    if (!permission) return;
    request.permission = permission;
    if (permission.rule.kind === 'apiKey') {
      const principal = await options.apiKeys.identify(request);
      request.apiKey = principal;
      options.apiKeys.authorise(principal, request.ip, permission.rule.scope);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await options.resolver.resolve(token, request) : null;
    request.actor = actor;
    if (actor && MUTATING.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken)) throw accessErrors.raise('AUTH_CSRF_INVALID');
    }
    checkRule(permission, actor, request.params as Record<string, string>, options.stepUpMinutes);
  });
});

/** The actor of a route whose rule guarantees one. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw accessErrors.raise('AUTH_REQUIRED');
  return request.actor;
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
