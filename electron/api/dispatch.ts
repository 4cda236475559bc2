/**
 * The single entry through which every door calls the API: checks the method name, validates
 * the argument object with its zod schema, runs the implementation and wraps the outcome in an
 * ApiResult. Unknown failures become INTERNAL errors; nothing is thrown across a door.
 */
import { apiArgs, type ApiMethod, type PlannerApi } from './schema.js';
import { ApiError, type ApiResult } from './errors.js';

export function isApiMethod(m: unknown): m is ApiMethod {
  return typeof m === 'string' && Object.prototype.hasOwnProperty.call(apiArgs, m);
}

export async function dispatch(impl: PlannerApi, method: unknown, args: unknown): Promise<ApiResult<unknown>> {
  try {
    if (!isApiMethod(method)) {
      throw new ApiError('UNKNOWN_METHOD', `unknown API method: ${String(method).slice(0, 80)}`, {
        method: String(method).slice(0, 80),
      });
    }
    const parsed = apiArgs[method].safeParse(args ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(arguments)';
      throw new ApiError('INVALID_ARGUMENT', `${method}: ${field}: ${issue?.message ?? 'invalid'}`, {
        method,
        field,
      });
    }
    const fn = impl[method] as (a: unknown) => Promise<unknown>;
    const value = await fn.call(impl, parsed.data);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toApiError(e).toData() };
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError('INTERNAL', message, { detail: message.slice(0, 500) });
}
