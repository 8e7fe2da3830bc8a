// Typed application errors. Services throw these; only error-handler.ts turns them into HTTP.
/**
 * One bad field of a 400 VALIDATION_FAILED: `type` is joi's error type (`any.required`, `string.max`…) or one of ours
 * (`phone.invalid`…), `context` what wording it needs (`limit`, `valids`), never the submitted value.
 */
export interface FieldError {
  path: string;
  message: string;
  type: string;
  context?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
export class ValidationError extends AppError {
  constructor(message: string, details?: FieldError[]) {
    super('VALIDATION_FAILED', message, 400, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first') {
    super('UNAUTHENTICATED', message, 401);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'Your role may not do this', code = 'FORBIDDEN') {
    super(code, message, 403);
  }
}
export class NotFoundError extends AppError {
  constructor(message: string, details?: unknown) {
    super('NOT_FOUND', message, 404, details);
  }
}
export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, 409, details);
  }
}
export class UnprocessableError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, 422, details);
  }
}
export class RateLimitedError extends AppError {
  constructor(message = 'Too many requests; try again later', retryAfterSeconds?: number) {
    super('RATE_LIMITED', message, 429, retryAfterSeconds ? { retryAfterSeconds } : undefined);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(code: 'FILE_TOO_LARGE' | 'PAYLOAD_TOO_LARGE', message: string, details?: unknown) {
    super(code, message, 413, details);
  }
}
export class UnsupportedTypeError extends AppError {
  constructor(code: 'UNSUPPORTED_FILE_TYPE' | 'UNSUPPORTED_MEDIA_TYPE', message: string, details?: unknown) {
    super(code, message, 415, details);
  }
}
