import Joi from 'joi';
import { METHODS, RESULTS, TECHNIQUES, VERIFICATIONS, type Sanitization } from './sanitization.model.js';
import { DEVICE_LEVEL_TECHNIQUE } from '../../shared/index.js';

export interface SanitizationInput {
  /** Absent: a record of the device itself (a phone's or tablet's factory reset or destruction, docs/phones.md). */
  driveSerial?: string;
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
  encryptionVerified?: boolean;
  osVersion?: string;
}

const driveSerial = Joi.string().trim().min(1).max(100);
const tool = Joi.string().trim().min(1).max(100);
const verification = Joi.string().valid(...VERIFICATIONS);
const factoryReset = { is: DEVICE_LEVEL_TECHNIQUE, then: Joi.required(), otherwise: Joi.forbidden() } as const;

/**
 * A record of one drive; or of the whole device (no driveSerial) for a phone or tablet: its factory reset with
 * encryption (technique `factory_reset_encrypted`, always a purge, with `encryptionVerified` and `osVersion`), or
 * its destruction (method `destroy`). The service checks the device's type (docs/phones.md).
 */
export const sanitizationInput = Joi.object<SanitizationInput>({
  driveSerial: Joi.when('technique', {
    is: DEVICE_LEVEL_TECHNIQUE,
    then: Joi.forbidden().messages({
      'any.unknown': '{{#label}} is not allowed: a factory reset is of the whole device',
    }),
    otherwise: Joi.when('method', { is: 'destroy', then: driveSerial, otherwise: driveSerial.required() }),
  }),
  method: Joi.when('technique', {
    is: DEVICE_LEVEL_TECHNIQUE,
    then: Joi.string().valid('purge').default('purge'),
    otherwise: Joi.string()
      .valid(...METHODS)
      .required(),
  }),
  technique: Joi.string()
    .valid(...TECHNIQUES)
    .required(),
  tool: Joi.when('technique', {
    is: DEVICE_LEVEL_TECHNIQUE,
    then: tool.default('built-in factory reset'),
    otherwise: tool.required(),
  }),
  passes: Joi.number().integer().min(0).max(100),
  verification: Joi.when('technique', {
    is: DEVICE_LEVEL_TECHNIQUE,
    then: verification.default('none'),
    otherwise: verification.required(),
  }),
  result: Joi.string()
    .valid(...RESULTS)
    .required(),
  startedAt: Joi.date().iso(),
  // A factory reset has one moment, often typed without a start: the order is checked only when both are given.
  finishedAt: Joi.date()
    .iso()
    .when('startedAt', { is: Joi.exist(), then: Joi.date().min(Joi.ref('startedAt')) }),
  verifierId: Joi.number().integer().positive(),
  notes: Joi.string().trim().max(2000).allow(''),
  encryptionVerified: Joi.boolean().when('technique', factoryReset),
  osVersion: Joi.string().trim().min(1).max(100).when('technique', factoryReset),
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

/** Plain (raw) rows carry booleans as 0/1 on SQLite and MySQL; model instances as booleans. */
const bool = (v: boolean | number | null | undefined): boolean | null =>
  v === null || v === undefined ? null : Boolean(v);

export function toSanitizationDto(s: Sanitization, driveSerial: string | null, names: Names = {}): SanitizationDto {
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
    encryptionVerified: bool(s.encryptionVerified),
    osVersion: s.osVersion ?? null,
    createdAt: new Date(s.createdAt).toISOString(),
  };
}
