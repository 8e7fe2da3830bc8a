// Payloads of the workshop actions (product spec §3 and §9), one joi schema per action, keyed on `action`.
import Joi from 'joi';
import { ValidationError } from '../../lib/errors.js';
import { parse } from '../../lib/parse.js';
import { LICENCES, QA_ITEMS, type PartRef, type WorkshopActionInput } from '../../shared/index.js';

const version = Joi.number().integer().min(0).required();
const text = (max: number) => Joi.string().trim().max(max);
const QA_RESULT = Joi.string().valid('pass', 'fail', 'na').required();
export type { PartRef };

/** The parsed payload has the wire body's shape (joi fills the defaults). */
export type WorkshopAction = WorkshopActionInput;

const part = Joi.object<PartRef>({
  type: Joi.string()
    .trim()
    .lowercase()
    .pattern(/^[a-z0-9_ -]{2,32}$/)
    .required(),
  serialNumber: text(100).allow(''),
  partId: Joi.number().integer().positive(),
  description: text(200).allow(''),
});

const schemas: Record<WorkshopAction['action'], Joi.ObjectSchema> = {
  triage: Joi.object({
    needsRepair: Joi.boolean().required(),
    disposition: Joi.string().valid('reuse', 'recycle', 'parts').default('reuse'),
    findings: text(2000).allow(''),
  }),
  repair: Joi.object({
    workDone: text(2000).min(1).required(),
    partsUsed: Joi.array().items(part).max(50).default([]),
    fixed: Joi.boolean().default(true),
    disposition: Joi.string().valid('recycle', 'parts'),
  }),
  complete_wipe: Joi.object({ noStorage: Joi.boolean() }),
  refurbish: Joi.object({
    os: text(100).min(1),
    licence: Joi.string().valid(...LICENCES),
    windows11Eligible: Joi.boolean(),
    grade: Joi.string().uppercase().valid('A', 'B', 'C'),
    r2Function: Joi.string()
      .uppercase()
      .pattern(/^F[1-6]$/),
    r2Cosmetic: Joi.string()
      .uppercase()
      .pattern(/^C[0-9]$/),
    qa: Joi.object(Object.fromEntries(QA_ITEMS.map((k) => [k, QA_RESULT]))).required(),
    notes: text(2000).allow(''),
  }),
  recycle: Joi.object({
    recycler: text(200).min(1).required(),
    weightKg: Joi.number().positive().max(1000).required(),
    certificateRef: text(100).min(1).required(),
  }),
  harvest: Joi.object({ parts: Joi.array().items(part).min(1).max(50).required() }),
  return: Joi.object({ reason: text(2000).min(1).required() }),
};

export const WORKSHOP_ACTIONS = Object.keys(schemas) as WorkshopAction['action'][];

const actionBase = Joi.object<{ action: WorkshopAction['action']; version: number }>({
  action: Joi.string()
    .valid(...WORKSHOP_ACTIONS)
    .required()
    .messages({
      'any.only': 'action must be one of {{#valids}} (allocate, handover and cancel go through /api/allocations)',
    }),
  version,
}).unknown(true);

// Each action's full schema, built once: extending a joi schema with keys() per request cost ~0.2 ms of CPU,
// a tenth of a lifecycle action (docs/performance.md).
const fullSchemas = Object.fromEntries(
  WORKSHOP_ACTIONS.map((a) => [a, schemas[a].keys({ action: Joi.any(), version })]),
) as Record<WorkshopAction['action'], Joi.ObjectSchema>;

/** Validates the action name first, then that action's own payload: one detail per bad field. */
export function parseWorkshopAction(body: unknown): WorkshopAction {
  const { action } = parse(actionBase, body);
  const input = parse(fullSchemas[action], body) as WorkshopAction;
  if (input.action === 'refurbish' && !Object.values(input.qa).includes('fail')) {
    // A passing QA needs the OS, licence and grade; a failing one sends the device back to repair without them.
    const missing = (['os', 'licence', 'grade'] as const).filter((k) => input[k] === undefined);
    if (missing.length)
      throw new ValidationError(
        'Request is invalid',
        missing.map((path) => ({
          path,
          message: `${path} is required when every QA item passes`,
          type: 'qa.requiredWhenPassed',
        })),
      );
  }
  return input;
}
