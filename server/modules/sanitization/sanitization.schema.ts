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
  method: Joi.string()
    .valid(...METHODS)
    .required(),
  technique: Joi.string()
    .valid(...TECHNIQUES)
    .required(),
  tool: Joi.string().trim().min(1).max(100).required(),
  passes: Joi.number().integer().min(0).max(100),
  verification: Joi.string()
    .valid(...VERIFICATIONS)
    .required(),
  result: Joi.string()
    .valid(...RESULTS)
    .required(),
  startedAt: Joi.date().iso(),
  finishedAt: Joi.date().iso().min(Joi.ref('startedAt')),
  verifierId: Joi.number().integer().positive(),
  notes: Joi.string().trim().max(2000).allow(''),
});

/** POST /api/sanitizations/:id/reject: why the record is not true. */
export const rejectInput = Joi.object<{ reason: string }>({ reason: Joi.string().trim().min(1).max(500).required() });

export const sanitizationIdParams = Joi.object<{ id: number }>({ id: Joi.number().integer().positive().required() });

/** GET /api/sanitizations?awaiting=me: the records waiting for the signed-in user's confirmation. */
export const awaitingQuery = Joi.object<{ awaiting: 'me'; page: number; pageSize: number }>({
  awaiting: Joi.string().valid('me').required(),
  page: Joi.number().integer().min(1).default(1),
  pageSize: Joi.number().integer().min(1).max(200).default(50),
});

/** Form fields that may come with an uploaded nwipe log. */
export const nwipeUploadFields = Joi.object<{ verifierId?: number; notes?: string }>({
  verifierId: Joi.number().integer().positive(),
  notes: Joi.string().trim().max(2000).allow(''),
});

export type { SanitizationDto } from '../../shared/index.js';
import type { SanitizationDto } from '../../shared/index.js';

type Names = { operatorName?: string | null; verifierName?: string | null };

export function toSanitizationDto(s: Sanitization, driveSerial: string, names: Names = {}): SanitizationDto {
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  return {
    id: s.id,
    deviceId: s.deviceId,
    driveId: s.driveId,
    driveSerial,
    method: s.method,
    technique: s.technique,
    tool: s.tool,
    passes: s.passes,
    verification: s.verification,
    result: s.result,
    startedAt: iso(s.startedAt),
    finishedAt: iso(s.finishedAt),
    operatorId: s.operatorId,
    verifierId: s.verifierId,
    source: s.source,
    evidenceSha256: s.evidenceSha256,
    evidence: s.evidence,
    state: s.state,
    operatorName: names.operatorName ?? null,
    verifierName: names.verifierName ?? null,
    confirmedBy: s.confirmedBy ?? null,
    confirmedAt: iso(s.confirmedAt),
    rejectedBy: s.rejectedBy ?? null,
    rejectedAt: iso(s.rejectedAt),
    rejectionReason: s.rejectionReason ?? null,
    createdAt: new Date(s.createdAt).toISOString(),
  };
}
