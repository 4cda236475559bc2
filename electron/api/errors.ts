/**
 * Typed errors every door (IPC, HTTP, CLI) returns. The message text lives in the i18n files,
 * keyed by `errors.<code>`; `params` fill its placeholders ({path}, {field}, {row} …).
 */
export const API_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'NO_PROJECT',
  'FILE_NOT_FOUND',
  'FILE_READ_ONLY',
  'FILE_EXISTS',
  'NOT_A_GEOPACKAGE',
  'NOT_A_PROJECT',
  'CORRUPT_FILE',
  'NEWER_SCHEMA',
  'MIGRATION_FAILED',
  'WRITE_FAILED',
  'BAD_OSM_FILE',
  'NOT_FOUND',
  'BAD_RASTER',
  'IMPORT_REJECTED',
  'UNSUPPORTED_FORMAT',
  'FILE_TOO_LARGE',
  'BAD_ENCODING',
  'BAD_IMPORT_FILE',
  'SHAPEFILE_INCOMPLETE',
  'UNKNOWN_CRS',
  'SHEET_NOT_FOUND',
  'RULE_VALUE_INVALID',
  'RULE_ORDER',
  'SCENARIO_NOT_FOUND',
  'SCENARIO_INVALID',
  'DECISION_INVALID',
  'TOUR_CONFIG_INVALID',
  'REPORT_FORMAT_UNAVAILABLE',
  'PRINT_TEMPLATE_INVALID',
  'PRINT_TEMPLATE_NOT_FOUND',
  'PNG_INVALID',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export interface ApiErrorData {
  code: ApiErrorCode;
  /** English fallback text for logs; the UI shows the i18n text for `code`. */
  message: string;
  params: ErrorParams;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly params: ErrorParams;
  constructor(code: ApiErrorCode, message: string, params: ErrorParams = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
  }
  toData(): ApiErrorData {
    return { code: this.code, message: this.message, params: this.params };
  }
  static fromData(d: ApiErrorData): ApiError {
    return new ApiError(d.code, d.message, d.params);
  }
}

export function isApiErrorData(x: unknown): x is ApiErrorData {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ApiErrorData).code === 'string' &&
    (API_ERROR_CODES as readonly string[]).includes((x as ApiErrorData).code)
  );
}

/** Result envelope crossing IPC and HTTP. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
