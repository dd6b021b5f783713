import { Problem } from '@zhuhe/contracts';
import type { z } from 'zod';
import { currentLanguage } from './language';

/** Paths whose 401 means "wrong credentials" or "not signed in yet", not "the session has ended". */
const NO_REDIRECT_ON_401 = new Set([
  '/api/auth/me',
  '/api/auth/login',
  '/api/auth/login/totp',
  '/api/auth/register',
  '/api/auth/step-up',
]);

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A failed API call. `problem` is the server's RFC 9457 body when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.message.en ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | null {
    return this.problem?.code ?? null;
  }
}

// The CSRF token lives in memory only; every Me and LoginResult response refreshes it.
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

function rememberCsrfToken(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  if ('csrfToken' in data && typeof data.csrfToken === 'string') {
    csrfToken = data.csrfToken;
    return;
  }
  if ('me' in data && typeof data.me === 'object' && data.me !== null && 'csrfToken' in data.me) {
    const token = data.me.csrfToken;
    if (typeof token === 'string') csrfToken = token;
  }
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const parsed = Problem.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(method: HttpMethod, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, null, 'Network error');
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !NO_REDIRECT_ON_401.has(path)) {
      csrfToken = null;
      unauthorizedHandler?.();
    }
    throw new ApiError(response.status, problem, `HTTP ${response.status}`);
  }
  return response;
}

/** Calls the API and validates the JSON answer with the contract schema. */
export async function apiRequest<S extends z.ZodType>(
  method: HttpMethod,
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(method, path, options);
  const json: unknown = await response.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected response from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(response.status, null, 'Unexpected response');
  }
  rememberCsrfToken(parsed.data);
  return parsed.data;
}

/** Calls an API route that answers 204 No Content. */
export async function apiRequestVoid(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<void> {
  await send(method, path, options);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Uploads one file as multipart/form-data (field "file") and validates the JSON answer. */
export async function apiUpload<S extends z.ZodType>(
  path: string,
  file: File,
  schema: S,
  query?: Record<string, string | undefined>,
): Promise<z.infer<S>> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, null, 'Network error');
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) unauthorizedHandler?.();
    throw new ApiError(response.status, problem, `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, null, 'Unexpected response');
  return parsed.data;
}
