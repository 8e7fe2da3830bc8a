import Joi from 'joi';
import { METHODS, RESULTS, TECHNIQUES, VERIFICATIONS, type Sanitization } from './sanitization.model.js';

export interface SanitizationInput {
  driveSerial: string;
  method: Sanitization['method'];
  technique: Sanitization['technique'];
  tool: string;
  passes?: number;
  verification: Sanitization['verification'];
  result: Sanitization['result'];
  startedAt?: Date;
  finishedAt?: Date;
  verifierId?: number;
  notes?: string;
}

export const sanitizationInput = Joi.object<SanitizationInput>({
  driveSerial: Joi.string().trim().min(1).max(100).required(),
  method: Joi.string().valid(...METHODS).required(),
  technique: Joi.string().valid(...TECHNIQUES).required(),
  tool: Joi.string().trim().min(1).max(100).required(),
  passes: Joi.number().integer().min(0).max(100),
  verification: Joi.string().valid(...VERIFICATIONS).required(),
  result: Joi.string().valid(...RESULTS).required(),
  startedAt: Joi.date().iso(),
  finishedAt: Joi.date().iso().min(Joi.ref('startedAt')),
  verifierId: Joi.number().integer().positive(),
  notes: Joi.string().trim().max(2000).allow(''),
});

/** Form fields that may come with an uploaded nwipe log. */
export const nwipeUploadFields = Joi.object<{ verifierId?: number; notes?: string }>({
  verifierId: Joi.number().integer().positive(),
  notes: Joi.string().trim().max(2000).allow(''),
});

export type { SanitizationDto } from '../../shared/api-types.js';
import type { SanitizationDto } from '../../shared/api-types.js';

export function toSanitizationDto(s: Sanitization, driveSerial: string): SanitizationDto {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: s.id, deviceId: s.deviceId, driveId: s.driveId, driveSerial, method: s.method, technique: s.technique, tool: s.tool,
    passes: s.passes, verification: s.verification, result: s.result, startedAt: iso(s.startedAt), finishedAt: iso(s.finishedAt),
    operatorId: s.operatorId, verifierId: s.verifierId, source: s.source, evidenceSha256: s.evidenceSha256,
    createdAt: new Date(s.createdAt).toISOString(),
  };
}
