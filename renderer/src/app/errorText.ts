/** An error as one line for the user: API errors by their code's message in the locale, others as they are. */
import { ApiError } from '../../../electron/api/errors.js';

export function errorText(e: unknown, t: (key: string, params?: Record<string, string | number>) => string): string {
  if (e instanceof ApiError) return t(`errors.${e.code}`, e.params as Record<string, string | number>);
  return e instanceof Error ? e.message : String(e);
}
