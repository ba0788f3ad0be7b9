/**
 * API errors in the shape of metav1.Status, with the messages kubectl prints, e.g.
 * `Error from server (NotFound): pods "x" not found`.
 */

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  | 'InternalError';

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  TooManyRequests: 429,
  ServiceUnavailable: 503,
  InternalError: 500,
};

/** One validation failure, located by its field path (`spec.replicas`) as field.ErrorList does. */
export interface FieldError {
  /** Dotted path with indices: `spec.template.spec.containers[0].image`. */
  field: string;
  type: 'Invalid' | 'Required' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'FieldValueTypeInvalid' | 'NotFound';
  /** What was wrong, e.g. `must be greater than or equal to 0`. */
  detail: string;
  value?: unknown;
  /** The value as Go prints it (`map[string]string{"app":"x"}`), when JSON would not match kubectl. */
  valueText?: string;
}

export class ApiError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly causes: FieldError[];

  constructor(reason: StatusReason, message: string, causes: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.reason = reason;
    this.code = CODES[reason];
    this.causes = causes;
  }

  /** The line kubectl prints for this error. */
  toKubectlMessage(): string {
    return `Error from server (${this.reason}): ${this.message}`;
  }
}

/** The one-line form of a field error, as field.Error.Error() prints it. */
export function formatFieldError(e: FieldError): string {
  switch (e.type) {
    case 'Required':
      return `${e.field}: Required value${e.detail ? `: ${e.detail}` : ''}`;
    case 'NotSupported':
      return `${e.field}: Unsupported value: ${e.valueText ?? formatValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
    case 'Duplicate':
      return `${e.field}: Duplicate value: ${e.valueText ?? formatValue(e.value)}`;
    case 'NotFound':
      return `${e.field}: Not found: ${e.valueText ?? formatValue(e.value)}`;
    case 'Forbidden':
      return `${e.field}: Forbidden: ${e.detail}`;
    case 'TooLong':
      return `${e.field}: Too long: ${e.detail}`;
    case 'FieldValueTypeInvalid':
      return `${e.field}: Invalid value: ${e.valueText ?? formatValue(e.value)}: ${e.detail}`;
    default:
      return `${e.field}: Invalid value: ${e.valueText ?? formatValue(e.value)}: ${e.detail}`;
  }
}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return '""';
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

export function notFound(resource: string, name: string): ApiError {
  return new ApiError('NotFound', `${resource} "${name}" not found`);
}

export function alreadyExists(resource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${resource} "${name}" already exists`);
}

/** `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0` */
export function invalid(kindWithGroup: string, name: string, causes: FieldError[]): ApiError {
  const details = causes.map(formatFieldError);
  const body = details.length === 1 ? details[0] : `[${details.join(', ')}]`;
  return new ApiError('Invalid', `${kindWithGroup} "${name}" is invalid: ${body}`, causes);
}

/** What a client sees when the API server is down (a stopped kube-apiserver, lost etcd quorum...). */
export class ConnectionRefusedError extends Error {
  constructor(message = 'The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?') {
    super(message);
    this.name = 'ConnectionRefusedError';
  }
}

/**
 * The failures a client meets in a working cluster: the API server's answers (conflicts, refusals by
 * admission, quota or validation, NotFound) and its absence (stopped, no etcd quorum). Anything else a
 * client catches is a bug and should not be swallowed.
 */
export function isApiFailure(err: unknown): boolean {
  return err instanceof ApiError || err instanceof ConnectionRefusedError;
}
