import { freshToken, getSession, signOut } from './auth/session.ts';

export type FieldError = { path: string; message: string };

/** An error answer of the API: `{error:{code,message,fields?}}`, or a gateway's own `{message}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

async function send(
  method: string,
  path: string,
  body: unknown,
  token: string | null,
  accept = 'application/json',
): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

/** A request with the signed-in user's ID token; on a 401 the token is refreshed once, then the user is signed out. */
async function authorized(method: string, path: string, body: unknown, accept?: string): Promise<Response> {
  let token = getSession() ? await freshToken() : null;
  let res = await send(method, path, body, token, accept);
  if (res.status === 401 && token) {
    // The token may have been revoked or expired early: refresh once, then give up.
    token = await freshToken(true);
    if (token) res = await send(method, path, body, token, accept);
    if (res.status === 401) signOut();
  }
  return res;
}

/** Calls the API on the same origin with the signed-in user's ID token. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await authorized(method, path, body);
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const e = (parsed as { error?: { code?: string; message?: string; fields?: FieldError[] } })?.error;
    const message = e?.message ?? (parsed as { message?: string })?.message ?? res.statusText;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, message, e?.fields ?? []);
  }
  return parsed as T;
}

/** A file the API answers with (a CSV), fetched with the ID token; errors as `api` throws them. */
export async function apiFile(path: string, accept: string): Promise<Blob> {
  const res = await authorized('GET', path, undefined, accept);
  if (res.ok) return res.blob();
  const text = await res.text();
  let e: { code?: string; message?: string } | undefined;
  try {
    e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
  } catch {}
  throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText);
}

/** Field errors of a 400 answer, keyed by the path inside the body: `displayName`, `billingContact.email`. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const f of error.fields) {
      const key = f.path.replace(/^body\.?/, '');
      out[key] ??= f.message;
    }
  }
  return out;
}
