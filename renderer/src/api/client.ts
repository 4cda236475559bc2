/**
 * Turns a transport (IPC or HTTP, both returning ApiResults) into the typed PlannerApi the UI
 * calls: a failed ApiResult becomes a thrown ApiError.
 */
import { ApiError, isApiErrorData, type ApiResult } from '../../../electron/api/errors.js';
import type { PlannerApi } from '../../../electron/api/schema.js';
import type { InvokeFn } from './bridge.js';

export function unwrapResult<T>(method: string, result: ApiResult<T>): T {
  if (result && result.ok === true) return result.value;
  if (result && result.ok === false && isApiErrorData(result.error)) throw ApiError.fromData(result.error);
  const detail = `${method}: malformed response`;
  throw new ApiError('INTERNAL', detail, { detail });
}

/**
 * A PlannerApi whose every method forwards to `invoke`. A Proxy rather than a list of method
 * names: the list lives in electron/api/schema.ts next to zod, which the renderer does not bundle.
 */
export function createApi(invoke: InvokeFn): PlannerApi {
  const cache = new Map<string, (args: unknown) => Promise<unknown>>();
  return new Proxy({} as PlannerApi, {
    get(_target, prop) {
      // Not a method: symbols, and `then` so that the api object is never mistaken for a promise.
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      let fn = cache.get(prop);
      if (!fn) {
        fn = async (args: unknown) => unwrapResult(prop, await invoke(prop, args ?? {}));
        cache.set(prop, fn);
      }
      return fn;
    },
  });
}
