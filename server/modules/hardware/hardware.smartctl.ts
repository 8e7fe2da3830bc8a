// `smartctl --json` (-x or -a) output, one object per drive. Entries without a serial (USB bridges that hide the
// drive, card readers, devices smartctl could not open) are reported in warnings, never returned as drives.
import { asArray, asBoolean, asNumber, asString, dig, isObject, type JsonObject } from './hardware.json.js';
import { emptyResult, type SourceResult } from './hardware.merge.js';
import { cleanSerial, cleanText } from './hardware.placeholders.js';
import { leadingInteger, nonNegativeInteger } from './hardware.units.js';
import type { MediaType, ParsedDrive } from './hardware.types.js';

/** Recognises one smartctl JSON object by the keys every smartctl --json output (or drive section) has. */
export function looksLikeSmartctl(value: unknown): boolean {
  if (!isObject(value)) return false;
  if ('json_format_version' in value || isObject(value.smartctl)) return true;
  return isObject(value.device) && ('serial_number' in value || 'model_name' in value || 'smart_status' in value);
}

/** Raw value of an ATA SMART attribute. The raw number can pack several fields, so its text is read first. */
function ataAttribute(entry: JsonObject, id: number): number | null {
  const attribute = asArray(dig(entry, 'ata_smart_attributes', 'table')).find((row) => dig(row, 'id') === id);
  if (attribute === undefined) return null;
  return (
    leadingInteger(asString(dig(attribute, 'raw', 'string'))) ??
    nonNegativeInteger(asNumber(dig(attribute, 'raw', 'value')))
  );
}

function isNvme(entry: JsonObject): boolean {
  const protocol = asString(dig(entry, 'device', 'protocol')) ?? '';
  const type = asString(dig(entry, 'device', 'type')) ?? '';
  return /nvme/i.test(protocol) || /nvme/i.test(type);
}

function mediaType(entry: JsonObject, model: string | null): MediaType {
  if (isNvme(entry)) return 'nvme';
  if (/mmcblk/.test(asString(dig(entry, 'device', 'name')) ?? '')) return 'emmc';
  const rotation = asNumber(entry.rotation_rate);
  if (rotation === 0) return 'ssd';
  if (rotation !== undefined && rotation > 0) return 'hdd';
  return model !== null && /\bSSD\b/i.test(model) ? 'ssd' : 'other';
}

function capacityBytes(entry: JsonObject): number | null {
  const namespaces = asArray(entry.nvme_namespaces).map((ns) => asNumber(dig(ns, 'size', 'bytes')) ?? 0);
  const namespaceTotal = namespaces.reduce((sum, bytes) => sum + bytes, 0);
  const candidates = isNvme(entry)
    ? [asNumber(entry.nvme_total_capacity), namespaceTotal || undefined, asNumber(dig(entry, 'user_capacity', 'bytes'))]
    : [asNumber(dig(entry, 'user_capacity', 'bytes'))];
  return candidates.map((bytes) => nonNegativeInteger(bytes)).find((bytes) => bytes !== null && bytes > 0) ?? null;
}

function powerOnHours(entry: JsonObject): number | null {
  return (
    nonNegativeInteger(asNumber(dig(entry, 'power_on_time', 'hours'))) ??
    nonNegativeInteger(asNumber(dig(entry, 'nvme_smart_health_information_log', 'power_on_hours'))) ??
    ataAttribute(entry, 9)
  );
}

/** SCSI drives have no attribute 5; their grown defect list counts the same remapped sectors. */
function reallocatedSectors(entry: JsonObject): number | null {
  return ataAttribute(entry, 5) ?? nonNegativeInteger(asNumber(entry.scsi_grown_defect_list));
}

/**
 * Attribute 197 (Current_Pending_Sector). Many SSDs omit it; they report the same unreadable sectors as 198
 * (Offline_Uncorrectable) or 187 (Reported_Uncorrect), so those stand in, in that order.
 */
function pendingSectors(entry: JsonObject): number | null {
  return ataAttribute(entry, 197) ?? ataAttribute(entry, 198) ?? ataAttribute(entry, 187);
}

function modelOf(entry: JsonObject): string | null {
  const vendorProduct = [cleanText(entry.vendor), cleanText(entry.product)].filter(Boolean).join(' ');
  return cleanText(entry.model_name) ?? cleanText(vendorProduct) ?? cleanText(entry.model_family);
}

function deviceName(entry: JsonObject): string {
  const argv = asArray(dig(entry, 'smartctl', 'argv')).filter((arg): arg is string => typeof arg === 'string');
  return cleanText(dig(entry, 'device', 'name')) ?? cleanText(argv.at(-1)) ?? 'an unnamed device';
}

function skippedWarning(entry: JsonObject, model: string | null): string {
  const errors = asArray(dig(entry, 'smartctl', 'messages'))
    .filter((message) => dig(message, 'severity') === 'error')
    .map((message) => cleanText(dig(message, 'string')))
    .filter(Boolean);
  const what = model ? `${deviceName(entry)} (${model})` : deviceName(entry);
  const why = errors.length > 0 ? ` (smartctl said: ${errors.join('; ')})` : '';
  return (
    `Skipped the smartctl entry for ${what} because it has no serial number${why}; ` +
    'it is usually a USB bridge, a card reader or a device smartctl could not read.'
  );
}

function parseEntry(entry: JsonObject): ParsedDrive | string {
  const model = modelOf(entry);
  const serialNumber = cleanSerial(entry.serial_number);
  if (serialNumber === null) return skippedWarning(entry, model);
  return {
    serialNumber,
    model,
    mediaType: mediaType(entry, model),
    capacityBytes: capacityBytes(entry),
    smartPassed: asBoolean(dig(entry, 'smart_status', 'passed')) ?? null,
    powerOnHours: powerOnHours(entry),
    reallocatedSectors: reallocatedSectors(entry),
    pendingSectors: pendingSectors(entry),
  };
}

/** Parses a list of smartctl outputs (a single output is a list of one). */
export function parseSmartctl(entries: unknown[]): SourceResult {
  const result = emptyResult();
  for (const entry of entries) {
    if (!isObject(entry)) {
      result.warnings.push('Skipped a smartctl entry that is not a JSON object.');
      continue;
    }
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') result.warnings.push(parsed);
    else result.drives.push(parsed);
  }
  return result;
}
