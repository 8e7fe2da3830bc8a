// Drives in an lshw tree. NVMe drives appear twice: a "storage" controller node holding the serial and model,
// and "disk" namespace nodes below it holding the size; they become one drive. Other disks are "disk" nodes.
import { asNumber, asString, objectsIn, type JsonObject } from './hardware.json.js';
import { capabilities, isNvmeController, logicalName, type LshwVisit } from './hardware.lshw-tree.js';
import { cleanSerial, cleanText } from './hardware.placeholders.js';
import { nonNegativeInteger } from './hardware.units.js';
import type { MediaType, ParsedDrive } from './hardware.types.js';

interface DiskList {
  drives: ParsedDrive[];
  warnings: string[];
}

function describe(node: JsonObject): string {
  const name = logicalName(node) ?? asString(node.businfo) ?? asString(node.id) ?? 'a disk';
  const label = [cleanText(node.vendor), cleanText(node.product)].filter(Boolean).join(' ');
  return label ? `${name} (${label})` : name;
}

function sizeOf(node: JsonObject): number | null {
  const own = nonNegativeInteger(asNumber(node.size));
  if (own) return own;
  // Removable media report their size on a "medium" child node.
  const medium = objectsIn(node.children)
    .map((child) => nonNegativeInteger(asNumber(child.size)))
    .find(Boolean);
  return medium ?? null;
}

function isOptical(node: JsonObject): boolean {
  const text = `${asString(node.description) ?? ''} ${logicalName(node) ?? ''}`;
  return (
    /\b(cd|dvd|bd)(-rom|-rw|-r)?\b|\/dev\/sr\d|cdrom/i.test(text) ||
    capabilities(node).some((cap) => /^(cd|dvd)/.test(cap))
  );
}

function mediaType(node: JsonObject): MediaType {
  if (/^nvme@/.test(asString(node.businfo) ?? '')) return 'nvme';
  if (/mmcblk/.test(logicalName(node) ?? '')) return 'emmc';
  // lshw lists the spindle speed of rotating disks as a capability such as "7200rpm".
  if (capabilities(node).some((cap) => /^[1-9]\d*rpm$/.test(cap))) return 'hdd';
  const text = `${asString(node.description) ?? ''} ${asString(node.product) ?? ''}`;
  return /\bSSD\b|solid.state/i.test(text) ? 'ssd' : 'other';
}

function driveFrom(node: JsonObject, type: MediaType, capacityBytes: number | null): ParsedDrive | null {
  const serialNumber = cleanSerial(node.serial);
  if (serialNumber === null) return null;
  return {
    serialNumber,
    model: cleanText(node.product) ?? cleanText(node.vendor),
    mediaType: type,
    capacityBytes,
    smartPassed: null,
    powerOnHours: null,
    reallocatedSectors: null,
    pendingSectors: null,
  };
}

/** The controller's own namespaces are its disk children (a scan of every node per controller was quadratic). */
function nvmeDrive(visit: LshwVisit): ParsedDrive | string {
  const namespaces = objectsIn(visit.node.children).filter((child) => child.class === 'disk');
  const total = namespaces.reduce((sum, ns) => sum + (sizeOf(ns) ?? 0), 0);
  const drive = driveFrom(visit.node, 'nvme', total > 0 ? total : null);
  return drive ?? `Skipped the NVMe drive ${describe(visit.node)} because lshw shows no serial number.`;
}

function plainDrive(visit: LshwVisit): ParsedDrive | string | null {
  const { node } = visit;
  // A disk inside a disk is the medium of a card reader or optical drive; one inside an NVMe controller is a
  // namespace already counted with its controller.
  if (visit.insideDrive) return null;
  if (isOptical(node)) return `Skipped the optical drive ${describe(node)}: it holds no user data to sanitize.`;
  const capacity = sizeOf(node);
  if (capacity === null) {
    return `Skipped ${describe(node)}: it has no medium (an empty card reader slot or removable drive).`;
  }
  return (
    driveFrom(node, mediaType(node), capacity) ??
    `Skipped ${describe(node)} because lshw shows no serial number (usually a USB bridge or card reader).`
  );
}

export function parseLshwDisks(visits: LshwVisit[]): DiskList {
  const list: DiskList = { drives: [], warnings: [] };
  for (const visit of visits) {
    let parsed: ParsedDrive | string | null = null;
    if (isNvmeController(visit.node)) parsed = nvmeDrive(visit);
    else if (visit.node.class === 'disk') parsed = plainDrive(visit);
    if (typeof parsed === 'string') list.warnings.push(parsed);
    else if (parsed !== null) list.drives.push(parsed);
  }
  return list;
}
