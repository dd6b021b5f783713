/**
 * Domain errors carry a module code and a message in both languages, never an HTTP status. The kind says what
 * sort of failure it is; `infra/http/problem.ts` is the one place that maps kinds to HTTP.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'too_large'
  | 'rate_limited'
  | 'unprocessable'
  | 'unavailable'
  /** an outgoing dependency (SMTP, bank, SMS) is down or slow; the request may be repeated later */
  | 'dependency_unavailable';

export interface ErrorDef {
  kind: ErrorKind;
  'zh-CN': string;
  en: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly def: ErrorDef,
    readonly params: Record<string, string | number> = {},
    /** per-field details (path, code, both languages), sent as the problem's `issues` */
    readonly issues?: { path: string; code: string; message: { 'zh-CN': string; en: string } }[],
  ) {
    super(`${code}: ${fill(def.en, params)}`);
    this.name = 'DomainError';
  }

  messages(): { 'zh-CN': string; en: string } {
    return { 'zh-CN': fill(this.def['zh-CN'], this.params), en: fill(this.def.en, this.params) };
  }
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

const registry = new Map<string, ErrorDef>();

/** Every error code of the platform, for the docs page and for the test that each one maps to HTTP. */
export function allErrorCodes(): ReadonlyMap<string, ErrorDef> {
  return registry;
}

/**
 * Declares a module's error codes. Usage:
 *   export const orgErrors = defineErrors({ ORG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '…', en: '…' } });
 *   throw orgErrors.raise('ORG_NOT_FOUND');
 */
export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T) {
  for (const [code, def] of Object.entries(defs)) {
    const existing = registry.get(code);
    if (existing && existing !== def) throw new Error(`error code ${code} is declared twice`);
    registry.set(code, def);
  }
  return {
    defs,
    raise(
      code: keyof T & string,
      params: Record<string, string | number> = {},
      issues?: DomainError['issues'],
    ): DomainError {
      return new DomainError(code, defs[code] as ErrorDef, params, issues);
    },
  };
}
