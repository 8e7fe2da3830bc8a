// The one place that turns errors into HTTP responses: { error: { code, message, details?, requestId } }.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import {
  BaseError,
  DatabaseError,
  ForeignKeyConstraintError,
  TimeoutError,
  UniqueConstraintError,
  ValidationError as SequelizeValidationError,
} from 'sequelize';
import { AppError, NotFoundError, PayloadTooLargeError, UnsupportedTypeError, ValidationError } from './errors.js';
import { logger } from './logger.js';

export function sendError(req: Request, res: Response, err: AppError): void {
  const body: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.details !== undefined) body.details = err.details;
  body.requestId = req.requestId;
  if (err.status === 429 && err.details && typeof err.details === 'object' && 'retryAfterSeconds' in err.details) {
    res.set('Retry-After', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
  }
  res.status(err.status).json({ error: body });
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new NotFoundError(`No route ${req.method} ${req.path}`);
};

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const appError = toAppError(err);
  if (appError) return sendError(req, res, appError);
  logger.error('http.unhandled_error', {
    error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
  });
  sendError(
    req,
    res,
    new AppError('INTERNAL', 'Something went wrong on our side; the request id helps us find it', 500),
  );
};

function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof multer.MulterError) return fromMulter(err);
  if (err instanceof BaseError) return fromSequelize(err);
  // A lock wait or deadlock raised by mysql2 itself, for the statements db/statements.ts runs without Sequelize.
  if (['ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK'].includes(String((err as { code?: unknown } | null)?.code)))
    return new AppError('DB_BUSY', 'The database is busy; try again in a moment', 503);
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string; limit?: number };
  // body-parser errors carry a `type`.
  switch (e?.type) {
    case 'entity.parse.failed':
      return new ValidationError('The request body is not valid JSON', [
        { path: 'body', message: 'is not valid JSON', type: 'body.json' },
      ]);
    case 'entity.too.large':
      return new PayloadTooLargeError('PAYLOAD_TOO_LARGE', `The request body is larger than ${e.limit} bytes`, {
        limitBytes: e.limit,
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedTypeError(
        'UNSUPPORTED_MEDIA_TYPE',
        'The request body encoding is not supported; send UTF-8',
      );
    case 'request.aborted':
      return new AppError('REQUEST_ABORTED', 'The request was aborted', 400);
  }
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError('BAD_REQUEST', e.message ?? 'Bad request', status);
  }
  if (err instanceof URIError)
    return new ValidationError('The URL is malformed', [
      { path: 'url', message: 'is not valid', type: 'url.malformed' },
    ]);
  return undefined;
}

function fromMulter(err: multer.MulterError): AppError {
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new PayloadTooLargeError('FILE_TOO_LARGE', 'The file is too large', { field: err.field });
    case 'LIMIT_UNEXPECTED_FILE':
      return new ValidationError('Unexpected file field', [
        { path: err.field ?? 'file', message: 'is not an expected file field', type: 'file.unexpected' },
      ]);
    default:
      return new ValidationError('The multipart body is invalid', [
        { path: err.field ?? 'body', message: err.message, type: 'multipart.invalid' },
      ]);
  }
}

/** Database columns are snake_case; the API names fields in camelCase. */
const fieldOf = (column: string): string => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

function fromSequelize(err: BaseError): AppError | undefined {
  if (err instanceof UniqueConstraintError) {
    const details = err.errors.map((e) => ({ path: fieldOf(e.path ?? 'unknown'), message: 'is already used' }));
    return new AppError('DUPLICATE', 'A record with these values exists already', 409, details);
  }
  if (err instanceof ForeignKeyConstraintError) {
    const fields = Array.isArray(err.fields) ? err.fields : Object.keys(err.fields ?? {});
    return new AppError(
      'REFERENCE_INVALID',
      'The request refers to a record that does not exist or is still in use',
      409,
      fields.map((f) => ({ path: fieldOf(f), message: 'refers to a missing or dependent record' })),
    );
  }
  if (err instanceof SequelizeValidationError) {
    return new ValidationError(
      'The record is invalid',
      err.errors.map((e) => ({ path: e.path ?? 'unknown', message: e.message, type: 'record.invalid' })),
    );
  }
  if (
    err instanceof TimeoutError ||
    (err instanceof DatabaseError && /SQLITE_BUSY|Lock wait timeout|Deadlock/i.test(err.message))
  ) {
    return new AppError('DB_BUSY', 'The database is busy; try again in a moment', 503);
  }
  return undefined;
}
