// eReuse Workbench 11 snapshots are already normalised: a `device` (the computer) and `components`, each with
// `actions` (tests, benchmarks, erasures). Sizes are in megabytes: data storage in 10^6 bytes, RAM in MiB.
import { deviceTypeFromChassis, modelName } from './hardware.identity.js';
import { asBoolean, asNumber, asString, isObject, objectsIn, type JsonObject } from './hardware.json.js';
import { emptyResult, type SourceResult } from './hardware.merge.js';
import { cleanSerial, cleanText } from './hardware.placeholders.js';
import { nonNegativeInteger } from './hardware.units.js';
import { parseWorkbench11Erasures } from './hardware.workbench11-erasure.js';
import type { MediaType, ParsedDevice, ParsedDrive } from './hardware.types.js';

const STORAGE_TYPES = new Set(['HardDrive', 'SolidStateDrive', 'DataStorage']);

export function componentType(component: JsonObject): string {
  return asString(component.type) ?? asString(component['@type']) ?? '';
}

export function looksLikeWorkbench11(value: unknown): boolean {
  return isObject(value) && isObject(value.device) && Array.isArray(value.components);
}

function mediaType(component: JsonObject): MediaType {
  if (/nvme/i.test(asString(component.interface) ?? '')) return 'nvme';
  const type = componentType(component);
  if (type === 'HardDrive') return 'hdd';
  return type === 'SolidStateDrive' ? 'ssd' : 'other';
}

/** The drive's own SMART test, as Workbench summarised it. */
function smartTest(component: JsonObject): JsonObject | undefined {
  return objectsIn(component.actions).find((action) => componentType(action) === 'TestDataStorage');
}

function driveFrom(component: JsonObject, serialNumber: string): ParsedDrive {
  const test = smartTest(component);
  const sizeMb = asNumber(component.size);
  return {
    serialNumber,
    model: cleanText(component.model),
    mediaType: mediaType(component),
    capacityBytes: sizeMb !== undefined && sizeMb > 0 ? Math.round(sizeMb * 1e6) : null,
    smartPassed: asBoolean(test?.assessment) ?? null,
    powerOnHours: nonNegativeInteger(asNumber(test?.lifetime)),
    reallocatedSectors: nonNegativeInteger(asNumber(test?.reallocatedSectorCount)),
    pendingSectors: nonNegativeInteger(asNumber(test?.currentPendingSectorCount)),
  };
}

function deviceFrom(device: JsonObject, components: JsonObject[]): ParsedDevice {
  const manufacturer = cleanText(device.manufacturer);
  const processor = components.find((component) => componentType(component) === 'Processor');
  const ramMb = components
    .filter((component) => componentType(component) === 'RamModule')
    .reduce((sum, module) => sum + (asNumber(module.size) ?? 0), 0);
  return {
    manufacturer,
    model: modelName(manufacturer, device.model, device.version),
    serialNumber: cleanSerial(device.serialNumber),
    type: deviceTypeFromChassis(device.chassis) ?? deviceTypeFromChassis(device.type),
    cpu: cleanText(processor?.model),
    ramGb: ramMb > 0 ? Math.round((ramMb / 1024) * 100) / 100 : null,
  };
}

export function parseWorkbench11(snapshot: JsonObject): SourceResult {
  const result = emptyResult();
  const components = objectsIn(snapshot.components);
  result.device = deviceFrom(isObject(snapshot.device) ? snapshot.device : {}, components);
  const tool = ['Workbench', cleanText(snapshot.version)].filter(Boolean).join(' ');
  for (const component of components.filter((c) => STORAGE_TYPES.has(componentType(c)))) {
    const serialNumber = cleanSerial(component.serialNumber);
    if (serialNumber === null) {
      const model = cleanText(component.model) ?? 'unknown model';
      result.warnings.push(
        `Skipped a ${componentType(component)} (${model}) because the snapshot gives no serial number; its erasures, if any, were skipped too.`,
      );
      continue;
    }
    result.drives.push(driveFrom(component, serialNumber));
    const erasures = parseWorkbench11Erasures(component, serialNumber, tool);
    result.erasures.push(...erasures.erasures);
    result.warnings.push(...erasures.warnings);
  }
  return result;
}
