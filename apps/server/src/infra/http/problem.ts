import { type Problem, validationMessage } from '@zhuhe/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, defineErrors, type ErrorKind } from '../errors';
import { DependencyUnavailable } from '../resilience/breaker';
import { assertUnreachable } from './access';

export const httpErrors = defineErrors({
  VALIDATION_FAILED: { kind: 'invalid', 'zh-CN': '请求参数不合法', en: 'The request is not valid' },
  NOT_FOUND: { kind: 'not_found', 'zh-CN': '请求的地址不存在', en: 'No such address' },
  RATE_LIMITED: { kind: 'rate_limited', 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_INVALID: { kind: 'invalid', 'zh-CN': '请求体无法解析', en: 'The request body could not be parsed' },
  DEPENDENCY_UNAVAILABLE: {
    kind: 'dependency_unavailable',
    'zh-CN': '外部服务（{dependency}）暂时不可用，请稍后再试',
    en: 'An outside service ({dependency}) is unavailable for now; try again later',
  },
  INTERNAL: {
    kind: 'unavailable',
    'zh-CN': '服务器内部错误，请稍后再试',
    en: 'Internal server error; try again later',
  },
});

/** How a dependency is named in a problem's message (one text for both languages). */
const DEPENDENCY_LABEL = { smtp: '邮件 SMTP', bank: '银行 bank', sms: '短信 SMS' } as const;

/** The single mapping from error kinds to HTTP statuses. */
export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'unprocessable':
      return 422;
    case 'locked':
      return 423;
    case 'too_large':
      return 413;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 500;
    case 'dependency_unavailable':
      return 503;
    default:
      return assertUnreachable(kind);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemOf(error: DomainError, request: FastifyRequest, issues?: Problem['issues']): Problem {
  const status = statusOf(error.def.kind);
  const message = error.messages();
  return {
    type: `https://zhuhe.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: message.en,
    instance: request.url,
    code: error.code,
    message,
    requestId: request.id,
    ...(issues ? { issues } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

interface ZodIssueLike {
  path?: PropertyKey[];
  instancePath?: string;
  message?: string;
  code?: string;
}

function issuesOf(error: FastifyError): Problem['issues'] {
  const raw = (error.validation ?? []) as unknown as ZodIssueLike[];
  return raw.map((issue) => {
    const params = (issue as { params?: { issue?: ZodIssueLike } }).params?.issue ?? issue;
    const path =
      (params.path ?? []).map(String).join('.') || (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const code = params.message && validationMessage(params.message) ? params.message : (params.code ?? 'invalid');
    const message = validationMessage(code) ?? {
      'zh-CN': `字段不合法：${params.message ?? code}`,
      en: params.message ?? code,
    };
    return { path, code, message };
  });
}

/**
 * `spaRoot`: the built web pages; unknown GET paths outside /api get its index.html so that the client-side
 * router can show them.
 */
export function registerProblemHandlers(app: FastifyInstance, spaRoot: string | null) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (statusOf(error.def.kind) >= 500) request.log.error({ err: error }, 'domain error');
      return sendProblem(reply, problemOf(error, request, error.issues));
    }
    if (error instanceof DependencyUnavailable) {
      // a breaker refused or a dependency timed out: say which, and when to try again, instead of a bare 500
      request.log.warn({ err: error, dependency: error.dependency, reason: error.reason }, 'dependency unavailable');
      if (error.retryAt)
        reply.header('retry-after', String(Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000))));
      return sendProblem(
        reply,
        problemOf(
          httpErrors.raise('DEPENDENCY_UNAVAILABLE', { dependency: DEPENDENCY_LABEL[error.dependency] }),
          request,
        ),
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, problemOf(httpErrors.raise('VALIDATION_FAILED'), request, issuesOf(error)));
    }
    if (error.statusCode === 429) return sendProblem(reply, problemOf(httpErrors.raise('RATE_LIMITED'), request));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const base = httpErrors.raise('PAYLOAD_INVALID');
      return sendProblem(reply, { ...problemOf(base, request), status: error.statusCode, detail: error.message });
    }
    if (isResponseSerializationError(error))
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    else request.log.error({ err: error }, 'unhandled error');
    // 5xx details stay in the log; the client gets the request id to quote.
    return sendProblem(reply, problemOf(httpErrors.raise('INTERNAL'), request));
  });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (spaRoot && wantsPage) return reply.type('text/html; charset=utf-8').sendFile('index.html', spaRoot);
    return sendProblem(reply, problemOf(httpErrors.raise('NOT_FOUND'), request));
  });
}
