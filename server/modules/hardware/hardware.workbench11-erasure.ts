// Erasure actions on Workbench 11 drives. EraseBasic overwrites without checking; EraseSectors overwrites
// with badblocks, which reads every sector back after its final write. Both are host overwrites: NIST "clear".
import { asArray, asString, objectsIn, type JsonObject } from './hardware.json.js';
import type { ParsedErasure } from './hardware.types.js';

interface ErasureList {
  erasures: ParsedErasure[];
  warnings: string[];
}

const VERIFICATION: Readonly<Record<string, ParsedErasure['verification']>> = {
  EraseBasic: 'none',
  EraseSectors: 'last_pass',
};

function actionType(action: JsonObject): string {
  return asString(action.type) ?? asString(action['@type']) ?? '';
}

/** ISO-8601 in UTC, or null when the snapshot's time cannot be read. */
function isoTime(value: unknown): string | null {
  // An ISO date is under 40 characters; a longer string is not one, and Date would scan all of it.
  if (typeof value !== 'string' || value.length > 64) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** Workbench marks a failed action or step with severity "Error". */
function resultOf(action: JsonObject): ParsedErasure['result'] {
  const severities = [action, ...objectsIn(action.steps)].map((item) => asString(item.severity) ?? '');
  return severities.some((severity) => /^error$/i.test(severity)) ? 'failed' : 'passed';
}

function erasureFrom(action: JsonObject, driveSerial: string, tool: string): ParsedErasure {
  const steps = asArray(action.steps);
  return {
    driveSerial,
    method: 'clear',
    technique: 'overwrite',
    tool,
    passes: steps.length > 0 ? steps.length : null,
    verification: Object.hasOwn(VERIFICATION, actionType(action)) ? VERIFICATION[actionType(action)] : 'none',
    result: resultOf(action),
    startedAt: isoTime(action.startTime),
    finishedAt: isoTime(action.endTime),
  };
}

export function parseWorkbench11Erasures(component: JsonObject, driveSerial: string, tool: string): ErasureList {
  const list: ErasureList = { erasures: [], warnings: [] };
  for (const action of objectsIn(component.actions)) {
    const type = actionType(action);
    if (Object.hasOwn(VERIFICATION, type)) list.erasures.push(erasureFrom(action, driveSerial, tool));
    else if (/^erase/i.test(type))
      list.warnings.push(
        `Ignored the erasure action "${type}" on drive ${driveSerial}: Nimah does not know how to read it.`,
      );
  }
  return list;
}
