// Manufacturer and model naming rules that every source shares.
import { cleanText } from './hardware.placeholders.js';
import type { DeviceType } from './hardware.types.js';

/**
 * The model a technician would type. Lenovo puts its machine type code in the product name ("20HRCTO1WW") and
 * the marketing name in the version field ("ThinkPad X1 Carbon 5th"); everyone else uses the product name.
 */
export function modelName(manufacturer: string | null, product: unknown, version: unknown): string | null {
  const productName = cleanText(product);
  const versionName = cleanText(version);
  const isLenovo = manufacturer !== null && /^lenovo\b/i.test(manufacturer);
  if (isLenovo && versionName !== null && /[a-z]{3}/i.test(versionName)) return versionName;
  return productName;
}

// SMBIOS chassis types (dmidecode prints them as words; lshw and Workbench use lower-case or CamelCase
// variants), compared without case, spaces or hyphens.
const CHASSIS_TYPES: ReadonlyArray<[DeviceType, readonly string[]]> = [
  ['laptop', ['notebook', 'laptop', 'portable', 'subnotebook', 'convertible', 'netbook']],
  [
    'desktop',
    [
      'desktop',
      'desktopcomputer',
      'lowprofiledesktop',
      'lowprofile',
      'pizzabox',
      'minitower',
      'microtower',
      'tower',
      'spacesaving',
      'lunchbox',
      'sealedcasepc',
      'sealed',
      'minipc',
      'mini',
      'stickpc',
      'stick',
      'embeddedpc',
    ],
  ],
  ['all_in_one', ['allinone']],
  ['tablet', ['tablet', 'detachable', 'handheld']],
  [
    'other',
    [
      'mainserverchassis',
      'server',
      'rackmountchassis',
      'rackmount',
      'blade',
      'bladeenclosure',
      'multisystemchassis',
      'multisystem',
      'expansionchassis',
      'dockingstation',
      'docking',
      'virtual',
      'iotgateway',
    ],
  ],
];

/** Device type from a chassis or device-class word; null for "Other", "Unknown" and words we do not know. */
export function deviceTypeFromChassis(value: unknown): DeviceType | null {
  const text = cleanText(value);
  if (text === null) return null;
  const key = text.toLowerCase().replace(/[\s\-_]/g, '');
  for (const [type, words] of CHASSIS_TYPES) {
    if (words.includes(key)) return type;
  }
  return null;
}
