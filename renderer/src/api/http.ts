/**
 * Browser-mode transport: each call is `POST /api/<method>` with the session token, the JSON
 * argument object as body. The answer is an ApiResult (JSON), raw bytes (octet-stream, e.g. a
 * tile) or nothing (204 = null). Pure: `fetch` is passed in, so tests can stub it.
 */
import { isApiErrorData, type ApiErrorCode, type ApiResult } from '../../../electron/api/errors.js';
import type { InvokeFn } from './bridge.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export const TOKEN_HEADER = 'X-CCP-Token';

export interface HttpTransportOptions {
  fetch: FetchLike;
  /** Token from the start-up URL; null sends no header (the server then answers UNAUTHORIZED). */
  token: string | null;
  /** Prefix of the API routes; same origin by default. */
  baseUrl?: string;
}

export function createHttpInvoke(opts: HttpTransportOptions): InvokeFn {
  const base = opts.baseUrl ?? '';
  return async (method, args) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (opts.token) headers[TOKEN_HEADER] = opts.token;
    let res: Response;
    try {
      res = await opts.fetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(args ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (e) {
      return failure('INTERNAL', `network error: ${errorText(e)}`);
    }
    return decodeHttpResponse(res);
  };
}

/** Decodes one HTTP answer into an ApiResult; never throws. */
export async function decodeHttpResponse(res: Response): Promise<ApiResult<unknown>> {
  if (res.status === 204) return { ok: true, value: null };
  const type = (res.headers.get('Content-Type') ?? '').toLowerCase();
  try {
    if (type.startsWith('application/octet-stream')) {
      if (!res.ok) return statusFailure(res.status);
      return { ok: true, value: new Uint8Array(await res.arrayBuffer()) };
    }
    if (type.startsWith('application/json')) {
      const body: unknown = await res.json();
      if (isApiResult(body)) return body;
      return res.ok ? failure('INTERNAL', 'response is not an ApiResult') : statusFailure(res.status);
    }
  } catch (e) {
    return failure('INTERNAL', `unreadable response: ${errorText(e)}`);
  }
  return res.ok ? failure('INTERNAL', `unexpected content type "${type}"`) : statusFailure(res.status);
}

export function isApiResult(x: unknown): x is ApiResult<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; value?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok === false) return isApiErrorData(r.error);
  return false;
}

function statusFailure(status: number): ApiResult<unknown> {
  if (status === 401 || status === 403) return failure('UNAUTHORIZED', `HTTP ${status}`);
  return failure('INTERNAL', `HTTP ${status}`);
}

function failure(code: ApiErrorCode, message: string, params?: Record<string, string>): ApiResult<unknown> {
  return { ok: false, error: { code, message, params: params ?? { detail: message } } };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
