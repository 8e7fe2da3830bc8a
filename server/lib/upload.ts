// Multipart uploads, held in memory up to UPLOAD_MAX_BYTES (the services look at the content, never the name).
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { config } from '../config.js';
import { UnsupportedTypeError, ValidationError } from './errors.js';

export function singleFile(field = 'file', maxBytes = config.upload.maxBytes): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
  }).single(field);
  // busboy reports a broken body (no or wrong boundary, a cut-off or malformed part) as a plain Error, which would
  // otherwise become a 500: it is the client's mistake, so say 400. MulterErrors (limits) keep their own mapping.
  return (req, res, next) =>
    upload(req, res, (err?: unknown) => {
      if (!err || err instanceof multer.MulterError) return next(err);
      next(
        new ValidationError('The multipart body is malformed', [
          {
            path: 'body',
            message: err instanceof Error ? err.message : 'malformed multipart body',
            type: 'multipart.invalid',
          },
        ]),
      );
    });
}

export function requireFile(req: Request, field = 'file'): Express.Multer.File {
  if (!req.file)
    throw new ValidationError('A file is required', [
      { path: field, message: 'is required (multipart field "file")', type: 'file.required' },
    ]);
  return req.file;
}

/** Text files only: refuses binary content (NUL bytes, or invalid UTF-8) with 415. */
export function assertText(file: Express.Multer.File): string {
  const text = file.buffer.toString('utf8');
  if (file.buffer.includes(0) || text.includes('\uFFFD')) {
    throw new UnsupportedTypeError('UNSUPPORTED_FILE_TYPE', 'The file is not UTF-8 text', { field: file.fieldname });
  }
  return text;
}
