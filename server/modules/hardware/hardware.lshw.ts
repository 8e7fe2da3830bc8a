// `lshw -json`: the root node is the machine (vendor, product, serial, configuration.chassis); processors,
// memory banks and disks are nodes further down.
import { deviceTypeFromChassis, modelName } from './hardware.identity.js';
import { asNumber, asObject, asString, objectsIn, type JsonObject } from './hardware.json.js';
import { parseLshwDisks } from './hardware.lshw-disks.js';
import { emptyResult, type SourceResult } from './hardware.merge.js';
import { cleanSerial, cleanText } from './hardware.placeholders.js';
import { lshwRoot, walkLshw, type LshwVisit } from './hardware.lshw-tree.js';
import { bytesToRamGb } from './hardware.units.js';
import type { ParsedDevice } from './hardware.types.js';

/** lshw appends the SMBIOS SKU to the product ("20HRCTO1WW (LENOVO_MT_20HR_…)"); the SKU is not the model. */
function productWithoutSku(root: JsonObject): string | undefined {
  const product = asString(root.product);
  const sku = asString(asObject(root.configuration)?.sku);
  if (product === undefined || sku === undefined) return product;
  const suffix = ` (${sku})`;
  return product.endsWith(suffix) ? product.slice(0, -suffix.length) : product;
}

function processorName(visits: LshwVisit[]): string | null {
  for (const { node } of visits) {
    if (node.class !== 'processor' || node.disabled === true) continue;
    const name = cleanText(node.product);
    if (name) return name;
  }
  return null;
}

/** Sum of the memory banks under "System Memory"; the node's own size when the banks carry none. */
function ramGb(visits: LshwVisit[]): number | null {
  let total = 0;
  for (const { node } of visits) {
    if (node.class !== 'memory' || !/system memory/i.test(asString(node.description) ?? '')) continue;
    const banks = objectsIn(node.children).map((bank) => asNumber(bank.size) ?? 0);
    const bankTotal = banks.reduce((sum, size) => sum + size, 0);
    total += bankTotal > 0 ? bankTotal : (asNumber(node.size) ?? 0);
  }
  return bytesToRamGb(total);
}

function deviceFrom(root: JsonObject, visits: LshwVisit[]): ParsedDevice {
  const manufacturer = cleanText(root.vendor);
  const chassis = asObject(root.configuration)?.chassis;
  return {
    manufacturer,
    model: modelName(manufacturer, productWithoutSku(root), root.version),
    serialNumber: cleanSerial(root.serial),
    type: deviceTypeFromChassis(chassis) ?? deviceTypeFromChassis(root.description),
    cpu: processorName(visits),
    ramGb: ramGb(visits),
  };
}

/** Parses an lshw document (object or array form); an unusable document gives an empty result. */
export function parseLshw(value: unknown): SourceResult {
  const root = lshwRoot(value);
  if (root === undefined) return emptyResult();
  const visits = walkLshw(root);
  const disks = parseLshwDisks(visits);
  return { ...emptyResult(), device: deviceFrom(root, visits), drives: disks.drives, warnings: disks.warnings };
}
